//! An advertising slot: the space is reserved from the first paint (by its placement's CSS
//! class, then by the configured size), so the page never shifts when an ad fills it, and it
//! is labelled as advertising. Until an ad fills it, it shows the site's own links (its apps,
//! or beside the text its social pages) instead of an empty box. On phones the top slot has
//! the phone banner's shape (320×100) instead of a shrunken 728×90, and the side slot, which
//! would be a 600 px box at the end of the single column, is left out.

use gazette_api_types::Lang;
use leptos::prelude::*;

use crate::i18n::t;

/// A placement's configured size and its house content: (name, URL) of the site's links.
#[derive(Clone, Debug, PartialEq)]
pub struct AdSpace {
    pub width: u32,
    pub height: u32,
    pub house: Vec<(String, String)>,
}

/// A labelled, fixed-size ad slot with house content.
#[component]
pub fn AdSlot(
    /// `top`, `in-article` or `sidebar`.
    placement: &'static str,
    /// Size and house links from the site settings, once known.
    #[prop(into)]
    space: Signal<Option<AdSpace>>,
    lang: Lang,
) -> impl IntoView {
    let strings = t(lang);
    let class = format!("ad-slot ad-slot--{placement}");
    let heading = if placement == "sidebar" {
        strings.follow_us
    } else {
        strings.house_apps
    };
    let house = move || {
        space
            .get()
            .filter(|space| !space.house.is_empty())
            .map(|space| {
                view! {
                    <p class="ad-slot__house-title">{heading}</p>
                    <ul class="ad-slot__house-links">
                        {space
                            .house
                            .into_iter()
                            .map(|(name, url)| {
                                view! {
                                    <li>
                                        <a href=url rel="noopener" target="_blank">{name}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })
    };
    view! {
        <div class=class>
            <span class="ad-slot__label">{strings.advertisement}</span>
            <div
                class="ad-slot__space"
                style:--ad-ratio=move || space.get().map(|space| format!("{} / {}", space.width, space.height))
                style:--ad-width=move || space.get().map(|space| format!("{}px", space.width))
            >
                {house}
            </div>
        </div>
    }
}
