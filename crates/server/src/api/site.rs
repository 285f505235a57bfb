//! `GET /api/v1/site`: the site's name, languages, links, footer texts and ad slots, from the
//! site settings file.

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use gazette_api_types::{ErrorBody, Lang, SiteInfo};

use super::error::ApiResult;
use super::extract::{parse_lang, Json, LangQuery, Query};
use crate::state::AppState;

/// The site endpoint's route.
pub fn router() -> Router<AppState> {
    Router::new().route("/site", get(site_info))
}

/// Site information in the requested language.
#[utoipa::path(get, path = "/api/v1/site", tag = "site",
    params(("lang" = Option<Lang>, Query, description = "en (default), ru or hy")),
    responses((status = 200, body = SiteInfo), (status = 400, body = ErrorBody)))]
pub async fn site_info(
    State(state): State<AppState>,
    Query(query): Query<LangQuery>,
) -> ApiResult<Json<SiteInfo>> {
    let lang = parse_lang(query.lang.as_deref())?;
    let year = time::OffsetDateTime::now_utc().year();
    Ok(Json(state.site.info(lang, &state.config.base_url, year)))
}
