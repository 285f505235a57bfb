//! Editor writes of tags: name a tag in one language (articles carry tags by slug).

use axum::extract::{Path, State};
use gazette_api_types::{ErrorBody, Tag, TagInput};

use super::auth::Editor;
use crate::api::error::{ApiResult, Error};
use crate::api::extract::{is_valid_slug, Json};
use crate::content::sanitize::clean_text;
use crate::db;
use crate::state::AppState;

/// Sets the name readers see for a tag in one language.
#[utoipa::path(put, path = "/api/v1/admin/tags/{slug}", tag = "admin", request_body = TagInput,
    params(("slug" = String, Path)), security(("bearer" = [])),
    responses((status = 429, description = "too many requests from this client; see Retry-After", body = ErrorBody), (status = 200, body = Tag), (status = 401, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
pub async fn put_tag(
    _editor: Editor,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Json(input): Json<TagInput>,
) -> ApiResult<Json<Tag>> {
    if !is_valid_slug(&slug) {
        return Err(Error::Unprocessable(
            "slug must be lower-case letters and digits joined by hyphens".into(),
        ));
    }
    let name = clean_text(&input.name);
    if name.is_empty() || name.chars().count() > 60 {
        return Err(Error::Unprocessable(
            "name must have 1 to 60 characters".into(),
        ));
    }
    db::tags::set_name(&state.store, &slug, input.lang, &name).await?;
    Ok(Json(Tag { slug, name }))
}
