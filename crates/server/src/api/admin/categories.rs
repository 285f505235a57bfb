//! Editor writes of categories: create or rename one in a language, delete an empty one.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use gazette_api_types::{Category, CategoryInput, ErrorBody};

use super::auth::Editor;
use crate::api::error::{truncate, ApiResult, Error};
use crate::api::extract::{is_valid_slug, Json};
use crate::content::sanitize::clean_text;
use crate::db;
use crate::state::AppState;

/// Creates a category or sets its name, description and position in one language.
#[utoipa::path(put, path = "/api/v1/admin/categories/{slug}", tag = "admin", request_body = CategoryInput,
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 429, description = "too many requests from this client; see Retry-After", body = ErrorBody), (status = 200, body = Category), (status = 401, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
pub async fn put_category(
    _editor: Editor,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Json(input): Json<CategoryInput>,
) -> ApiResult<Json<Category>> {
    if !is_valid_slug(&slug) {
        return Err(Error::Unprocessable(
            "slug must be lower-case letters and digits joined by hyphens".into(),
        ));
    }
    let name = clean_text(&input.name);
    if name.is_empty() || name.chars().count() > 80 {
        return Err(Error::Unprocessable(
            "name must have 1 to 80 characters".into(),
        ));
    }
    let description = clean_text(&input.description);
    db::categories::upsert(
        &state.store,
        &slug,
        input.lang,
        &name,
        &description,
        input.position,
    )
    .await?;
    db::categories::get(&state.store, &slug, input.lang)
        .await?
        .map(Json)
        .ok_or_else(|| Error::NotFound("the category was removed meanwhile".into()))
}

/// Deletes a category that has no articles.
#[utoipa::path(delete, path = "/api/v1/admin/categories/{slug}", tag = "admin",
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 429, description = "too many requests from this client; see Retry-After", body = ErrorBody), (status = 204), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn delete_category(
    _editor: Editor,
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<StatusCode> {
    if db::categories::article_count(&state.store, &slug).await? > 0 {
        return Err(Error::Conflict(format!(
            "category '{}' still has articles",
            truncate(&slug)
        )));
    }
    if db::categories::delete(&state.store, &slug).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(Error::NotFound(format!(
            "no category '{}'",
            truncate(&slug)
        )))
    }
}
