//! `POST /api/v1/articles/{slug}/views`: counts a reader's visit, once per reader per article
//! per day on any replica (and at most `--max-views-per-address` a day from one client
//! address), and answers the article's count.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Extension, Router};
use gazette_api_types::{ErrorBody, Lang, ViewCount, VISITOR_HEADER};

use super::error::{ApiResult, Error};
use super::extract::{parse_lang, Json, LangQuery, Query};
use super::limits;
use crate::content::views;
use crate::db;
use crate::state::AppState;

/// The view counter's route.
pub fn router() -> Router<AppState> {
    Router::new().route("/articles/{slug}/views", post(count_view))
}

/// Counts a reader's visit, once per reader per article per day, and returns the counter.
#[utoipa::path(post, path = "/api/v1/articles/{slug}/views", tag = "articles",
    params(("slug" = String, Path), ("lang" = Option<Lang>, Query, description = "en (default), ru or hy"),
           ("x-gazette-visitor" = Option<String>, Header, description = "anonymous reader id")),
    responses((status = 429, description = "too many requests from this client; see Retry-After", body = ErrorBody), (status = 200, body = ViewCount), (status = 404, body = ErrorBody)))]
pub async fn count_view(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
    headers: HeaderMap,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
) -> ApiResult<Json<ViewCount>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let id = db::articles::published_id(&state.store, lang, &slug)
        .await?
        .ok_or_else(|| Error::no_article(&slug))?;
    let peer = peer.map(|Extension(ConnectInfo(addr))| addr);
    let address = limits::client_address(&headers, peer, state.config.behind_proxy);
    let visitor = visitor_key(&headers, address);
    let viewer = views::Viewer {
        visitor: &visitor,
        address,
    };
    let cap = if state.config.no_rate_limits {
        0
    } else {
        state.config.max_views_per_address
    };
    let views = views::count(&state.store, id, &viewer, cap).await?;
    // This replica's kept answers about the article show the count before this view.
    state.response_cache.forget_article(&slug);
    Ok(Json(ViewCount { views }))
}

/// Who is reading: the front end's anonymous id, else the address and browser.
fn visitor_key(headers: &HeaderMap, address: Option<IpAddr>) -> String {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(|value| value.chars().take(128).collect::<String>())
    };
    if let Some(visitor) = header(VISITOR_HEADER).filter(|visitor| !visitor.is_empty()) {
        return format!("id:{visitor}");
    }
    let address = address
        .map(|address| address.to_string())
        .unwrap_or_default();
    format!(
        "peer:{address}|{}",
        header("user-agent").unwrap_or_default()
    )
}
