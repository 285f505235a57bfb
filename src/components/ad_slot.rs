//! An advertising slot of a fixed size: the space is reserved from the first paint (by its
//! placement's CSS class, then by the configured size), so the page never shifts when an ad
//! fills it, and it is labelled as advertising.

use gazette_api_types::Lang;
use leptos::prelude::*;

use crate::i18n::t;

/// A labelled, fixed-size ad placeholder.
#[component]
pub fn AdSlot(
    /// `top`, `in-article` or `sidebar`.
    placement: &'static str,
    /// Width and height from the site's ad configuration, once known.
    #[prop(into)]
    size: Signal<Option<(u32, u32)>>,
    lang: Lang,
) -> impl IntoView {
    let class = format!("ad-slot ad-slot--{placement}");
    view! {
        <div class=class>
            <span class="ad-slot__label">{t(lang).advertisement}</span>
            <div
                class="ad-slot__space"
                style:aspect-ratio=move || size.get().map(|(width, height)| format!("{width} / {height}"))
                style:max-width=move || size.get().map(|(width, _)| format!("{width}px"))
            ></div>
        </div>
    }
}
