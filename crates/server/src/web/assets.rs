//! Trunk's built files from `dist/`, served precompressed (brotli, gzip) with cache headers:
//! hashed file names are immutable for a year, everything else is revalidated.

use std::path::Path;

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::MethodRouter;
use axum::Router;
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// The longest file name the file system takes: a longer path segment names no file, and
/// asking the file system for it fails with an error instead of "not found".
const MAX_NAME_BYTES: usize = 255;

/// The files of `dist`, with `otherwise` answering every path that is not a file.
pub fn files(dist: &Path, otherwise: MethodRouter) -> Router {
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false);
    let not_a_file = otherwise.clone();
    Router::new()
        .fallback_service(files.fallback(otherwise))
        .layer(middleware::from_fn(static_cache_headers))
        .layer(middleware::from_fn(move |request: Request, next: Next| {
            let not_a_file = not_a_file.clone();
            async move {
                let too_long = request
                    .uri()
                    .path()
                    .split('/')
                    .any(|segment| segment.len() > MAX_NAME_BYTES);
                if too_long {
                    match not_a_file.oneshot(request).await {
                        Ok(response) => response,
                        Err(never) => match never {},
                    }
                } else {
                    next.run(request).await
                }
            }
        }))
}

/// Hashed file names (`name-0123456789abcdef.ext`, as Trunk writes them) never change
/// content, so browsers may keep them for a year; everything else is revalidated.
async fn static_cache_headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(request.uri().path());
    let is_worker = request.uri().path() == "/sw.js";
    let mut response = next.run(request).await;
    if is_worker {
        // A service worker runs under its own script's policy: it must reach this origin.
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; connect-src 'self'"),
        );
    }
    if response.status().is_success() && !response.headers().contains_key(header::CACHE_CONTROL) {
        let value = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// Whether the last path segment carries a Trunk content hash before its extension.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        hash.len() == 16 && hash.bytes().all(|byte| byte.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_hashed_asset("/gazette-3f2a9c0d1e4b5a69_bg.wasm"));
        assert!(is_hashed_asset("/gazette-3f2a9c0d1e4b5a69.js"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/manifest.json"));
    }
}
