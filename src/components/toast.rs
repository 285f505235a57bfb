//! A short message ("Link copied") shown at the bottom of the screen, announced by screen
//! readers, that disappears by itself (the `Toaster` handle is in `state`).

use leptos::prelude::*;

use crate::state::use_toaster;

/// The toast region; always in the page so screen readers announce changes (aria-live).
#[component]
pub fn Toast() -> impl IntoView {
    let toaster = use_toaster();
    view! {
        <div class="toast-region" role="status" aria-live="polite" aria-atomic="true">
            {move || toaster.message().map(|message| view! { <p class="toast">{message}</p> })}
        </div>
    }
}
