//! A short message ("Link copied") shown at the bottom of the screen, announced by screen
//! readers, that disappears by itself.

use leptos::prelude::*;

use crate::browser;

/// How long a toast stays, in milliseconds.
pub const TOAST_MS: i32 = 3_000;

/// The app-wide toast: `Toaster::show` from anywhere below `App`.
#[derive(Clone, Copy)]
pub struct Toaster {
    message: RwSignal<Option<String>>,
    shown: RwSignal<u32>,
}

impl Toaster {
    /// A toaster with nothing shown.
    pub fn new() -> Toaster {
        Toaster {
            message: RwSignal::new(None),
            shown: RwSignal::new(0),
        }
    }

    /// Shows `message` for a few seconds (replacing any message shown now).
    pub fn show(&self, message: String) {
        let shown = self.shown.get_untracked().wrapping_add(1);
        self.shown.set(shown);
        self.message.set(Some(message));
        let toaster = *self;
        browser::after(TOAST_MS, move || {
            // Only the latest toast hides itself.
            if toaster.shown.get_untracked() == shown {
                toaster.message.set(None);
            }
        });
    }

    /// The message shown now.
    pub fn message(&self) -> Option<String> {
        self.message.get()
    }
}

impl Default for Toaster {
    fn default() -> Self {
        Toaster::new()
    }
}

/// The toast region; always in the page so screen readers announce changes (aria-live).
#[component]
pub fn Toast() -> impl IntoView {
    let toaster = use_context::<Toaster>().unwrap_or_default();
    view! {
        <div class="toast-region" role="status" aria-live="polite" aria-atomic="true">
            {move || toaster.message().map(|message| view! { <p class="toast">{message}</p> })}
        </div>
    }
}
