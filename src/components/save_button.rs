//! The article's "Save" button: keeps the article and its image for reading offline, and
//! pressed again, forgets it.

use gazette_api_types::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::t;
use crate::prefs::FIRST_SCREEN_CHANGED;
use crate::pwa;
use crate::state::use_toaster;

/// Saves or un-saves one article; pressed (`aria-pressed`) while the article is saved.
#[component]
pub fn SaveButton(
    lang: Lang,
    /// The article's API address (`api::article_url`): the key of the saved copy.
    article_url: String,
    /// The picture's files, saved with it (`pwa::image_files`; empty when it has none).
    image_files: String,
) -> impl IntoView {
    let strings = t(lang);
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let toaster = use_toaster();
    let urls = StoredValue::new((article_url, image_files));
    let check = move || {
        spawn_local(async move {
            let (article_url, _) = urls.get_value();
            let is_saved = pwa::is_saved(&article_url).await;
            saved.try_set(is_saved);
        });
    };
    check();
    // The first screen's Save (over this one until the app's page is in place) says so.
    let on_first_screen = window_event_listener_untyped(FIRST_SCREEN_CHANGED, move |_| check());
    on_cleanup(move || on_first_screen.remove());
    let toggle = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let (article_url, image_files) = urls.get_value();
        let was_saved = saved.get_untracked();
        spawn_local(async move {
            if was_saved {
                if pwa::remove_article(&article_url, &image_files).await {
                    saved.try_set(false);
                }
            } else if pwa::save_article(&article_url, &image_files).await {
                saved.try_set(true);
                toaster.show(strings.save_done.to_owned());
            } else {
                toaster.show(strings.save_failed.to_owned());
            }
            busy.try_set(false);
        });
    };
    view! {
        <button
            type="button"
            class="button save-button"
            aria-pressed=move || saved.get().to_string()
            on:click=toggle
        >
            <span aria-hidden="true">{move || if saved.get() { "★ " } else { "☆ " }}</span>
            {move || if saved.get() { strings.saved } else { strings.save }}
        </button>
    }
}
