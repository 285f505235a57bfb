//! The contract between Gazette's front end and any API server, version 1.
//!
//! One definition of everything both sides must agree on: the JSON types (shared by the front
//! end, which deserialises them, and the reference server, which serialises them and derives the
//! OpenAPI document from them with the `openapi` feature), the languages ([`lang`]), the public
//! URL scheme and the API paths ([`routes`]), the link allowlist ([`links`]), the header names,
//! the interface texts the server's first screen shares with the app ([`texts`]), and the
//! front end's small JSON reader for these types ([`json`]).
//! A newsroom backend that serves these shapes can drive the front end unchanged.
//!
//! Times are RFC 3339 strings in UTC; the front end shows them in the site's time zone, whose
//! offsets the site information lists ([`clock`] does the arithmetic).
//! Article bodies are typed [`Block`]s, never HTML, so article content cannot carry script.

pub mod admin;
pub mod article;
pub mod category;
pub mod clock;
pub mod error;
pub mod json;
pub mod lang;
pub mod links;
pub mod list;
pub mod routes;
pub mod search;
pub mod site;
pub mod texts;

pub use admin::{ArticleInput, ArticleStatus, CategoryInput, TagInput, UploadedImage};
pub use article::{
    Article, ArticleSummary, Block, Image, ImageFormat, ImageVariant, Inline, Translation,
    ViewCount, ARTICLE_PICTURE_SIZES, CARD_SIZES, LEAD_CARD_SIZES,
};
pub use category::{Category, CategoryList, CategoryRef, Tag};
pub use error::{ErrorBody, ErrorDetail};
pub use lang::Lang;
pub use list::{ArticleList, FEED_CARDS_BEFORE_INTERLUDE};
pub use search::{SearchHit, SearchResults, SnippetPart};
pub use site::{AdPlacement, AppLink, FooterLink, LanguageInfo, SiteInfo, SocialLink, ZoneOffset};

/// The path prefix every endpoint of this contract lives under.
pub const API_PREFIX: &str = "/api/v1";

/// Request header with the reader's anonymous id, so a visit is counted once per reader.
pub const VISITOR_HEADER: &str = "x-gazette-visitor";

/// `skip_serializing_if` for flags: an unset flag is left out of the JSON.
pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}
