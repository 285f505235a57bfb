//! Editor uploads of pictures: `POST /api/v1/admin/images` with the file as the raw body.
//! The file is checked by its content, turned upright, stripped of its metadata and made into
//! every variant before the answer (see [`crate::images::process`]); articles then name it
//! by the id in the answer.

use axum::body::Body;
use axum::extract::State;
use axum::http::StatusCode;
use gazette_api_types::{ErrorBody, UploadedImage};

use super::auth::Editor;
use crate::api::error::{ApiResult, Error};
use crate::api::extract::Json;
use crate::content::time_format;
use crate::db;
use crate::db::images::ImageRecord;
use crate::images::process::{self, Rejection};
use crate::images::{self as pictures};
use crate::state::AppState;

/// The path uploads are sent to (it takes a larger body than every other endpoint).
pub const UPLOAD_PATH: &str = "/api/v1/admin/images";

/// Takes a JPEG, PNG or WebP file and answers with its id and variants.
#[utoipa::path(post, path = "/api/v1/admin/images", tag = "admin",
    request_body(content = Vec<u8>, description = "The picture's file (JPEG, PNG or WebP), as the raw body",
                 content_type = "application/octet-stream"),
    security(("bearer" = [])),
    responses((status = 429, description = "too many requests from this client; see Retry-After", body = ErrorBody), (status = 201, body = UploadedImage), (status = 401, body = ErrorBody),
              (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
              (status = 422, body = ErrorBody)))]
pub async fn upload_image(
    _editor: Editor,
    State(state): State<AppState>,
    body: Body,
) -> ApiResult<(StatusCode, Json<UploadedImage>)> {
    let limit = state.config.max_upload_bytes;
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|_| {
        Error::Rejected(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the picture is larger than {limit} bytes"),
        )
    })?;
    if bytes.is_empty() {
        return Err(Error::Unprocessable(
            "the body is empty: send the picture's file".into(),
        ));
    }
    // The same file again (an editor retrying, a script re-importing): its variants exist.
    if let Some(record) = db::images::get(&state.store, &process::id_of(&bytes)).await? {
        return Ok((StatusCode::CREATED, Json(uploaded(record))));
    }
    let _working = state
        .image_work
        .acquire()
        .await
        .map_err(|_| Error::Unprocessable("the server is shutting down".into()))?;
    let processed = tokio::task::spawn_blocking(move || process::ingest(&bytes))
        .await
        .map_err(|_| Error::Unprocessable("the picture could not be processed".into()))?
        .map_err(|rejection| match rejection {
            Rejection::NotAnImage => {
                Error::Rejected(StatusCode::UNSUPPORTED_MEDIA_TYPE, rejection.to_string())
            }
            other => Error::Unprocessable(other.to_string()),
        })?;
    for (file, bytes) in &processed.files {
        state
            .media
            .put(&processed.id, &file.name(), bytes)
            .await
            .map_err(|error| {
                tracing::error!(%error, "cannot store a picture");
                Error::Unavailable("the picture could not be stored; try again later".into())
            })?;
    }
    let record = ImageRecord {
        id: processed.id.clone(),
        width: processed.width,
        height: processed.height,
        widths: processed.widths.clone(),
    };
    db::images::insert(&state.store, &record, time_format::now()).await?;
    Ok((StatusCode::CREATED, Json(uploaded(record))))
}

/// The answer for a stored upload.
fn uploaded(record: ImageRecord) -> UploadedImage {
    UploadedImage {
        variants: pictures::variants(&record.id, &record.widths),
        preview_url: pictures::preview_url(&record.id),
        id: record.id,
        width: record.width,
        height: record.height,
    }
}
