//! The prompts at the bottom of the screen about the app itself: "New version available —
//! Refresh" when a new build is waiting, and "Install app" when the browser offers it. They
//! are fixed in place, so showing them never moves the page.

use gazette_api_types::Lang;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::t;
use crate::pwa::{self, AppStatus};

/// Where the reader's "Not now" to the install offer is remembered.
const INSTALL_DISMISSED_KEY: &str = "gazette.install-dismissed";

/// The update and install prompts.
#[component]
pub fn AppPrompts(lang: Signal<Lang>, status: AppStatus) -> impl IntoView {
    let dismissed = RwSignal::new(browser::load(INSTALL_DISMISSED_KEY).is_some());
    view! {
        <div class="app-prompts">
            <Show when=move || status.update_ready.get()>
                <div class="app-prompt" role="status">
                    <span>{move || t(lang.get()).update_available}</span>
                    <button type="button" class="button app-prompt__action" on:click=move |_| pwa::apply_update()>
                        {move || t(lang.get()).refresh}
                    </button>
                </div>
            </Show>
            <Show when=move || status.can_install.get() && !dismissed.get()>
                <div class="app-prompt">
                    <button
                        type="button"
                        class="button app-prompt__action"
                        on:click=move |_| {
                            status.can_install.set(false);
                            pwa::install();
                        }
                    >
                        {move || t(lang.get()).install_app}
                    </button>
                    <button
                        type="button"
                        class="button app-prompt__dismiss"
                        on:click=move |_| {
                            dismissed.set(true);
                            browser::save(INSTALL_DISMISSED_KEY, "1");
                        }
                    >
                        {move || t(lang.get()).not_now}
                    </button>
                </div>
            </Show>
        </div>
    }
}
