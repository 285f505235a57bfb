//! The only place the front end speaks HTTP: one typed function per endpoint of the JSON
//! contract (`gazette-api-types`), each returning `Result<T, ApiError>`.
//!
//! Requests go to the same origin by default. Nothing from the network is unwrapped: a
//! failed request, an error status or a body that is not the expected JSON all become an
//! [`ApiError`] that pages show with a Retry button.

use gazette_api_types::{Lang, SiteInfo, API_PREFIX};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a request did not give the expected data.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No response: offline, DNS, connection refused, CORS.
    Network,
    /// The server answered with an error status; `message` is its JSON error message if any.
    Status { status: u16, message: String },
    /// The response was not the JSON this version of the front end understands.
    Malformed,
}

impl ApiError {
    /// Whether the server said the thing does not exist (the page shows "not found").
    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiError::Status { status: 404, .. })
    }
}

/// `GET {API_PREFIX}{path}` decoded as `T`.
async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let window = web_sys::window().ok_or(ApiError::Network)?;
    let url = format!("{API_PREFIX}{path}");
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| ApiError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ApiError::Malformed)?;
    let text_promise = response.text().map_err(|_| ApiError::Malformed)?;
    let text = JsFuture::from(text_promise)
        .await
        .map_err(|_| ApiError::Network)?
        .as_string()
        .unwrap_or_default();
    if !response.ok() {
        let message = serde_json::from_str::<gazette_api_types::ApiError>(&text)
            .map(|body| body.error.message)
            .unwrap_or_default();
        return Err(ApiError::Status {
            status: response.status(),
            message,
        });
    }
    serde_json::from_str(&text).map_err(|_| ApiError::Malformed)
}

/// The site's name, links and footer texts in `lang`.
pub async fn site(lang: Lang) -> Result<SiteInfo, ApiError> {
    get_json(&format!("/site?lang={}", lang.code())).await
}
