//! `GET /api/v1/tags/{slug}`: a tag's name in a language, for the tag page's heading (its
//! articles are `GET /api/v1/articles?tag=`).

use axum::extract::{Path, State};
use axum::routing::get;
use axum::Router;
use gazette_api_types::{ErrorBody, Lang, Tag};

use super::error::{truncate, ApiResult, Error};
use super::extract::{parse_lang, Json, LangQuery, Query};
use crate::db;
use crate::state::AppState;

/// The tag reads' routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/tags/{slug}", get(get_tag))
}

/// One tag named in the language; 404 when no published article in that language has it.
#[utoipa::path(get, path = "/api/v1/tags/{slug}", tag = "articles",
    params(("slug" = String, Path), ("lang" = Option<Lang>, Query, description = "en (default), ru or hy")),
    responses((status = 200, body = Tag), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_tag(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<LangQuery>,
) -> ApiResult<Json<Tag>> {
    let lang = parse_lang(query.lang.as_deref())?;
    db::tags::get(&state.store, &slug, lang)
        .await?
        .map(Json)
        .ok_or_else(|| Error::NotFound(format!("no articles with tag '{}'", truncate(&slug))))
}
