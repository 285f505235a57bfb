//! "Install app" while the browser offers to install Gazette (header and footer).

use gazette_api_types::Lang;
use leptos::prelude::*;

use crate::i18n::t;
use crate::pwa;

/// A button that opens the browser's install dialog; shown only while `offer` is true, and the
/// offer is used up by pressing it.
#[component]
pub fn InstallButton(
    lang: Signal<Lang>,
    offer: RwSignal<bool>,
    class: &'static str,
) -> impl IntoView {
    view! {
        <Show when=move || offer.get()>
            <button
                type="button"
                class=class
                on:click=move |_| {
                    offer.set(false);
                    pwa::install();
                }
            >
                {move || t(lang.get()).install_app}
            </button>
        </Show>
    }
}
