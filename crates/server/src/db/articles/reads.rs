//! Reads of articles: lists walked by index in publication order, one article with its tags
//! and translations, related and most-read lists, ids and view counts, and the sitemap's list.

use gazette_api_types::Lang;
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

use super::rows::{
    ArticleRecord, ArticleRow, ListFilter, SummaryRow, SUMMARY_COLUMNS, SUMMARY_JOINS,
};

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

/// The article's tags and published translations, for showing it whole.
pub async fn with_details(
    pool: &SqlitePool,
    row: ArticleRow,
) -> Result<ArticleRecord, sqlx::Error> {
    let id = row.summary.id;
    let tags: Vec<String> =
        sqlx::query_scalar("SELECT tag FROM article_tags WHERE article_id = ?1 ORDER BY tag")
            .bind(id)
            .fetch_all(pool)
            .await?;
    let translations: Vec<(String, String)> = sqlx::query_as(
        "SELECT lang, slug FROM articles
         WHERE story_id = ?1 AND id <> ?2 AND status = 'published' ORDER BY lang",
    )
    .bind(row.summary.story_id)
    .bind(id)
    .fetch_all(pool)
    .await?;
    Ok(ArticleRecord {
        row,
        tags,
        translations,
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
