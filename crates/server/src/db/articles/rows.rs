//! The shapes article queries read and write: rows as the database returns them, list filters and
//! positions, and an article ready to store.

use gazette_api_types::{ArticleStatus, Block, Lang, Tag};
use sqlx::FromRow;

/// The columns every list shows, joined with the category's name in the article's language.
pub(super) const SUMMARY_COLUMNS: &str = "a.id, a.story_id, a.lang, a.slug, a.category,
    COALESCE(t.name, en.name, a.category) AS category_name,
    a.title, a.lead, a.author, a.published_at, a.image_alt, a.image_caption, a.image_credit,
    a.image_id, i.width AS image_width, i.height AS image_height, i.widths AS image_widths";

/// The joins [`SUMMARY_COLUMNS`] needs, with the articles table aliased `a`.
pub(super) const SUMMARY_JOINS: &str =
    "LEFT JOIN category_texts t ON t.category = a.category AND t.lang = a.lang
    LEFT JOIN category_texts en ON en.category = a.category AND en.lang = 'en'
    LEFT JOIN images i ON i.id = a.image_id";

/// An article row as lists need it.
#[derive(Debug, FromRow)]
pub struct SummaryRow {
    pub id: i64,
    pub story_id: i64,
    pub lang: String,
    pub slug: String,
    pub category: String,
    pub category_name: String,
    pub title: String,
    pub lead: String,
    pub author: String,
    pub published_at: i64,
    pub image_alt: Option<String>,
    pub image_caption: Option<String>,
    pub image_credit: Option<String>,
    /// The uploaded picture, with its size and variant widths from `images`.
    pub image_id: Option<String>,
    pub image_width: Option<i64>,
    pub image_height: Option<i64>,
    pub image_widths: Option<String>,
}

/// A whole article row.
#[derive(Debug, FromRow)]
pub struct ArticleRow {
    #[sqlx(flatten)]
    pub summary: SummaryRow,
    pub body: String,
    pub body_text: String,
    pub source: String,
    pub updated_at: Option<i64>,
    pub status: String,
    pub views: i64,
}

/// A whole article row with its tags and the (language, slug) of its published translations.
#[derive(Debug)]
pub struct ArticleRecord {
    pub row: ArticleRow,
    pub tags: Vec<Tag>,
    pub translations: Vec<(String, String)>,
}

/// A search result row: the summary plus the highlighted title and a body snippet.
#[derive(Debug, FromRow)]
pub struct SearchRow {
    #[sqlx(flatten)]
    pub summary: SummaryRow,
    pub title_marked: String,
    pub snippet_marked: String,
}

/// Position in a list ordered by publication time, newest first: the last item seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListPosition {
    pub published_at: i64,
    pub id: i64,
}

/// What a list request asks for.
#[derive(Clone, Debug, Default)]
pub struct ListFilter<'a> {
    pub lang: Lang,
    pub category: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub after: Option<ListPosition>,
    pub limit: u32,
}

/// An article as the server stores it, after sanitising.
#[derive(Clone, Debug)]
pub struct NewArticle<'a> {
    pub lang: Lang,
    pub slug: &'a str,
    pub category: &'a str,
    pub title: &'a str,
    pub lead: &'a str,
    pub body: &'a [Block],
    pub body_text: &'a str,
    pub author: &'a str,
    pub source: &'a str,
    pub tags: &'a [String],
    pub image_alt: Option<&'a str>,
    pub image_caption: Option<&'a str>,
    pub image_credit: Option<&'a str>,
    /// An uploaded image's id (checked to exist).
    pub image_id: Option<&'a str>,
    pub published_at: i64,
    pub status: ArticleStatus,
    /// When it became breaking news (now, on a write that marks it), or `None`.
    pub breaking_since: Option<i64>,
}
