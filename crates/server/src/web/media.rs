//! Pictures as served: `GET /media/images/{id}/{file}`, each file made once and kept in the
//! media store, immutable (a new picture gets a new id). The demo content's generated art is
//! drawn the first time one of its files is asked for, then kept like an upload.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::images::{art, is_valid_id, process, VariantFile, VARIANT_WIDTHS};
use crate::state::AppState;

/// `GET /media/images/{id}/{file}`: a variant (`960.webp`) or the link preview (`og.jpg`).
pub async fn image_file(
    State(state): State<AppState>,
    Path((id, name)): Path<(String, String)>,
) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "not found").into_response();
    let Some(file) = VariantFile::parse(&name).filter(|_| is_valid_id(&id)) else {
        return not_found();
    };
    match state.media.get(&id, &name).await {
        Ok(Some(bytes)) => return served(file, bytes),
        Ok(None) => {}
        Err(error) => {
            tracing::error!(%error, "cannot read a picture");
            return (StatusCode::SERVICE_UNAVAILABLE, "try again later").into_response();
        }
    }
    // Only the art's own sizes are drawn: a request cannot make the server draw any size.
    let Some(story) = art::story_of(&id) else {
        return not_found();
    };
    if let VariantFile::Sized(width, _) = file {
        if !VARIANT_WIDTHS.contains(&width) {
            return not_found();
        }
    }
    let Ok(_working) = state.image_work.acquire().await else {
        return (StatusCode::SERVICE_UNAVAILABLE, "try again later").into_response();
    };
    let drawn =
        tokio::task::spawn_blocking(move || process::encode_one(&art::draw_for(story, file), file))
            .await;
    let Ok(Ok(bytes)) = drawn else {
        return (StatusCode::SERVICE_UNAVAILABLE, "try again later").into_response();
    };
    if let Err(error) = state.media.put(&id, &name, &bytes).await {
        // Served all the same; drawn again next time.
        tracing::warn!(%error, "cannot keep a drawn picture");
    }
    served(file, Bytes::from(bytes))
}

fn served(file: VariantFile, bytes: Bytes) -> Response {
    (
        [
            (header::CONTENT_TYPE, file.mime()),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        bytes,
    )
        .into_response()
}
