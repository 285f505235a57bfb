//! Full-text search of articles with SQLite FTS5, per language, best match first.

use gazette_api_types::Lang;
use sqlx::SqlitePool;

use super::rows::{SearchRow, SUMMARY_COLUMNS, SUMMARY_JOINS};

/// Marks the start of a search match in [`SearchRow`]'s marked texts (FTS5 `char(1)`); the
/// sanitiser removes control characters from stored text, so it cannot occur in content.
pub const HIT_START: char = '\u{1}';
/// Marks the end of a search match (FTS5 `char(2)`).
pub const HIT_END: char = '\u{2}';

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
