//! What editors send to the editor endpoints under `/api/v1/admin`.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::Lang;

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
/// block (scripts, iframes, event attributes, `javascript:` links) is dropped. A picture in the
/// body is an `<img src alt>` (optionally in a `<figure>` with a `<figcaption>`) whose `src`
/// is a URL the image upload answered; it becomes a [`Block::Image`] with all its sizes. Its
/// `alt` is required; other `<img>`s are dropped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticleInput {
    pub lang: Lang,
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^[a-z0-9]+(-[a-z0-9]+)*$",
            max_length = 120,
            example = "new-bridge-opens"
        )
    )]
    pub slug: String,
    /// The slug of an existing category (422 otherwise).
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", example = "society")
    )]
    pub category: String,
    /// 1 to 300 characters, not only spaces.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 300,
            pattern = "\\S",
            example = "A new bridge opens"
        )
    )]
    pub title: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 2000,
            example = "The city's third bridge opened on Monday."
        )
    )]
    pub lead: String,
    /// Must keep some text once unsafe markup is removed (422 otherwise).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "<p>The bridge carries <strong>four lanes</strong>.</p>")
    )]
    pub body_html: String,
    /// 1 to 120 characters, not only spaces.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 120, pattern = "\\S", example = "Desk")
    )]
    pub author: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The id of a picture uploaded with `POST /api/v1/admin/images`; `image_alt` is then
    /// required. Without it, an article with `image_alt` gets generated art.
    #[serde(default)]
    pub image: Option<String>,
    #[serde(default)]
    pub image_alt: Option<String>,
    #[serde(default)]
    pub image_caption: Option<String>,
    /// Who made the picture, shown with it.
    #[serde(default)]
    pub image_credit: Option<String>,
    /// RFC 3339; defaults to now.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub published_at: Option<String>,
    #[serde(default)]
    pub status: ArticleStatus,
    /// Slug of the English article this one translates, linking the two.
    #[serde(default)]
    pub translation_of: Option<String>,
    /// Breaking news: listed by `GET /api/v1/breaking` (a banner on every page) from the
    /// moment it is first saved as breaking until `--breaking-minutes` later; saving it
    /// again as breaking keeps that moment, saving it without clears it.
    #[serde(default)]
    pub breaking: bool,
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

/// What an editor sends to name a tag in one language: `PUT /api/v1/admin/tags/{slug}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct TagInput {
    pub lang: Lang,
    pub name: String,
}

/// The answer to an upload (`POST /api/v1/admin/images`): the id articles refer to, the
/// upright size and every file made from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct UploadedImage {
    pub id: String,
    pub width: u32,
    pub height: u32,
    pub variants: Vec<crate::ImageVariant>,
    /// The 1200 × 630 JPEG link previews use.
    pub preview_url: String,
}
