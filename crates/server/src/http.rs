//! The HTTP layer: the route table, the one error type, request extractors that answer bad
//! input with JSON errors, and the middleware every response passes through (ETag, cache and
//! security headers, compression, timeouts, body limits).

pub mod admin;
pub mod articles;
pub mod categories;
pub mod feeds;
pub mod first_screen;
pub mod openapi;
pub mod search;
pub mod site;
pub mod spa;

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use gazette_api_types::{ApiError, ErrorDetail, Lang};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::AppState;

/// Largest request body accepted (an article with a long body fits many times over).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

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
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

impl Error {
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
            Error::Database(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let message = match &self {
            Error::Database(cause) => {
                tracing::error!(%cause, "request failed");
                "the server could not complete the request".to_owned()
            }
            other => other.to_string(),
        };
        let mut response = error_response(status, code, message);
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
    let body = ApiError {
        error: ErrorDetail {
            code: code.to_owned(),
            message,
        },
    };
    (status, axum::Json(body)).into_response()
}

/// Result of a handler.
pub type ApiResult<T> = Result<T, Error>;

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

/// Parses a language code, defaulting to English; unknown codes are a 400 naming the choices.
pub fn parse_lang(code: Option<&str>) -> ApiResult<Lang> {
    match code {
        None | Some("") => Ok(Lang::En),
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            Error::BadRequest(format!(
                "unknown language '{}': use one of en, ru, hy",
                code.chars().take(16).collect::<String>()
            ))
        }),
    }
}

/// The whole application: API, feeds, media and the front end, with all middleware.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .merge(site::router())
        .merge(categories::router())
        .merge(articles::router())
        .merge(search::router())
        .nest("/admin", admin::router())
        .fallback(api_not_found)
        .layer(middleware::from_fn(etag_and_cache))
        .layer(cors_layer(&state.config.cors_origins));

    Router::new()
        .nest(gazette_api_types::API_PREFIX, api)
        .merge(openapi::router())
        .merge(feeds::router())
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .merge(spa::router(&state))
        .with_state(state)
        .layer(middleware::from_fn(json_errors_for_api))
        .layer(middleware::from_fn(security_headers))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(15),
        ))
        .layer(TraceLayer::new_for_http())
}

async fn api_not_found(method: Method, uri: axum::http::Uri) -> Error {
    Error::NotFound(format!("no endpoint {method} {}", uri.path()))
}

fn cors_layer(origins: &[String]) -> CorsLayer {
    let allowed: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin.trim()).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
}

/// Turns every non-JSON error under `/api` (method not allowed, body too large, timeout) into
/// the contract's JSON error, so clients parse one shape.
async fn json_errors_for_api(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/json"));
    if !is_api || is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => "body_too_large",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        _ if status.is_server_error() => "internal",
        _ => "invalid_request",
    };
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            format!("request body is larger than {MAX_BODY_BYTES} bytes")
        }
        _ => status
            .canonical_reason()
            .unwrap_or("request failed")
            .to_lowercase(),
    };
    error_response(status, code, message)
}

/// Headers every response carries; HTML gets its Content-Security-Policy from [`spa`].
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        );
    }
    response
}

/// Adds a strong ETag to successful GET responses of the API, answers 304 when the client
/// already has it, and sets a short shared cache lifetime.
async fn etag_and_cache(request: Request, next: Next) -> Response {
    let is_get = request.method() == Method::GET;
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if !is_get || response.status() != StatusCode::OK {
        let mut response = response;
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes: Bytes = match axum::body::to_bytes(body, MAX_BODY_BYTES * 64).await {
        Ok(bytes) => bytes,
        Err(cause) => {
            tracing::error!(%cause, "could not buffer response for ETag");
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the server could not complete the request".into(),
            );
        }
    };
    let digest = Sha256::digest(&bytes);
    let etag = format!("\"{}\"", hex(&digest[..12]));
    if !parts.headers.contains_key(header::CACHE_CONTROL) {
        parts.headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=30, stale-while-revalidate=300"),
        );
    }
    if let Ok(value) = HeaderValue::from_str(&etag) {
        parts.headers.insert(header::ETAG, value);
    }
    let matches = if_none_match
        .as_ref()
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .split(',')
                .any(|tag| tag.trim() == etag || tag.trim() == "*")
        });
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Lower-case hexadecimal of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
