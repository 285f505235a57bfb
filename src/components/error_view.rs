//! The one view every failed fetch shows.

use gazette_api_types::Lang;
use leptos::prelude::*;

use super::offline_view::{reconnecting, OfflineView};
use crate::api::ApiError;
use crate::browser;
use crate::i18n::t;

/// Tells the reader a request failed, in their language, and offers to try again. For a
/// page's main content (`offline_list`) while the reader is offline, it lists the articles
/// readable offline instead, also while the connection is coming back.
#[component]
pub fn ErrorView(
    /// What went wrong.
    error: ApiError,
    /// The reader's language.
    lang: Lang,
    /// Called when the reader presses Retry.
    on_retry: impl Fn() + 'static,
    /// This is the page's main content: offline, show the offline view.
    #[prop(optional)]
    offline_list: bool,
) -> impl IntoView {
    if offline_list && error == ApiError::Network && (!browser::is_online() || reconnecting()) {
        return view! { <OfflineView lang=lang on_retry=on_retry /> }.into_any();
    }
    let strings = t(lang);
    let message = match error {
        ApiError::Network => strings.error_network,
        ApiError::Status { .. } => strings.error_server,
        ApiError::Malformed => strings.error_malformed,
    };
    view! {
        <div class="error-view" role="alert">
            <p class="error-view__message">{message}</p>
            <button type="button" class="button error-view__retry" on:click=move |_| on_retry()>
                {strings.retry}
            </button>
        </div>
    }
    .into_any()
}
