//! ETags and cache lifetimes of API reads: a strong ETag on every successful GET, `304 Not
//! Modified` when the client already has it, and `no-store` on everything else.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};

use super::error::error_response;
use super::extract::MAX_BODY_BYTES;

/// Adds a strong ETag to successful GET responses of the API, answers 304 when the client
/// already has it, and sets a short shared cache lifetime.
pub async fn etag_and_cache(request: Request, next: Next) -> Response {
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
    if etag_matches(if_none_match.as_ref(), &etag) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Whether an `If-None-Match` header names `etag` (or `*`): the client has this answer.
pub fn etag_matches(if_none_match: Option<&HeaderValue>, etag: &str) -> bool {
    !etag.is_empty()
        && if_none_match
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| {
                value
                    .split(',')
                    .any(|tag| tag.trim() == etag || tag.trim() == "*")
            })
}

/// Lower-case hexadecimal of bytes.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
