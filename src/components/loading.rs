//! Loading states: a short announced text, and grey card skeletons that hold the place of a
//! list so nothing jumps when it arrives.

use gazette_api_types::Lang;
use leptos::prelude::*;

use crate::i18n::t;

/// "Loading…", announced politely to screen readers.
#[component]
pub fn Loading(lang: Lang) -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            {t(lang).loading}
        </p>
    }
}

/// Placeholder cards while a list loads.
#[component]
pub fn CardsSkeleton(
    /// How many cards to hold the place of.
    count: usize,
    lang: Lang,
) -> impl IntoView {
    view! {
        <div class="skeleton" role="status" aria-label=t(lang).loading>
            {(0..count)
                .map(|_| {
                    view! {
                        <div class="skeleton__card" aria-hidden="true">
                            <div class="skeleton__image"></div>
                            <div class="skeleton__line"></div>
                            <div class="skeleton__line skeleton__line--short"></div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}
