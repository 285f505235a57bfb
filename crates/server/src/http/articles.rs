//! Article reads: the paged list, one article, related news, most read, and view counting.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Extension, Router};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use gazette_api_types::{Article, ArticlePage, Lang, ViewCount};
use serde::Deserialize;

use super::categories::truncate;
use super::{parse_lang, ApiResult, Error, Json, LangQuery, Query};
use crate::db::articles::{ListFilter, ListPosition};
use crate::{db, AppState};

/// Default and largest page size of lists.
pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 50;

/// Header carrying the reader's anonymous visitor id, so a visit is counted once per reader.
pub const VISITOR_HEADER: &str = "x-gazette-visitor";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/articles", get(list_articles))
        .route("/articles/{slug}", get(get_article))
        .route("/articles/{slug}/related", get(related_articles))
        .route("/articles/{slug}/views", post(count_view))
        .route("/most-read", get(most_read))
}

/// Query of the article list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// en (default), ru or hy.
    pub lang: Option<String>,
    /// Only this category's articles.
    pub category: Option<String>,
    /// Only articles with this tag.
    pub tag: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Page size, 1 to 50 (default 20).
    pub limit: Option<String>,
}

/// Parses a page size within `1..=max`.
pub fn parse_limit(limit: Option<&str>, default: u32, max: u32) -> ApiResult<u32> {
    let Some(text) = limit else {
        return Ok(default);
    };
    match text.parse::<u32>() {
        Ok(limit) if (1..=max).contains(&limit) => Ok(limit),
        _ => Err(Error::BadRequest(format!(
            "limit must be a whole number from 1 to {max}, not '{}'",
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

/// Published articles, newest first, one page at a time.
#[utoipa::path(get, path = "/api/v1/articles", tag = "articles", params(ListQuery),
    responses((status = 200, body = ArticlePage), (status = 400, body = gazette_api_types::ApiError),
              (status = 404, body = gazette_api_types::ApiError, description = "unknown category")))]
pub async fn list_articles(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Json<ArticlePage>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let limit = parse_limit(query.limit.as_deref(), DEFAULT_LIMIT, MAX_LIMIT)?;
    let after = query.cursor.as_deref().map(decode_cursor).transpose()?;
    let category = query.category.as_deref().filter(|slug| !slug.is_empty());
    if let Some(slug) = category {
        if !db::categories::exists(&state.pool, slug).await? {
            return Err(Error::NotFound(format!("no category '{}'", truncate(slug))));
        }
    }
    let filter = ListFilter {
        lang,
        category,
        tag: query.tag.as_deref().filter(|tag| !tag.is_empty()),
        after,
        // One extra row tells whether there is a next page.
        limit: limit + 1,
    };
    let mut rows = db::articles::list(&state.pool, &filter).await?;
    let has_more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = has_more.then(|| rows.last()).flatten().map(|row| {
        encode_cursor(ListPosition {
            published_at: row.published_at,
            id: row.id,
        })
    });
    Ok(Json(ArticlePage {
        items: rows.into_iter().map(|row| row.into_summary()).collect(),
        next_cursor,
    }))
}

/// One published article with its body blocks, tags, views and translations.
#[utoipa::path(get, path = "/api/v1/articles/{slug}", tag = "articles",
    params(("slug" = String, Path), ("lang" = Option<String>, Query, description = "en (default), ru or hy")),
    responses((status = 200, body = Article), (status = 404, body = gazette_api_types::ApiError)))]
pub async fn get_article(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
) -> ApiResult<Json<Article>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let article = load_article(&state, lang, &slug).await?;
    Ok(Json(article))
}

/// A published article by language and slug, or a 404 naming the slug.
pub async fn load_article(state: &AppState, lang: Lang, slug: &str) -> ApiResult<Article> {
    let _consistent = state.views.read_gate().await;
    let row = db::articles::get(&state.pool, lang, slug)
        .await?
        .ok_or_else(|| not_found(slug))?;
    let pending = state.views.pending(row.summary.id);
    Ok(db::articles::to_article(&state.pool, row, pending).await?)
}

fn not_found(slug: &str) -> Error {
    Error::NotFound(format!("no article '{}'", truncate(slug)))
}

/// Query of related and most-read lists.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct ShortListQuery {
    /// en (default), ru or hy.
    pub lang: Option<String>,
    /// How many, 1 to 20 (default 6).
    pub limit: Option<String>,
}

/// Newest articles of the same category.
#[utoipa::path(get, path = "/api/v1/articles/{slug}/related", tag = "articles",
    params(("slug" = String, Path), ShortListQuery),
    responses((status = 200, body = ArticlePage), (status = 404, body = gazette_api_types::ApiError)))]
pub async fn related_articles(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<ShortListQuery>,
) -> ApiResult<Json<ArticlePage>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let limit = parse_limit(query.limit.as_deref(), 6, 20)?;
    let row = db::articles::get(&state.pool, lang, &slug)
        .await?
        .ok_or_else(|| not_found(&slug))?;
    let rows = db::articles::related(
        &state.pool,
        lang,
        &row.summary.category,
        row.summary.id,
        limit,
    )
    .await?;
    Ok(Json(ArticlePage {
        items: rows.into_iter().map(|row| row.into_summary()).collect(),
        next_cursor: None,
    }))
}

/// The most viewed articles.
#[utoipa::path(get, path = "/api/v1/most-read", tag = "articles", params(ShortListQuery),
    responses((status = 200, body = ArticlePage), (status = 400, body = gazette_api_types::ApiError)))]
pub async fn most_read(
    State(state): State<AppState>,
    Query(query): Query<ShortListQuery>,
) -> ApiResult<Json<ArticlePage>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let limit = parse_limit(query.limit.as_deref(), 6, 20)?;
    let rows = db::articles::most_read(&state.pool, lang, limit).await?;
    Ok(Json(ArticlePage {
        items: rows.into_iter().map(|row| row.into_summary()).collect(),
        next_cursor: None,
    }))
}

/// Counts a reader's visit, once per reader per article per day, and returns the counter.
#[utoipa::path(post, path = "/api/v1/articles/{slug}/views", tag = "articles",
    params(("slug" = String, Path), ("lang" = Option<String>, Query, description = "en (default), ru or hy"),
           ("x-gazette-visitor" = Option<String>, Header, description = "anonymous reader id")),
    responses((status = 200, body = ViewCount), (status = 404, body = gazette_api_types::ApiError)))]
pub async fn count_view(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
    headers: HeaderMap,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
) -> ApiResult<Json<ViewCount>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let _consistent = state.views.read_gate().await;
    let (id, stored) = db::articles::published_views(&state.pool, lang, &slug)
        .await?
        .ok_or_else(|| not_found(&slug))?;
    let visitor = visitor_key(&headers, peer.map(|Extension(ConnectInfo(addr))| addr));
    state.views.count(id, &visitor);
    Ok(Json(ViewCount {
        views: u64::try_from(stored).unwrap_or(0) + state.views.pending(id),
    }))
}

/// Who is reading: the front end's anonymous id, else the address and browser.
fn visitor_key(headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(|value| value.chars().take(128).collect::<String>())
    };
    if let Some(visitor) = header(VISITOR_HEADER).filter(|visitor| !visitor.is_empty()) {
        return format!("id:{visitor}");
    }
    let address = peer.map(|addr| addr.ip().to_string()).unwrap_or_default();
    format!(
        "peer:{address}|{}",
        header("user-agent").unwrap_or_default()
    )
}
