//! `GET /api/v1/search`: full-text search, per language, best match first.
//!
//! The reader's text never reaches the search engine as syntax: it is split into words of
//! letters and digits only, so quotes, `*`, `NEAR`, `OR`, `&`, `!` and parentheses are never
//! operators; the storage backend turns the words into its own query.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use gazette_api_types::{ErrorBody, Lang, SearchHit, SearchResults};
use serde::Deserialize;

use super::error::{ApiResult, Error};
use super::extract::{parse_lang, parse_limit, Json, Query, DEFAULT_LIMIT, MAX_LIMIT};
use crate::content::present;
use crate::db;
use crate::state::AppState;

/// Longest search text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words used from one search text.
pub const MAX_WORDS: usize = 12;
/// Deepest page reachable by paging (search results past this are not useful to readers).
const MAX_OFFSET: u32 = 1_000;

/// The search endpoint's route.
pub fn router() -> Router<AppState> {
    Router::new().route("/search", get(search))
}

/// Query of a search.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct SearchQuery {
    /// The reader's search text, 1 to 200 characters, not only spaces.
    #[param(value_type = String, required = true, min_length = 1, max_length = 200, pattern = "\\S")]
    pub q: Option<String>,
    /// en (default), ru or hy.
    #[param(value_type = Option<Lang>)]
    pub lang: Option<String>,
    /// `next_cursor` of the previous page: how many results it skips, at most 1000.
    #[param(pattern = "^(1000|[0-9]{1,3})$")]
    pub cursor: Option<String>,
    /// Page size, 1 to 50 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 50)]
    pub limit: Option<String>,
}

/// The words of a reader's text: runs of letters and digits, at most [`MAX_WORDS`]. Empty
/// when the text has none.
pub fn search_words(text: &str) -> Vec<String> {
    text.split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(MAX_WORDS)
        .map(str::to_owned)
        .collect()
}

/// Articles matching the text, with highlighted title and snippet.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchQuery),
    responses((status = 429, description = "too many requests from this client; see Retry-After", body = ErrorBody), (status = 200, body = SearchResults), (status = 400, body = ErrorBody)))]
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
    // Text of signs alone ("!!!") matches nothing: an empty page, not an error.
    let words = search_words(text);
    if words.is_empty() {
        return Ok(Json(SearchResults {
            items: Vec::new(),
            next_cursor: None,
        }));
    }
    let mut rows = db::articles::search(&state.store, lang, &words, offset, limit + 1).await?;
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
    use super::search_words;

    #[test]
    fn reader_text_becomes_plain_words() {
        assert_eq!(search_words("Mexico trade"), ["Mexico", "trade"]);
        assert_eq!(
            search_words("\"a\" NEAR(b* OR (c & !d:*"),
            ["a", "NEAR", "b", "OR", "c", "d"]
        );
        assert!(search_words("*** \" ( ) & | ! :*").is_empty());
        assert_eq!(search_words("Ссылка"), ["Ссылка"]);
        assert_eq!(search_words(&"word ".repeat(40)).len(), 12);
    }
}
