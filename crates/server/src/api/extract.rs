//! Request extractors whose rejections are the contract's JSON errors (axum's own answer in
//! plain text), and the parsing every resource shares: the language, page sizes, list
//! cursors and the request body limit.

use axum::extract::{FromRequest, FromRequestParts};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use gazette_api_types::Lang;
use serde::Deserialize;

use super::error::{truncate, ApiResult, Error};
use crate::db::articles::ListPosition;

/// Largest request body accepted (an article with a long body fits many times over).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Default page size of lists.
pub const DEFAULT_LIMIT: u32 = 20;
/// Largest page size of lists.
pub const MAX_LIMIT: u32 = 50;

/// Query string extractor whose rejection is a JSON 400 (axum's own answers in plain text).
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(Error))]
pub struct Query<T>(pub T);

/// JSON body extractor whose rejection is a JSON 4xx.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(Error))]
pub struct Json<T>(pub T);

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

impl From<axum::extract::rejection::QueryRejection> for Error {
    fn from(rejection: axum::extract::rejection::QueryRejection) -> Self {
        Error::BadRequest(format!("bad query string: {}", rejection.body_text()))
    }
}

impl From<axum::extract::rejection::JsonRejection> for Error {
    fn from(rejection: axum::extract::rejection::JsonRejection) -> Self {
        let status = rejection.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!("request body is larger than {MAX_BODY_BYTES} bytes")
        } else {
            format!("bad JSON body: {}", rejection.body_text())
        };
        Error::Rejected(status, message)
    }
}

/// The `lang` query parameter most reads take.
#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    pub lang: Option<String>,
}

/// Parses a language code, defaulting to English when there is none; unknown codes (also an
/// empty `lang=`) are a 400 naming the choices.
pub fn parse_lang(code: Option<&str>) -> ApiResult<Lang> {
    match code {
        None => Ok(Lang::En),
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            Error::BadRequest(format!(
                "unknown language '{}': use one of en, ru, hy",
                code.chars().take(16).collect::<String>()
            ))
        }),
    }
}

/// Parses a language code that must be given (a path segment); unknown codes are a 400.
pub fn parse_path_lang(code: &str) -> ApiResult<Lang> {
    Lang::from_code(code).ok_or_else(|| {
        Error::BadRequest(format!(
            "unknown language '{}': use one of en, ru, hy",
            truncate(code)
        ))
    })
}

/// Parses a page size within `1..=max`.
pub fn parse_limit(limit: Option<&str>, default: u32, max: u32) -> ApiResult<u32> {
    parse_count("limit", limit, default, max)
}

/// A whole-number query parameter `name` from 1 to `max`, `default` when absent.
pub fn parse_count(name: &str, value: Option<&str>, default: u32, max: u32) -> ApiResult<u32> {
    let Some(text) = value else {
        return Ok(default);
    };
    match text.parse::<u32>() {
        Ok(count) if (1..=max).contains(&count) => Ok(count),
        _ => Err(Error::BadRequest(format!(
            "{name} must be a whole number from 1 to {max}, not '{}'",
            truncate(text)
        ))),
    }
}

/// Opaque list cursor: the position of the last item of a page.
pub fn encode_cursor(position: ListPosition) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}:{}", position.published_at, position.id))
}

/// Reads a cursor made by [`encode_cursor`]; anything else is a 400.
pub fn decode_cursor(cursor: &str) -> ApiResult<ListPosition> {
    let bad =
        || Error::BadRequest("malformed cursor: pass next_cursor from the previous page".into());
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor.as_bytes())
        .map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let (published_at, id) = text.split_once(':').ok_or_else(bad)?;
    Ok(ListPosition {
        published_at: published_at.parse().map_err(|_| bad())?,
        id: id.parse().map_err(|_| bad())?,
    })
}

/// Whether a slug is lower-case ASCII words joined by single hyphens, at most 120 characters.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 120
        && slug.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let position = ListPosition {
            published_at: 1_736_861_520,
            id: 42,
        };
        assert_eq!(decode_cursor(&encode_cursor(position)).unwrap(), position);
        assert!(decode_cursor("not-a-cursor!!").is_err());
        assert!(decode_cursor("bm9wZQ").is_err());
    }
}
