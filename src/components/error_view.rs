//! The one view every failed fetch shows.

use leptos::prelude::*;

use crate::api::ApiError;

/// Tells the reader a request failed and offers to try again.
#[component]
pub fn ErrorView(
    /// What went wrong.
    error: ApiError,
    /// Called when the reader presses Retry.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let message = match error {
        ApiError::Network => "No connection to the newsroom. Check your network.".to_owned(),
        ApiError::Status { status, .. } => {
            format!("The newsroom answered with an error ({status}).")
        }
        ApiError::Malformed => "The newsroom sent something this page cannot read.".to_owned(),
    };
    view! {
        <div class="error-view" role="alert">
            <p class="error-view__message">{message}</p>
            <button type="button" class="error-view__retry" on:click=move |_| on_retry()>
                "Retry"
            </button>
        </div>
    }
}
