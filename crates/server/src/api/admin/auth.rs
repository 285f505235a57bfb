//! The editor token check: handlers that write take an [`Editor`] first, so a request
//! without the configured bearer token is refused before anything is read or written.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use sha2::{Digest, Sha256};

use crate::api::error::Error;
use crate::state::AppState;

/// Proof that the request carried the editor token; handlers that write take it first.
pub struct Editor;

impl FromRequestParts<AppState> for Editor {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let Some(expected) = state
            .config
            .admin_token
            .as_deref()
            .filter(|token| !token.is_empty())
        else {
            return Err(Error::Unauthorized);
        };
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .unwrap_or("");
        // Compare digests so the time taken does not reveal how much of the token matched.
        if Sha256::digest(given.as_bytes()) == Sha256::digest(expected.as_bytes()) {
            Ok(Editor)
        } else {
            Err(Error::Unauthorized)
        }
    }
}
