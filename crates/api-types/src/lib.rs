//! The JSON contract of the Gazette API, version 1.
//!
//! One definition of every type that crosses the wire, shared by the front end (which
//! deserialises it) and the reference server (which serialises it and derives the OpenAPI
//! document from it with the `openapi` feature). A newsroom backend that serves these shapes
//! can drive the front end unchanged.
//!
//! Times are RFC 3339 strings in UTC; the front end shows them in the site's time zone.
//! Article bodies are typed [`Block`]s, never HTML, so article content cannot carry script.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// The path prefix every endpoint of this contract lives under.
pub const API_PREFIX: &str = "/api/v1";

/// A language the site publishes in. English is the default and has no URL prefix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ru,
    Hy,
}

impl Lang {
    /// Every language, default first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Hy];

    /// The ISO 639-1 code used in URLs, queries and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Hy => "hy",
        }
    }

    /// Parses an ISO 639-1 code; `None` for a language the site does not publish in.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }
}

/// One language as the language switch shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct LanguageInfo {
    pub code: Lang,
    /// Short label for the switch, e.g. "EN", "RU", "ARM".
    pub label: String,
    /// The language's own name, e.g. "Русский".
    pub name: String,
}

/// A link to one of the newsroom's social network accounts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SocialLink {
    /// Network key: `x`, `youtube`, `instagram`, `facebook`, `telegram`.
    pub network: String,
    /// Human name of the network, e.g. "Telegram".
    pub name: String,
    pub url: String,
}

/// A link to the newsroom's native app in a store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AppLink {
    /// Store key: `app-store` or `google-play`.
    pub store: String,
    pub name: String,
    pub url: String,
}

/// An advertising slot: the front end reserves exactly this space so nothing shifts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AdSlot {
    /// Placement key: `top`, `in-article`, `sidebar`.
    pub placement: String,
    pub width: u32,
    pub height: u32,
}

/// Everything about the site that is not an article: `GET /api/v1/site`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SiteInfo {
    pub name: String,
    pub tagline: String,
    /// The language these texts are in.
    pub lang: Lang,
    pub languages: Vec<LanguageInfo>,
    /// IANA time zone the newsroom publishes in, e.g. "Asia/Baku"; every reader sees times in it.
    pub time_zone: String,
    /// Public origin of the site, e.g. "https://gazette.example", used for canonical and share URLs.
    pub base_url: String,
    pub social: Vec<SocialLink>,
    pub apps: Vec<AppLink>,
    /// "Use of materials is allowed only with a hyperlink to the site" in the site's words.
    pub footer_notice: String,
    pub copyright: String,
    pub ad_slots: Vec<AdSlot>,
}

/// A news category (section) of the site: `GET /api/v1/categories`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Category {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub position: i64,
}

/// The list of categories, in navigation order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CategoryList {
    pub items: Vec<Category>,
}

/// Just enough of a category to label and link an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CategoryRef {
    pub slug: String,
    pub name: String,
}

/// An image with the size it is served at, so the page can reserve its space before it loads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Image {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
}

/// An article as lists show it (cards, related news, search results).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticleSummary {
    pub slug: String,
    pub lang: Lang,
    pub title: String,
    pub lead: String,
    pub category: CategoryRef,
    pub author: String,
    /// RFC 3339, UTC.
    pub published_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
}

/// One page of a list with an opaque cursor to the next page (`None` at the end).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticlePage {
    pub items: Vec<ArticleSummary>,
    pub next_cursor: Option<String>,
}

/// A run of text with its marks; a paragraph is a list of these.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Inline {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub italic: bool,
    /// An `http(s)` or `mailto` URL; the server never emits any other scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// One block of an article body. The front end renders each as an element and never as HTML.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        inlines: Vec<Inline>,
    },
    /// A subheading; level 2 or 3 (the page title is the only level 1).
    Heading {
        level: u8,
        text: String,
    },
    Quote {
        inlines: Vec<Inline>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cite: Option<String>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Image {
        image: Image,
    },
    /// A link to outside content shown as a card (never an iframe).
    Embed {
        url: String,
        title: String,
    },
}

/// The same article in another language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Translation {
    pub lang: Lang,
    pub slug: String,
}

/// A whole article: `GET /api/v1/articles/{slug}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Article {
    pub slug: String,
    pub lang: Lang,
    pub title: String,
    pub lead: String,
    pub category: CategoryRef,
    pub author: String,
    pub source: String,
    /// RFC 3339, UTC.
    pub published_at: String,
    /// RFC 3339, UTC; present when the article was changed after publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    pub body: Vec<Block>,
    pub tags: Vec<String>,
    pub views: u64,
    pub reading_minutes: u32,
    /// Other languages this article exists in.
    pub translations: Vec<Translation>,
}

/// The view counter after a visit was counted: `POST /api/v1/articles/{slug}/views`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ViewCount {
    pub views: u64,
}

/// Part of a search snippet; `hit` parts matched the query and are shown highlighted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SnippetPart {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub hit: bool,
}

/// One search result: the article and where the query matched.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub title: Vec<SnippetPart>,
    pub snippet: Vec<SnippetPart>,
}

/// One page of search results: `GET /api/v1/search`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SearchPage {
    pub items: Vec<SearchHit>,
    pub next_cursor: Option<String>,
}

/// The body of every error response: `{ "error": { "code": "...", "message": "..." } }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ApiError {
    pub error: ErrorDetail,
}

/// What went wrong, for programs (`code`) and for people (`message`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `not_found`, `invalid_query`, `unauthorized`.
    pub code: String,
    pub message: String,
}

/// Publication state of an article written by the newsroom.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ArticleStatus {
    #[default]
    Published,
    Draft,
}

/// What an editor sends to create or replace an article: `POST/PUT /api/v1/admin/articles`.
///
/// `body_html` is sanitised on the server and converted to [`Block`]s; markup that has no
/// block (scripts, iframes, event attributes, `javascript:` links) is dropped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticleInput {
    pub lang: Lang,
    pub slug: String,
    pub category: String,
    pub title: String,
    pub lead: String,
    pub body_html: String,
    pub author: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub image_alt: Option<String>,
    #[serde(default)]
    pub image_caption: Option<String>,
    /// RFC 3339; defaults to now.
    #[serde(default)]
    pub published_at: Option<String>,
    #[serde(default)]
    pub status: ArticleStatus,
    /// Slug of the English article this one translates, linking the two.
    #[serde(default)]
    pub translation_of: Option<String>,
}

/// What an editor sends to create or rename a category: `PUT /api/v1/admin/categories/{slug}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CategoryInput {
    pub lang: Lang,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub position: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_tagged_by_type() {
        let block = Block::Heading {
            level: 2,
            text: "Trade".into(),
        };
        let json = serde_json::to_string(&block).unwrap();
        assert_eq!(json, r#"{"type":"heading","level":2,"text":"Trade"}"#);
        let back: Block = serde_json::from_str(&json).unwrap();
        assert_eq!(back, block);
    }

    #[test]
    fn unmarked_inline_text_is_compact() {
        let inline = Inline {
            text: "plain".into(),
            ..Inline::default()
        };
        assert_eq!(
            serde_json::to_string(&inline).unwrap(),
            r#"{"text":"plain"}"#
        );
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(serde_json::to_string(&Lang::Hy).unwrap(), r#""hy""#);
    }
}
