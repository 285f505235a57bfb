//! The Gazette reference server: the JSON API of the news site on SQLite or PostgreSQL, the
//! editor endpoints, feeds, and hosting of the built front end from one origin.
//!
//! `app(state)` builds the whole HTTP application without a socket, so tests drive it with
//! `oneshot`; `serve(config)` runs it with view-count folding and graceful shutdown.
//!
//! Layout: [`api`] is the JSON API only; [`web`] is what browsers and crawlers get that is not
//! JSON (assets, the app shell, feeds, media); [`db`] is the storage seam (all SQL, on SQLite
//! or PostgreSQL); [`content`] is what the site does with articles (sanitising, demo content, view counting, presentation, times);
//! [`state`], [`config`] and [`site_settings`] are what the server starts from.

pub mod api;
pub mod config;
pub mod connections;
pub mod content;
pub mod db;
pub mod images;
pub mod memory_cache;
pub mod site_settings;
pub mod state;
pub mod web;

use std::time::Duration;

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use config::{Config, StartError};
pub use state::AppState;

/// The whole HTTP application for a state: the API, the OpenAPI document, feeds, media and
/// the front end, with the middleware every response passes through (security headers,
/// JSON errors under `/api`, compression, body limit, timeout, tracing).
pub fn app(state: AppState) -> Router {
    let state_for_limits = state.clone();
    let state_for_hot_reads = state.clone();
    let state_for_headers = state.config.behind_proxy;
    Router::new()
        .merge(api::router(&state))
        .route("/healthz", axum::routing::get(health))
        .merge(web::router(&state))
        .with_state(state)
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(middleware::from_fn_with_state(state_for_limits, limit_body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(15),
        ))
        // Outside the limit and the timeout, so their 413 and 408 answers are JSON under
        // `/api` and carry the security headers like every other response.
        .layer(middleware::from_fn(api::json_errors_for_api))
        .layer(middleware::from_fn(limit_request_head))
        .layer(middleware::from_fn_with_state(
            state_for_headers,
            security_headers,
        ))
        .layer(TraceLayer::new_for_http())
        // Outermost: a hot same-origin API read is a lookup, with no other layer to pass.
        .layer(middleware::from_fn_with_state(
            state_for_hot_reads,
            api::response_cache::serve_same_origin_reads,
        ))
}

/// Caps every request body at [`api::extract::MAX_BODY_BYTES`], and picture uploads at the
/// configured `--max-upload-bytes`: a declared length over it is refused at once (413), a
/// body that grows past it fails when read.
async fn limit_body(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let limit = if request.uri().path() == api::admin::images::UPLOAD_PATH {
        state.config.max_upload_bytes
    } else {
        api::extract::MAX_BODY_BYTES
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return api::error::error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("request body is larger than {limit} bytes"),
        );
    }
    let (parts, body) = request.into_parts();
    let body = axum::body::Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}

/// Longest request target (path and query) the server reads, in bytes.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Most bytes of request headers (names and values) the server reads.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Refuses a request target longer than [`MAX_URI_BYTES`] (414) and headers larger than
/// [`MAX_HEADER_BYTES`] (431) with the JSON error and the security headers. (Far larger heads,
/// over hyper's own limits of 64 KB of target and 400 KB of buffer, get hyper's bare answer.)
async fn limit_request_head(request: Request, next: Next) -> Response {
    let target = request
        .uri()
        .path_and_query()
        .map_or(0, |target| target.as_str().len());
    if target > MAX_URI_BYTES {
        return api::error::error_response(
            StatusCode::URI_TOO_LONG,
            "uri_too_long",
            format!("the request address is longer than {MAX_URI_BYTES} bytes"),
        );
    }
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        return api::error::error_response(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "headers_too_large",
            format!("the request headers are larger than {MAX_HEADER_BYTES} bytes"),
        );
    }
    next.run(request).await
}

/// `/healthz`: 200 "ok" while the database answers, 503 when it does not, so a load balancer
/// takes a replica that lost its database out of rotation.
async fn health(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    use axum::response::IntoResponse;
    if state.store.is_reachable().await {
        "ok".into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
    }
}

/// Browser features no page of the site uses: refused to the site and anything it embeds.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), geolocation=(), \
    gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()";

/// How long browsers keep to HTTPS once they saw the site over it: a year.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000";

/// Headers every response carries; HTML gets its Content-Security-Policy from the shell.
async fn security_headers(
    axum::extract::State(behind_proxy): axum::extract::State<bool>,
    request: Request,
    next: Next,
) -> Response {
    let over_https = came_over_https(request.headers(), behind_proxy);
    let mut response = next.run(request).await;
    add_security_headers(response.headers_mut(), over_https);
    response
}

/// Whether the reader came over HTTPS. This server has no TLS of its own: it knows only
/// behind a proxy it trusts (`--behind-proxy`) that says so in `X-Forwarded-Proto` (its own
/// entry is the last one).
pub fn came_over_https(headers: &axum::http::HeaderMap, behind_proxy: bool) -> bool {
    behind_proxy
        && headers
            .get("x-forwarded-proto")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.rsplit(',').next())
            .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

/// Sets the headers every answer carries; Strict-Transport-Security only `over_https`, and a
/// Content-Security-Policy that allows nothing where the answer has none of its own.
pub fn add_security_headers(headers: &mut axum::http::HeaderMap, over_https: bool) {
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    if over_https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        );
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        );
    }
}

/// Runs the server until Ctrl-C or SIGTERM, then folds recorded views and closes the database.
pub async fn serve(config: Config) -> Result<(), StartError> {
    let state = AppState::new(config).await?;
    let address = state.config.listen;
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|error| format!("cannot listen on {address}: {error}"))?;
    serve_on(listener, state, shutdown_signal()).await
}

/// Serves `state` on `listener` until `shutdown` completes; then stops taking requests, lets
/// running ones finish, folds recorded views into the counters and closes the database.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), StartError> {
    let local = listener.local_addr()?;
    let flusher = {
        let state = state.clone();
        tokio::spawn(async move {
            let period = Duration::from_secs(state.config.views_flush_secs.max(1));
            // The first flush is one period after start: nothing is counted before that.
            let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
            loop {
                tick.tick().await;
                if let Err(error) = content::views::flush(&state.store).await {
                    tracing::error!(%error, "could not fold view counts; will retry");
                }
            }
        })
    };

    tracing::info!("Gazette is running at http://{local}");
    println!("Gazette is running at http://{local}");
    connections::serve_connections(
        listener,
        app(state.clone()),
        state.config.connection_limits(),
        shutdown,
    )
    .await;

    flusher.abort();
    let folded = content::views::flush(&state.store).await?;
    tracing::info!(articles = folded, "folded view counts on shutdown");
    state.store.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
