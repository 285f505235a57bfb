//! A short message ("Link copied") shown at the bottom of the screen, announced by screen
//! readers, that disappears by itself (the `Toaster` handle is in `state`).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::prefs::FIRST_SCREEN_TOAST;
use crate::state::use_toaster;

/// The toast region; always in the page so screen readers announce changes (aria-live).
#[component]
pub fn Toast() -> impl IntoView {
    let toaster = use_toaster();
    let from_first_screen = window_event_listener_untyped(FIRST_SCREEN_TOAST, move |event| {
        let detail = js_sys::Reflect::get(&event, &JsValue::from_str("detail")).ok();
        if let Some(message) = detail.and_then(|detail| detail.as_string()) {
            toaster.show(message);
        }
    });
    on_cleanup(move || from_first_screen.remove());
    view! {
        <div class="toast-region" role="status" aria-live="polite" aria-atomic="true">
            {move || toaster.message().map(|message| view! { <p class="toast">{message}</p> })}
        </div>
    }
}
