//! Articles: what lists show of one (`ArticleSummary`) and the whole article with its body
//! as typed blocks, never HTML, so article content cannot carry script.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::{is_false, CategoryRef, Lang, Tag};

mod block;
mod flat;

/// An image with its proportions, so the page can reserve its space before it loads, and
/// the sizes it is served in, so a phone downloads a phone-sized file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Image {
    /// A JPEG about 960 px wide, for clients that do not choose among `variants`.
    pub url: String,
    /// Size of the picture (upright); every variant has these proportions.
    pub width: u32,
    pub height: u32,
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Who made the picture ("Photo: …"), shown beside the caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// The picture at several widths in each format (WebP first), for `srcset`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<ImageVariant>,
}

/// `sizes` of an article's own picture: the article column (46rem) on wide screens, the
/// screen less the page's margins on phones. The app and the server's first screen use the
/// same value, so the browser picks the same file for both and downloads it once.
pub const ARTICLE_PICTURE_SIZES: &str = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";
/// `sizes` of a list's lead card picture (three fifths of the 75rem page on wide screens).
pub const LEAD_CARD_SIZES: &str = "(min-width: 64rem) 44rem, calc(100vw - 2rem)";
/// `sizes` of a card in a grid of cards (at least 15rem wide, up to four in a row).
pub const CARD_SIZES: &str = "(min-width: 48rem) 24rem, calc(100vw - 2rem)";

/// A file format images are served in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Jpeg,
    Webp,
}

impl ImageFormat {
    /// The format's media type, as in `<source type>`.
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Webp => "image/webp",
        }
    }
}

/// One served file of an image: its URL (immutable: a new picture gets a new URL), width
/// in pixels and format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ImageVariant {
    pub url: String,
    pub width: u32,
    pub format: ImageFormat,
}

impl Image {
    /// The `srcset` of the variants in `format` ("url 480w, url 960w"); empty when none.
    pub fn srcset(&self, format: ImageFormat) -> String {
        let mut set = String::new();
        for variant in self
            .variants
            .iter()
            .filter(|variant| variant.format == format)
        {
            if !set.is_empty() {
                set.push_str(", ");
            }
            set.push_str(&variant.url);
            set.push(' ');
            set.push_str(&variant.width.to_string());
            set.push('w');
        }
        set
    }

    /// The files kept with a saved article (space-separated URLs): every WebP size a page or
    /// card may pick, and the JPEG fallback, so it shows offline whatever the screen. The app's
    /// Save and the first screen's keep the same files.
    pub fn offline_files(&self) -> String {
        let mut files: Vec<&str> = self
            .variants
            .iter()
            .filter(|variant| variant.format == ImageFormat::Webp)
            .map(|variant| variant.url.as_str())
            .collect();
        files.push(&self.url);
        files.join(" ")
    }
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

/// One block of an article body. The front end renders each as an element and never as HTML.
///
/// Read by [`block`] (one pass, no buffering), not by serde's derived decoder.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// A whole article: `GET /api/v1/articles/{slug}`: everything a list shows of it, and more.
///
/// On the wire it is one flat object (the summary's fields beside the rest). It is read by
/// [`flat`], not by serde's `flatten`, which buffers the whole object first and would add a
/// second copy of every block's decoder to the front end's WebAssembly.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Article {
    /// Slug, language, title, lead, category, author, publication time and picture.
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub source: String,
    /// RFC 3339, UTC; present when the article was changed after publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    pub body: Vec<Block>,
    /// The article's tags, named in its language.
    pub tags: Vec<Tag>,
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
    fn an_article_is_its_summary_and_more_in_one_flat_object() {
        let json = r#"{"slug":"s","lang":"ru","title":"T","lead":"L",
            "category":{"slug":"c","name":"C"},"author":"A","published_at":"2025-01-14T13:32:00Z",
            "source":"","body":[],"tags":[],"views":3,"reading_minutes":1,"translations":[]}"#;
        let article: Article = serde_json::from_str(json).unwrap();
        assert_eq!(article.summary.lang, Lang::Ru);
        assert_eq!(article.views, 3);
        let back = serde_json::to_value(&article).unwrap();
        assert_eq!(back["title"], "T");
        assert!(back.get("summary").is_none());
        let again: Article = serde_json::from_value(back).unwrap();
        assert_eq!(again, article);
    }

    #[test]
    fn an_article_object_is_checked_like_any_other() {
        let full = serde_json::json!({"slug":"s","lang":"en","title":"T","lead":"L",
            "category":{"slug":"c","name":"C"},"author":"A","published_at":"2025-01-14T13:32:00Z",
            "source":"","body":[],"tags":[],"views":3,"reading_minutes":1,"translations":[],
            "image":null,"added_later":{"any":"thing"}});
        let article: Article = serde_json::from_value(full.clone()).unwrap();
        assert_eq!(article.summary.image, None);
        let mut missing = full.clone();
        missing.as_object_mut().unwrap().remove("title");
        let error = serde_json::from_value::<Article>(missing)
            .unwrap_err()
            .to_string();
        assert!(error.contains("missing field `title`"), "{error}");
        let duplicated = r#"{"slug":"a","slug":"b"}"#;
        let error = serde_json::from_str::<Article>(duplicated)
            .unwrap_err()
            .to_string();
        assert!(error.contains("duplicate field `slug`"), "{error}");
        assert!(serde_json::from_str::<Article>("[]").is_err());
    }
}
