//! Queries on articles: lists walked by index in publication order, one article with its
//! translations, related and most-read lists, full-text search, view counts and editor writes.

use gazette_api_types::{
    Article, ArticleStatus, ArticleSummary, Block, CategoryRef, Image, Lang, SnippetPart,
    Translation,
};
use sqlx::{FromRow, QueryBuilder, Sqlite, SqliteConnection, SqlitePool};

use crate::time_format::rfc3339;

/// Served size of every article image (16:9); pages reserve this space before it loads.
pub const IMAGE_WIDTH: u32 = 1200;
pub const IMAGE_HEIGHT: u32 = 675;

/// Marks the start and end of a search match inside FTS5 highlight output; the sanitiser
/// removes control characters from stored text, so they cannot occur in content.
const HIT_START: char = '\u{1}';
const HIT_END: char = '\u{2}';

/// The columns every list shows, joined with the category's name in the article's language.
const SUMMARY_COLUMNS: &str = "a.id, a.story_id, a.lang, a.slug, a.category,
    COALESCE(t.name, en.name, a.category) AS category_name,
    a.title, a.lead, a.author, a.published_at, a.image_alt, a.image_caption";

const SUMMARY_JOINS: &str =
    "LEFT JOIN category_texts t ON t.category = a.category AND t.lang = a.lang
    LEFT JOIN category_texts en ON en.category = a.category AND en.lang = 'en'";

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
}

impl SummaryRow {
    /// The contract's summary of this row.
    pub fn into_summary(self) -> ArticleSummary {
        let image = image_of(self.story_id, self.image_alt, self.image_caption);
        ArticleSummary {
            slug: self.slug,
            lang: Lang::from_code(&self.lang).unwrap_or_default(),
            title: self.title,
            lead: self.lead,
            category: CategoryRef {
                slug: self.category,
                name: self.category_name,
            },
            author: self.author,
            published_at: rfc3339(self.published_at),
            image,
        }
    }
}

/// The article's image: generated per story, present when the newsroom gave it alt text.
fn image_of(story_id: i64, alt: Option<String>, caption: Option<String>) -> Option<Image> {
    alt.map(|alt| Image {
        url: format!("/media/stories/{story_id}.svg"),
        width: IMAGE_WIDTH,
        height: IMAGE_HEIGHT,
        alt,
        caption: caption.filter(|caption| !caption.is_empty()),
    })
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

/// Published articles newest first, one page after `filter.after`.
pub async fn list(
    pool: &SqlitePool,
    filter: &ListFilter<'_>,
) -> Result<Vec<SummaryRow>, sqlx::Error> {
    let mut query: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a {SUMMARY_JOINS} WHERE a.lang = "
    ));
    query.push_bind(filter.lang.code());
    query.push(" AND a.status = 'published'");
    if let Some(category) = filter.category {
        query.push(" AND a.category = ").push_bind(category);
    }
    if let Some(tag) = filter.tag {
        query
            .push(" AND a.id IN (SELECT article_id FROM article_tags WHERE tag = ")
            .push_bind(tag)
            .push(")");
    }
    if let Some(after) = filter.after {
        query
            .push(" AND (a.published_at, a.id) < (")
            .push_bind(after.published_at)
            .push(", ")
            .push_bind(after.id)
            .push(")");
    }
    query
        .push(" ORDER BY a.published_at DESC, a.id DESC LIMIT ")
        .push_bind(i64::from(filter.limit));
    query.build_query_as().fetch_all(pool).await
}

/// A published article by language and slug.
pub async fn get(
    pool: &SqlitePool,
    lang: Lang,
    slug: &str,
) -> Result<Option<ArticleRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.body, a.body_text, a.source, a.updated_at, a.status, a.views
         FROM articles a {SUMMARY_JOINS}
         WHERE a.lang = ?1 AND a.slug = ?2 AND a.status = 'published'"
    ))
    .bind(lang.code())
    .bind(slug)
    .fetch_optional(pool)
    .await
}

/// An article in any state by id, for the editor endpoints.
pub async fn get_by_id(pool: &SqlitePool, id: i64) -> Result<Option<ArticleRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.body, a.body_text, a.source, a.updated_at, a.status, a.views
         FROM articles a {SUMMARY_JOINS} WHERE a.id = ?1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// The id of an article in any state, for editor writes and view counting.
pub async fn id_of(pool: &SqlitePool, lang: Lang, slug: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM articles WHERE lang = ?1 AND slug = ?2")
        .bind(lang.code())
        .bind(slug)
        .fetch_optional(pool)
        .await
}

/// The published id and stored view count of an article.
pub async fn published_views(
    pool: &SqlitePool,
    lang: Lang,
    slug: &str,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, views FROM articles WHERE lang = ?1 AND slug = ?2 AND status = 'published'",
    )
    .bind(lang.code())
    .bind(slug)
    .fetch_optional(pool)
    .await
}

/// Builds the contract's article from a row, its tags and its translations.
pub async fn to_article(
    pool: &SqlitePool,
    row: ArticleRow,
    extra_views: u64,
) -> Result<Article, sqlx::Error> {
    let id = row.summary.id;
    let story_id = row.summary.story_id;
    let tags: Vec<String> =
        sqlx::query_scalar("SELECT tag FROM article_tags WHERE article_id = ?1 ORDER BY tag")
            .bind(id)
            .fetch_all(pool)
            .await?;
    let translations: Vec<(String, String)> = sqlx::query_as(
        "SELECT lang, slug FROM articles
         WHERE story_id = ?1 AND id <> ?2 AND status = 'published' ORDER BY lang",
    )
    .bind(story_id)
    .bind(id)
    .fetch_all(pool)
    .await?;
    // The body was written by this server from typed blocks; a row it cannot read is shown
    // as an empty body rather than failing the whole page.
    let body: Vec<Block> = serde_json::from_str(&row.body).unwrap_or_default();
    let words = row.body_text.split_whitespace().count() as u32;
    let stored_views = u64::try_from(row.views).unwrap_or(0);
    let summary = row.summary.into_summary();
    Ok(Article {
        slug: summary.slug,
        lang: summary.lang,
        title: summary.title,
        lead: summary.lead,
        category: summary.category,
        author: summary.author,
        source: row.source,
        published_at: summary.published_at,
        updated_at: row.updated_at.map(rfc3339),
        image: summary.image,
        body,
        tags,
        views: stored_views + extra_views,
        reading_minutes: words.div_ceil(200).max(1),
        translations: translations
            .into_iter()
            .filter_map(|(lang, slug)| {
                Lang::from_code(&lang).map(|lang| Translation { lang, slug })
            })
            .collect(),
    })
}

/// Newest published articles of the same category, other than the given one.
pub async fn related(
    pool: &SqlitePool,
    lang: Lang,
    category: &str,
    except_id: i64,
    limit: u32,
) -> Result<Vec<SummaryRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a {SUMMARY_JOINS}
         WHERE a.lang = ?1 AND a.category = ?2 AND a.status = 'published' AND a.id <> ?3
         ORDER BY a.published_at DESC, a.id DESC LIMIT ?4"
    ))
    .bind(lang.code())
    .bind(category)
    .bind(except_id)
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await
}

/// The most viewed published articles in a language.
pub async fn most_read(
    pool: &SqlitePool,
    lang: Lang,
    limit: u32,
) -> Result<Vec<SummaryRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a {SUMMARY_JOINS}
         WHERE a.lang = ?1 AND a.status = 'published'
         ORDER BY a.views DESC, a.published_at DESC LIMIT ?2"
    ))
    .bind(lang.code())
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await
}

/// A search result row: the summary plus FTS5 highlight of the title and a body snippet.
#[derive(Debug, FromRow)]
pub struct SearchRow {
    #[sqlx(flatten)]
    pub summary: SummaryRow,
    pub title_marked: String,
    pub snippet_marked: String,
}

/// Published articles in `lang` matching an FTS5 query (already built safely by the caller),
/// best match first.
pub async fn search(
    pool: &SqlitePool,
    lang: Lang,
    fts_query: &str,
    offset: u32,
    limit: u32,
) -> Result<Vec<SearchRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS},
                highlight(articles_fts, 0, char(1), char(2)) AS title_marked,
                snippet(articles_fts, -1, char(1), char(2), '…', 24) AS snippet_marked
         FROM articles_fts
         JOIN articles a ON a.id = articles_fts.rowid
         {SUMMARY_JOINS}
         WHERE articles_fts MATCH ?1 AND a.lang = ?2 AND a.status = 'published'
         ORDER BY bm25(articles_fts, 5.0, 2.0, 1.0), a.published_at DESC
         LIMIT ?3 OFFSET ?4"
    ))
    .bind(fts_query)
    .bind(lang.code())
    .bind(i64::from(limit))
    .bind(i64::from(offset))
    .fetch_all(pool)
    .await
}

/// Splits FTS5 highlight output into plain and matched parts.
pub fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut in_hit = false;
    for ch in marked.chars() {
        if ch == HIT_START || ch == HIT_END {
            if !current.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut current),
                    hit: in_hit,
                });
            }
            in_hit = ch == HIT_START;
        } else {
            current.push(ch);
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart {
            text: current,
            hit: in_hit,
        });
    }
    parts
}

/// Adds counted views to the stored counters in one transaction.
pub async fn add_views(pool: &SqlitePool, counts: &[(i64, u64)]) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    for (id, count) in counts {
        sqlx::query("UPDATE articles SET views = views + ?1 WHERE id = ?2")
            .bind(i64::try_from(*count).unwrap_or(i64::MAX))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
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
    pub published_at: i64,
    pub status: ArticleStatus,
}

fn status_code(status: ArticleStatus) -> &'static str {
    match status {
        ArticleStatus::Published => "published",
        ArticleStatus::Draft => "draft",
    }
}

/// The story an article belongs to, by language and slug.
pub async fn story_of(
    pool: &SqlitePool,
    lang: Lang,
    slug: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT story_id FROM articles WHERE lang = ?1 AND slug = ?2")
        .bind(lang.code())
        .bind(slug)
        .fetch_optional(pool)
        .await
}

/// Whether a story already has a version in `lang`.
pub async fn story_has_lang(
    pool: &SqlitePool,
    story_id: i64,
    lang: Lang,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM articles WHERE story_id = ?1 AND lang = ?2")
            .bind(story_id)
            .bind(lang.code())
            .fetch_optional(pool)
            .await?;
    Ok(found.is_some())
}

/// Inserts an article, in a new story unless `story_id` links it to its translations.
pub async fn insert(
    pool: &SqlitePool,
    article: &NewArticle<'_>,
    story_id: Option<i64>,
) -> Result<i64, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let id = insert_in(&mut tx, article, story_id).await?;
    tx.commit().await?;
    Ok(id)
}

/// Inserts many articles in one transaction, each in a new story (for bulk loads).
pub async fn insert_batch(
    pool: &SqlitePool,
    articles: &[NewArticle<'_>],
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    for article in articles {
        insert_in(&mut tx, article, None).await?;
    }
    tx.commit().await
}

async fn insert_in(
    conn: &mut SqliteConnection,
    article: &NewArticle<'_>,
    story_id: Option<i64>,
) -> Result<i64, sqlx::Error> {
    let story_id = match story_id {
        Some(id) => id,
        None => sqlx::query("INSERT INTO stories DEFAULT VALUES")
            .execute(&mut *conn)
            .await?
            .last_insert_rowid(),
    };
    let body =
        serde_json::to_string(article.body).map_err(|error| sqlx::Error::Encode(error.into()))?;
    let id = sqlx::query(
        "INSERT INTO articles (story_id, lang, slug, category, title, lead, body, body_text, author,
                               source, image_alt, image_caption, published_at, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )
    .bind(story_id)
    .bind(article.lang.code())
    .bind(article.slug)
    .bind(article.category)
    .bind(article.title)
    .bind(article.lead)
    .bind(&body)
    .bind(article.body_text)
    .bind(article.author)
    .bind(article.source)
    .bind(article.image_alt)
    .bind(article.image_caption)
    .bind(article.published_at)
    .bind(status_code(article.status))
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    write_tags(conn, id, article.tags).await?;
    Ok(id)
}

async fn write_tags(
    conn: &mut SqliteConnection,
    id: i64,
    tags: &[String],
) -> Result<(), sqlx::Error> {
    for tag in tags {
        sqlx::query("INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?1, ?2)")
            .bind(id)
            .bind(tag)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Replaces an article's content (keeping its id, story and views).
pub async fn update(
    pool: &SqlitePool,
    id: i64,
    article: &NewArticle<'_>,
    updated_at: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let body =
        serde_json::to_string(article.body).map_err(|error| sqlx::Error::Encode(error.into()))?;
    sqlx::query(
        "UPDATE articles SET slug = ?2, category = ?3, title = ?4, lead = ?5, body = ?6,
                body_text = ?7, author = ?8, source = ?9, image_alt = ?10, image_caption = ?11,
                published_at = ?12, status = ?13, updated_at = ?14
         WHERE id = ?1",
    )
    .bind(id)
    .bind(article.slug)
    .bind(article.category)
    .bind(article.title)
    .bind(article.lead)
    .bind(&body)
    .bind(article.body_text)
    .bind(article.author)
    .bind(article.source)
    .bind(article.image_alt)
    .bind(article.image_caption)
    .bind(article.published_at)
    .bind(status_code(article.status))
    .bind(updated_at)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM article_tags WHERE article_id = ?1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    write_tags(&mut tx, id, article.tags).await?;
    tx.commit().await
}

/// Turns a published article into a draft, hiding it from readers.
pub async fn unpublish(pool: &SqlitePool, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE articles SET status = 'draft' WHERE id = ?1")
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ())
}

/// Deletes an article (and its story when it was the story's last version).
pub async fn delete(pool: &SqlitePool, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let story_id: Option<i64> = sqlx::query_scalar("SELECT story_id FROM articles WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM articles WHERE id = ?1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if let Some(story_id) = story_id {
        sqlx::query("DELETE FROM stories WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ?1)")
            .bind(story_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Every published article for the sitemap and feeds: language, slug, time, newest first.
pub async fn all_published(
    pool: &SqlitePool,
    limit: u32,
) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT lang, slug, COALESCE(updated_at, published_at) FROM articles
         WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT ?1",
    )
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await
}
