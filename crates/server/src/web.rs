//! What browsers and crawlers get that is not JSON: the built front end's files
//! ([`assets`]), the app shell for every app route, rendered per URL ([`shell`], [`head`],
//! [`page_data`], [`first_screen`]), feeds, sitemap and robots.txt ([`feeds`]) and the
//! demo content's pictures ([`media`]).

pub mod assets;
pub mod feeds;
pub mod first_screen;
pub mod head;
pub mod html;
pub mod media;
pub mod page_data;
pub mod shell;
pub mod urls;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::state::AppState;
use head::PageMeta;

/// The routes of everything that is not the API; unknown paths get the front end's files or,
/// for app routes, the shell.
pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .merge(feeds::router())
        .route("/media/images/{id}/{file}", get(media::image_file))
        .route("/", get(app_shell))
        .route("/index.html", get(app_shell))
        .fallback_service(assets::files(
            &state.config.dist,
            get(app_shell).with_state(state.clone()),
        ))
}

/// The app shell for an app route, with the page's meta tags; 404 for unknown files.
async fn app_shell(State(state): State<AppState>, uri: Uri) -> Response {
    let path = uri.path();
    let last = path.rsplit('/').next().unwrap_or("");
    if path.starts_with("/api/") || (last.contains('.') && path != "/index.html") {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let Some(shell) = state.shell.as_ref() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "The front end is not built: run `make run`, which builds it into dist/.",
        )
            .into_response();
    };
    let (status, meta) = match page_data::page_meta(&state, path, uri.query()).await {
        Ok(found) => found,
        Err(cause) => {
            tracing::error!(%cause, "could not read page data for the shell");
            (
                StatusCode::OK,
                PageMeta {
                    title: state.site.name.clone(),
                    ..PageMeta::default()
                },
            )
        }
    };
    let mut response = Response::new(Body::from(shell.render(&meta)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::CONTENT_SECURITY_POLICY, shell.csp().clone());
    response
}
