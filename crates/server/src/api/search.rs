//! `GET /api/v1/search`: full-text search with SQLite FTS5, per language, best match first.
//!
//! The reader's text never reaches FTS5 as syntax: it is split into words and each word is
//! quoted, so quotes, `*`, `NEAR`, `OR` and parentheses are searched for as plain words.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use gazette_api_types::{ErrorBody, SearchHit, SearchResults};
use serde::Deserialize;

use super::error::{ApiResult, Error};
use super::extract::{parse_lang, parse_limit, Json, Query, DEFAULT_LIMIT, MAX_LIMIT};
use crate::content::present;
use crate::db;
use crate::state::AppState;

/// Longest search text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words used from one search text.
const MAX_WORDS: usize = 12;
/// Deepest page reachable by paging (search results past this are not useful to readers).
const MAX_OFFSET: u32 = 1_000;

/// The search endpoint's route.
pub fn router() -> Router<AppState> {
    Router::new().route("/search", get(search))
}

/// Query of a search.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct SearchQuery {
    /// The reader's search text, 1 to 200 characters.
    pub q: Option<String>,
    /// en (default), ru or hy.
    pub lang: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Page size, 1 to 50 (default 20).
    pub limit: Option<String>,
}

/// Builds a safe FTS5 query from a reader's text: every word quoted, prefix-matched, all
/// required. `None` when the text has no words.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(MAX_WORDS)
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Articles matching the text, with highlighted title and snippet.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchQuery),
    responses((status = 200, body = SearchResults), (status = 400, body = ErrorBody)))]
pub async fn search(
    State(state): State<AppState>,
    Query(query): Query<SearchQuery>,
) -> ApiResult<Json<SearchResults>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let limit = parse_limit(query.limit.as_deref(), DEFAULT_LIMIT, MAX_LIMIT)?;
    let text = query.q.as_deref().unwrap_or("").trim();
    if text.is_empty() {
        return Err(Error::BadRequest("q, the search text, is required".into()));
    }
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(Error::BadRequest(format!(
            "search text is longer than {MAX_QUERY_CHARS} characters"
        )));
    }
    let fts = fts_query(text).ok_or_else(|| {
        Error::BadRequest("search text has no letters or digits to search for".into())
    })?;
    let offset = match query.cursor.as_deref() {
        None | Some("") => 0,
        Some(cursor) => cursor
            .parse::<u32>()
            .ok()
            .filter(|offset| *offset <= MAX_OFFSET)
            .ok_or_else(|| {
                Error::BadRequest(
                    "malformed cursor: pass next_cursor from the previous page".into(),
                )
            })?,
    };
    let mut rows = db::articles::search(&state.pool, lang, &fts, offset, limit + 1).await?;
    let has_more = rows.len() > limit as usize && offset + limit <= MAX_OFFSET;
    rows.truncate(limit as usize);
    let items = rows
        .into_iter()
        .map(|row| SearchHit {
            title: present::snippet_parts(&row.title_marked),
            snippet: present::snippet_parts(&row.snippet_marked),
            article: present::summary(row.summary),
        })
        .collect();
    Ok(Json(SearchResults {
        items,
        next_cursor: has_more.then(|| (offset + limit).to_string()),
    }))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn reader_text_is_quoted_word_by_word() {
        assert_eq!(
            fts_query("Mexico trade").as_deref(),
            Some("\"Mexico\"* \"trade\"*")
        );
        assert_eq!(
            fts_query("\"a\" NEAR(b* OR (c").as_deref(),
            Some("\"a\"* \"NEAR\"* \"b\"* \"OR\"* \"c\"*")
        );
        assert_eq!(fts_query("*** \" ( )"), None);
        assert_eq!(fts_query("Ссылка").as_deref(), Some("\"Ссылка\"*"));
    }
}
