//! Reads of articles: lists walked by index in publication order, one article with its tags
//! and translations, related and most-read lists, ids and view counts, and the sitemap's list.

use gazette_api_types::Lang;

use super::rows::{
    ArticleRecord, ArticleRow, ListFilter, SummaryRow, SUMMARY_COLUMNS, SUMMARY_JOINS,
};
use crate::db::views::{CURRENT_VIEWS, VIEWS_SINCE};
use crate::db::{Store, StoreResult};

/// Published articles newest first, one page after `filter.after`.
pub async fn list(store: &Store, filter: &ListFilter<'_>) -> StoreResult<Vec<SummaryRow>> {
    let mut sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a {SUMMARY_JOINS}
         WHERE a.lang = $1 AND a.status = 'published'"
    );
    let mut next = 2;
    let mut placeholder = || {
        next += 1;
        format!("${}", next - 1)
    };
    if filter.category.is_some() {
        sql += &format!(" AND a.category = {}", placeholder());
    }
    if filter.tag.is_some() {
        sql += &format!(
            " AND a.id IN (SELECT article_id FROM article_tags WHERE tag = {})",
            placeholder()
        );
    }
    if filter.after.is_some() {
        sql += &format!(
            " AND (a.published_at, a.id) < ({}, {})",
            placeholder(),
            placeholder()
        );
    }
    sql += &format!(
        " ORDER BY a.published_at DESC, a.id DESC LIMIT {}",
        placeholder()
    );
    let mut query = sqlx::query_as(&sql).bind(filter.lang.code());
    if let Some(category) = filter.category {
        query = query.bind(category);
    }
    if let Some(tag) = filter.tag {
        query = query.bind(tag);
    }
    if let Some(after) = filter.after {
        query = query.bind(after.published_at).bind(after.id);
    }
    Ok(query
        .bind(i64::from(filter.limit))
        .fetch_all(store.pool())
        .await?)
}

/// A published article by language and slug.
pub async fn get(store: &Store, lang: Lang, slug: &str) -> StoreResult<Option<ArticleRow>> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.body, a.body_text, a.source, a.updated_at, a.status, {CURRENT_VIEWS} AS views
         FROM articles a {SUMMARY_JOINS}
         WHERE a.lang = $1 AND a.slug = $2 AND a.status = 'published'"
    ))
    .bind(lang.code())
    .bind(slug)
    .fetch_optional(store.pool())
    .await
    .map_err(Into::into)
}

/// An article in any state by id, for the editor endpoints.
pub async fn get_by_id(store: &Store, id: i64) -> StoreResult<Option<ArticleRow>> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.body, a.body_text, a.source, a.updated_at, a.status, {CURRENT_VIEWS} AS views
         FROM articles a {SUMMARY_JOINS} WHERE a.id = $1"
    ))
    .bind(id)
    .fetch_optional(store.pool())
    .await
    .map_err(Into::into)
}

/// The id of an article in any state, for editor writes and view counting.
pub async fn id_of(store: &Store, lang: Lang, slug: &str) -> StoreResult<Option<i64>> {
    sqlx::query_scalar("SELECT id FROM articles WHERE lang = $1 AND slug = $2")
        .bind(lang.code())
        .bind(slug)
        .fetch_optional(store.pool())
        .await
        .map_err(Into::into)
}

/// The id of a published article, for view counting.
pub async fn published_id(store: &Store, lang: Lang, slug: &str) -> StoreResult<Option<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM articles WHERE lang = $1 AND slug = $2 AND status = 'published'",
    )
    .bind(lang.code())
    .bind(slug)
    .fetch_optional(store.pool())
    .await
    .map_err(Into::into)
}

/// The article's tags and published translations, for showing it whole.
pub async fn with_details(store: &Store, row: ArticleRow) -> StoreResult<ArticleRecord> {
    let id = row.summary.id;
    let lang = Lang::from_code(&row.summary.lang).unwrap_or_default();
    let tags = crate::db::tags::of_article(store, id, lang).await?;
    let translations: Vec<(String, String)> = sqlx::query_as(
        "SELECT lang, slug FROM articles
         WHERE story_id = $1 AND id <> $2 AND status = 'published' ORDER BY lang",
    )
    .bind(row.summary.story_id)
    .bind(id)
    .fetch_all(store.pool())
    .await?;
    Ok(ArticleRecord {
        row,
        tags,
        translations,
    })
}

/// Newest published articles of the same category, other than the given one.
pub async fn related(
    store: &Store,
    lang: Lang,
    category: &str,
    except_id: i64,
    limit: u32,
) -> StoreResult<Vec<SummaryRow>> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a {SUMMARY_JOINS}
         WHERE a.lang = $1 AND a.category = $2 AND a.status = 'published' AND a.id <> $3
         ORDER BY a.published_at DESC, a.id DESC LIMIT $4"
    ))
    .bind(lang.code())
    .bind(category)
    .bind(except_id)
    .bind(i64::from(limit))
    .fetch_all(store.pool())
    .await
    .map_err(Into::into)
}

/// Published breaking news in a language marked at `since` (seconds, UTC) or later, the
/// most recently marked first.
pub async fn breaking(
    store: &Store,
    lang: Lang,
    since: i64,
    limit: u32,
) -> StoreResult<Vec<SummaryRow>> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a {SUMMARY_JOINS}
         WHERE a.breaking_since >= $2 AND a.lang = $1 AND a.status = 'published'
         ORDER BY a.breaking_since DESC, a.id DESC LIMIT $3"
    ))
    .bind(lang.code())
    .bind(since)
    .bind(i64::from(limit))
    .fetch_all(store.pool())
    .await
    .map_err(Into::into)
}

/// The published articles in a language most viewed on the days from `since_day` (days
/// since the epoch, UTC) on; articles nobody read then are not listed.
pub async fn most_read(
    store: &Store,
    lang: Lang,
    since_day: i64,
    limit: u32,
) -> StoreResult<Vec<SummaryRow>> {
    sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN ({VIEWS_SINCE}) w ON w.article_id = a.id
         {SUMMARY_JOINS}
         WHERE a.lang = $1 AND a.status = 'published'
         ORDER BY w.views DESC, a.published_at DESC, a.id DESC LIMIT $3"
    ))
    .bind(lang.code())
    .bind(since_day)
    .bind(i64::from(limit))
    .fetch_all(store.pool())
    .await
    .map_err(Into::into)
}

/// The story an article belongs to, by language and slug.
pub async fn story_of(store: &Store, lang: Lang, slug: &str) -> StoreResult<Option<i64>> {
    sqlx::query_scalar("SELECT story_id FROM articles WHERE lang = $1 AND slug = $2")
        .bind(lang.code())
        .bind(slug)
        .fetch_optional(store.pool())
        .await
        .map_err(Into::into)
}

/// Whether a story already has a version in `lang`.
pub async fn story_has_lang(store: &Store, story_id: i64, lang: Lang) -> StoreResult<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM articles WHERE story_id = $1 AND lang = $2")
            .bind(story_id)
            .bind(lang.code())
            .fetch_optional(store.pool())
            .await?;
    Ok(found.is_some())
}

/// Every published article for the sitemap and feeds: language, slug, time, newest first.
pub async fn all_published(store: &Store, limit: u32) -> StoreResult<Vec<(String, String, i64)>> {
    sqlx::query_as(
        "SELECT lang, slug, COALESCE(updated_at, published_at) FROM articles
         WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT $1",
    )
    .bind(i64::from(limit))
    .fetch_all(store.pool())
    .await
    .map_err(Into::into)
}

/// The highest article id so far (0 when there is none), for numbering synthetic articles.
pub async fn max_id(store: &Store) -> StoreResult<i64> {
    sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM articles")
        .fetch_one(store.pool())
        .await
        .map_err(Into::into)
}
