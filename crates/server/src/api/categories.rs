//! `GET /api/v1/categories` and `GET /api/v1/categories/{slug}`.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use gazette_api_types::{Category, CategoryList, ErrorBody, Lang};

use super::error::{ApiResult, Error};
use super::extract::{parse_lang, Json, LangQuery, Query};
use crate::db;
use crate::state::AppState;

/// The category reads' routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/categories", get(list_categories))
        .route("/categories/{slug}", get(get_category))
}

/// All categories in navigation order.
#[utoipa::path(get, path = "/api/v1/categories", tag = "categories",
    params(("lang" = Option<Lang>, Query, description = "en (default), ru or hy")),
    responses((status = 200, body = CategoryList), (status = 400, body = ErrorBody)))]
pub async fn list_categories(
    State(state): State<AppState>,
    Query(query): Query<LangQuery>,
) -> ApiResult<Json<CategoryList>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let items = db::categories::list(&state.store, lang).await?;
    Ok(Json(CategoryList { items }))
}

/// One category with its name and description.
#[utoipa::path(get, path = "/api/v1/categories/{slug}", tag = "categories",
    params(("slug" = String, Path), ("lang" = Option<Lang>, Query, description = "en (default), ru or hy")),
    responses((status = 200, body = Category), (status = 404, body = ErrorBody)))]
pub async fn get_category(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
) -> ApiResult<Json<Category>> {
    let lang = parse_lang(query.lang.as_deref())?;
    db::categories::get(&state.store, &slug, lang)
        .await?
        .map(Json)
        .ok_or_else(|| Error::no_category(&slug))
}
