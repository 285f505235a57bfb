//! The site header: name, search, saved articles, night theme, language switch, social and
//! app links, and the category navigation. On a phone it is one compact sticky bar (name,
//! search behind an icon, Menu); the menu holds the sections, languages, saved articles,
//! theme and the social and app links.

use gazette_api_types::{Category, Lang, SiteInfo};
use leptos::prelude::*;

use super::{app_links, social_links, AfterStart, ExternalLinks, InstallButton};
use crate::i18n::t;
use crate::prefs::{current_theme, save_lang, set_theme, Theme, FIRST_SCREEN_CHANGED};
use crate::urls::{category_href, home_href, saved_href, search_page_href};

/// The header of every page.
#[component]
pub fn SiteHeader(
    lang: Signal<Lang>,
    site: Signal<Option<SiteInfo>>,
    categories: Signal<Vec<Category>>,
    /// For each language, where the switch leads (this page in that language if it exists).
    language_links: Signal<Vec<(Lang, String, String)>>,
    /// The search text the page shows, to prefill the field.
    query: Signal<String>,
    /// Called with the reader's search text.
    on_search: Callback<String>,
    /// Whether the browser offers to install the app ("Install app" beside the store links).
    install_offer: RwSignal<bool>,
) -> impl IntoView {
    let menu_open = RwSignal::new(false);
    let search_open = RwSignal::new(false);
    let menu_toggle = NodeRef::<leptos::html::Button>::new();
    // Escape closes the open menu wherever focus is (on the toggle right after opening, on a
    // link inside, elsewhere) and gives focus back to the toggle, so the reader is not lost.
    let on_escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(toggle) = menu_toggle.get_untracked() {
                let _ = toggle.focus();
            }
        }
    });
    on_cleanup(move || on_escape.remove());
    let input = NodeRef::<leptos::html::Input>::new();
    // The phone's search icon shows the field (hidden behind it to keep the bar short) and
    // puts the cursor in it once it is displayed.
    let toggle_search = move |_| {
        let open = !search_open.get_untracked();
        search_open.set(open);
        if open {
            crate::browser::after(0, move || {
                if let Some(field) = input.get_untracked() {
                    let _ = field.focus();
                }
            });
        }
    };
    let name = move || {
        site.get()
            .map(|info| info.name)
            .unwrap_or_else(|| "Gazette".to_owned())
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if let Some(field) = input.get() {
            let text = field.value();
            if !text.trim().is_empty() {
                on_search.run(text.trim().to_owned());
            }
        }
    };
    let nav_items = move || {
        let lang = lang.get();
        categories
            .get()
            .into_iter()
            .map(|category| {
                let href = category_href(lang, &category.slug);
                view! {
                    <li>
                        <a class="nav__link" href=href on:click=move |_| menu_open.set(false)>
                            {category.name}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let languages = move || {
        let current = lang.get();
        language_links
            .get()
            .into_iter()
            .map(|(code, label, href)| {
                let is_current = code == current;
                view! {
                    <li>
                        <a
                            class="languages__link"
                            on:click=move |_| save_lang(code.code())
                            class:languages__link--current=is_current
                            href=href
                            hreflang=code.code()
                            lang=code.code()
                            aria-current=is_current.then_some("true")
                        >
                            {label}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <header
            class="site-header"
            class:site-header--menu-open=move || menu_open.get()
            class:site-header--search-open=move || search_open.get()
        >
            <div class="site-header__top">
                <a class="site-header__logo" href=move || home_href(lang.get())>
                    {name}
                </a>
                <button
                    type="button"
                    class="button search-toggle"
                    aria-expanded=move || search_open.get().to_string()
                    aria-controls="search-field"
                    aria-label=move || t(lang.get()).search_label
                    title=move || t(lang.get()).search_label
                    on:click=toggle_search
                >
                    <svg class="search-toggle__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                        <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.4"></circle>
                        <line x1="15.5" y1="15.5" x2="21" y2="21" stroke="currentColor" stroke-width="2.6" stroke-linecap="round"></line>
                    </svg>
                </button>
                <button
                    type="button"
                    node_ref=menu_toggle
                    class="button nav__toggle"
                    aria-expanded=move || menu_open.get().to_string()
                    aria-controls="nav-list"
                    on:click=move |_| menu_open.update(|open| *open = !*open)
                >
                    {move || if menu_open.get() { t(lang.get()).close_menu } else { t(lang.get()).menu }}
                </button>
                <a
                    class="button saved-link"
                    href=move || saved_href(lang.get())
                    aria-label=move || t(lang.get()).saved_articles
                    title=move || t(lang.get()).saved_articles
                >
                    <span aria-hidden="true">"★"</span>
                    <span class="header-label" aria-hidden="true">{move || t(lang.get()).saved_articles}</span>
                </a>
                <ThemeToggle lang=lang />
                <nav class="languages" aria-label=move || t(lang.get()).language>
                    <ul class="languages__list">{languages}</ul>
                </nav>
                // Last in the bar and in the Tab order, as it is on screen.
                <form class="search-form" role="search" action=move || search_page_href(lang.get()) method="get" on:submit=submit>
                    <label class="visually-hidden" for="search-field">
                        {move || t(lang.get()).search_label}
                    </label>
                    <input
                        id="search-field"
                        class="search-form__input"
                        type="search"
                        name="q"
                        node_ref=input
                        prop:value=move || query.get()
                        placeholder=move || t(lang.get()).search_placeholder
                        enterkeyhint="search"
                        maxlength="200"
                    />
                    <button class="button search-form__button" type="submit">
                        {move || t(lang.get()).search_button}
                    </button>
                </form>
            </div>
            // The social and app links and the sections (on a phone, the menu's content) come
            // one task after the bar: a shorter start, and nothing a reader sees yet (the
            // server's first screen is over the header until the page is in place).
            <AfterStart>
                <div class="site-header__links">
                    <ExternalLinks
                        block="social"
                        label=Signal::derive(move || t(lang.get()).follow_us)
                        links=Signal::derive(move || social_links(site.get()))
                    />
                    <ExternalLinks
                        block="apps"
                        label=Signal::derive(move || t(lang.get()).get_the_app)
                        links=Signal::derive(move || app_links(site.get()))
                    />
                    <InstallButton lang=lang offer=install_offer class="link-button site-header__install" />
                </div>
                <nav class="nav" aria-label=move || t(lang.get()).sections>
                    <ul
                        id="nav-list"
                        class="nav__list"
                        class:nav__list--open=move || menu_open.get()
                    >
                        <li>
                            <a class="nav__link" href=move || home_href(lang.get()) on:click=move |_| menu_open.set(false)>
                                {move || t(lang.get()).home}
                            </a>
                        </li>
                        {nav_items}
                    </ul>
                </nav>
            </AfterStart>
        </header>
    }
}

/// The night theme switch: its name says what pressing it does.
#[component]
fn ThemeToggle(lang: Signal<Lang>) -> impl IntoView {
    let theme = RwSignal::new(current_theme());
    // The first screen's switch (over this one until the app's page is in place) says so.
    let on_first_screen = window_event_listener_untyped(FIRST_SCREEN_CHANGED, move |_| {
        theme.set(current_theme());
    });
    on_cleanup(move || on_first_screen.remove());
    let label = move || {
        let strings = t(lang.get());
        if theme.get() == Theme::Dark {
            strings.switch_to_light
        } else {
            strings.switch_to_dark
        }
    };
    view! {
        <button
            type="button"
            class="button theme-toggle"
            aria-label=label
            title=label
            aria-pressed=move || (theme.get() == Theme::Dark).to_string()
            on:click=move |_| {
                let next = if theme.get_untracked() == Theme::Dark { Theme::Light } else { Theme::Dark };
                set_theme(next);
                theme.set(next);
            }
        >
            <span aria-hidden="true">{move || if theme.get() == Theme::Dark { "☀" } else { "☾" }}</span>
            <span class="header-label" aria-hidden="true">{label}</span>
        </button>
    }
}
