//! The one error type of the API: every way a request can fail maps to one HTTP status and
//! the contract's JSON [`ErrorBody`]; internal causes are logged and never shown to clients.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use gazette_api_types::{ErrorBody, ErrorDetail};

use crate::db::StoreError;

/// Every way a request can fail. Each variant maps to one HTTP status and a JSON body;
/// internal causes are logged and never shown to the client.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("a valid bearer token is required for editor endpoints")]
    Unauthorized,
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Unprocessable(String),
    /// A body axum could not take: too large (413), wrong content type (415), bad JSON.
    #[error("{1}")]
    Rejected(StatusCode, String),
    /// The server cannot do it now (storage failing); the client may try again later.
    #[error("{0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Database(#[from] StoreError),
}

/// Result of a handler.
pub type ApiResult<T> = Result<T, Error>;

impl Error {
    /// The 404 for an article slug that is not published in the asked language.
    pub fn no_article(slug: &str) -> Error {
        Error::NotFound(format!("no article '{}'", truncate(slug)))
    }

    /// The 404 for an unknown category slug.
    pub fn no_category(slug: &str) -> Error {
        Error::NotFound(format!("no category '{}'", truncate(slug)))
    }

    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            Error::BadRequest(_) => (StatusCode::BAD_REQUEST, "invalid_request"),
            Error::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            Error::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            Error::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            Error::Unprocessable(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_content"),
            Error::Rejected(status, _) => match *status {
                StatusCode::PAYLOAD_TOO_LARGE => (*status, "body_too_large"),
                StatusCode::UNSUPPORTED_MEDIA_TYPE => (*status, "unsupported_media_type"),
                _ => (*status, "invalid_content"),
            },
            Error::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            Error::Database(cause) if cause.is_conflict() => (StatusCode::CONFLICT, "conflict"),
            Error::Database(cause) if cause.is_unavailable() => {
                (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
            }
            Error::Database(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let message = match &self {
            Error::Database(cause) if cause.is_conflict() => {
                "this already exists (written by another request just now)".to_owned()
            }
            Error::Database(cause) if cause.is_unavailable() => {
                tracing::error!(%cause, "the database cannot serve a request now");
                "the database cannot do this now (it may be full, read-only or restarting); \
                 try again later"
                    .to_owned()
            }
            Error::Database(cause) => {
                tracing::error!(%cause, "request failed");
                "the server could not complete the request".to_owned()
            }
            other => other.to_string(),
        };
        let mut response = error_response(status, code, message);
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        if matches!(self, Error::Unauthorized) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// A JSON error response in the contract's shape.
pub fn error_response(status: StatusCode, code: &str, message: String) -> Response {
    let body = ErrorBody {
        error: ErrorDetail {
            code: code.to_owned(),
            message,
        },
    };
    (status, axum::Json(body)).into_response()
}

/// At most 64 characters of user input, so an error message never echoes a huge value.
pub fn truncate(text: &str) -> String {
    text.chars().take(64).collect()
}
