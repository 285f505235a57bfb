//! A+ / A- controls for the article text size: stepped, disabled at the ends, announced to
//! screen readers and saved (see `prefs`).

use gazette_api_types::Lang;
use leptos::prelude::*;

use crate::i18n::{fill, t};
use crate::prefs::{current_text_size, set_text_size, FIRST_SCREEN_CHANGED, TEXT_SIZES};

/// The two buttons and a live region saying the size now.
#[component]
pub fn FontControls(lang: Lang) -> impl IntoView {
    let strings = t(lang);
    let step = RwSignal::new(current_text_size());
    // The first screen's A-/A+ (over these until the app's page is in place) say so.
    let on_first_screen = window_event_listener_untyped(FIRST_SCREEN_CHANGED, move |_| {
        step.set(current_text_size());
    });
    on_cleanup(move || on_first_screen.remove());
    let change = move |delta: isize| {
        let next = step
            .get_untracked()
            .saturating_add_signed(delta)
            .min(TEXT_SIZES.len() - 1);
        step.set(next);
        set_text_size(next);
    };
    let percent = move || {
        let percent = TEXT_SIZES[step.get()];
        fill(strings.text_size_now, "percent", &percent.to_string())
    };
    view! {
        <div class="font-controls" role="group" aria-label=strings.text_size>
            <button
                type="button"
                class="button font-controls__button font-controls__decrease"
                title=strings.decrease_text
                disabled=move || step.get() == 0
                on:click=move |_| change(-1)
            >
                <span aria-hidden="true">"A-"</span>
                <span class="visually-hidden">{strings.decrease_text}</span>
            </button>
            <button
                type="button"
                class="button font-controls__button font-controls__increase"
                title=strings.increase_text
                disabled=move || { step.get() + 1 >= TEXT_SIZES.len() }
                on:click=move |_| change(1)
            >
                <span aria-hidden="true">"A+"</span>
                <span class="visually-hidden">{strings.increase_text}</span>
            </button>
            <span class="visually-hidden" role="status" aria-live="polite">
                {percent}
            </span>
        </div>
    }
}
