//! Full-text search of articles, per language, best match first: SQLite FTS5 or PostgreSQL
//! text search (see the backends), both returning the title and a snippet with the matched
//! words between [`HIT_START`] and [`HIT_END`].

use gazette_api_types::Lang;

use super::rows::{SearchRow, SUMMARY_COLUMNS, SUMMARY_JOINS};
use crate::db::{postgres, sqlite, Backend, Store, StoreResult};

/// Marks the start of a search match in [`SearchRow`]'s marked texts (`char(1)`); the
/// sanitiser removes control characters from stored text, so it cannot occur in content.
pub const HIT_START: char = '\u{1}';
/// Marks the end of a search match (`char(2)`).
pub const HIT_END: char = '\u{2}';

/// Published articles in `lang` containing every one of `words` (each a prefix; letters and
/// digits only, as the API splits the reader's text), best match first.
pub async fn search(
    store: &Store,
    lang: Lang,
    words: &[String],
    offset: u32,
    limit: u32,
) -> StoreResult<Vec<SearchRow>> {
    let (sql, query) = match store.backend() {
        Backend::Sqlite => (
            sqlite::search_sql(lang, SUMMARY_COLUMNS, SUMMARY_JOINS),
            sqlite::fts_query(words),
        ),
        Backend::Postgres => (
            postgres::search_sql(lang, SUMMARY_COLUMNS, SUMMARY_JOINS),
            postgres::ts_query(words),
        ),
    };
    sqlx::query_as(&sql)
        .bind(query)
        .bind(lang.code())
        .bind(i64::from(limit))
        .bind(i64::from(offset))
        .fetch_all(store.pool())
        .await
        .map_err(Into::into)
}
