//! The JSON API under `/api/v1` and its OpenAPI document at `/api/openapi.json`: the route
//! table, the layers only the API has (CORS, ETag and cache headers), and the middleware that
//! turns every non-JSON error under `/api` into the contract's JSON error.
//!
//! One module per resource, each with its own `router()`; [`error`] is the one error type,
//! [`extract`] the extractors and the parsing every resource shares.

pub mod admin;
pub mod articles;
pub mod cache;
pub mod categories;
pub mod error;
pub mod extract;
pub mod limits;
pub mod openapi;
#[cfg(test)]
mod query_properties;
pub mod response_cache;
pub mod search;
pub mod site;
pub mod tags;
pub mod views;

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::state::AppState;
use error::{error_response, Error};
use extract::MAX_BODY_BYTES;

/// The API's routes under [`API_PREFIX`](gazette_api_types::API_PREFIX) and the OpenAPI
/// document; unknown API paths answer a JSON 404.
pub fn router(state: &AppState) -> Router<AppState> {
    let config = &state.config;
    let limited = |router: Router<AppState>, limit, methods: &[Method]| {
        if config.no_rate_limits {
            router
        } else {
            router.layer(limits::layer(limit, methods, config.behind_proxy))
        }
    };
    let writes = [Method::POST, Method::PUT, Method::DELETE];
    // Every editor write that succeeds empties the response cache on every replica.
    let forget_writes =
        middleware::from_fn_with_state(state.clone(), response_cache::forget_after_writes);
    let api = Router::new()
        .merge(site::router())
        .merge(categories::router())
        .merge(articles::router())
        .merge(limited(views::router(), limits::VIEWS, &[Method::POST]))
        .merge(limited(search::router(), limits::SEARCH, &[Method::GET]))
        .merge(tags::router())
        .nest(
            "/admin",
            limited(admin::router(), limits::WRITES, &writes).layer(forget_writes),
        )
        .fallback(api_not_found)
        .layer(middleware::from_fn(cache::etag_and_cache))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            response_cache::serve_from_memory,
        ))
        .layer(cors_layer(&state.config.cors_origins));
    Router::new()
        .nest(gazette_api_types::API_PREFIX, api)
        .merge(openapi::router())
}

/// The answer for a path under the API prefix that no route serves.
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
        // The front end sends the visitor header when it counts a view: without it in the
        // list, a front end on another origin fails the preflight and counts nothing.
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            HeaderName::from_static(gazette_api_types::VISITOR_HEADER),
            // Live updates ask again with the ETag of the answer they have.
            header::IF_NONE_MATCH,
        ])
        .expose_headers([header::ETAG])
}

/// Turns every non-JSON error under `/api` (method not allowed, body too large, timeout) into
/// the contract's JSON error, so clients parse one shape. It wraps the whole application,
/// because those answers come from layers outside the API's router.
pub async fn json_errors_for_api(request: Request, next: Next) -> Response {
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
