//! The frame around every page: the app-wide contexts (see `state`), the skip link, the
//! offline banner, the header with its search and language switch, the page itself, the
//! footer, the breaking-news banner, the toast and the app prompts.

use gazette_api_types::Lang;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use crate::browser;
use crate::components::{AfterStart, AppPrompts, SiteFooter, SiteHeader, Toast};
use crate::i18n::t;
use crate::pwa::{self, AppStatus};
use crate::reading::BreakingNewsTools;
use crate::state::{
    provide_app_state, use_article_translations, use_categories, use_lang, use_site,
};
use crate::urls::{search_href, switch_href};

/// Provides the app-wide state and puts `children` (the route table) between header and
/// footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    provide_app_state();
    let lang = use_lang();
    let site = use_site();
    let categories = use_categories();
    Effect::new(move |_| browser::set_html_lang(lang.get().code()));
    let app_status = pwa::start();

    let lang_signal = Signal::from(lang);
    let site_info = Signal::derive(move || site.info());
    let category_list = Signal::derive(move || categories.items());

    view! {
        <a class="skip-link" href="#main" on:click=move |_| {
            // Following `#main` scrolls but leaves focus in the header: move it to the
            // content (once the router has handled the link), so the next Tab goes on there.
            browser::after(0, browser::focus_main);
        }>
            {move || t(lang.get()).skip_to_content}
        </a>
        // The server's first screen shows a header until the app's page is in place.
        <AfterStart>
            <Header app_status=app_status />
        </AfterStart>
        // Printed pages start with the paper's name (the header is not printed).
        <p class="print-masthead" aria-hidden="true">
            {move || site.info().map(|info| format!("{} — {}", info.name, info.tagline))}
        </p>
        <main id="main" class="page" tabindex="-1">
            {children()}
        </main>
        <AfterStart>
            <SiteFooter lang=lang_signal site=site_info categories=category_list install_offer=app_status.can_install />
        </AfterStart>
        // One stack at the bottom of the screen: a toast ("Link copied") above the app's
        // prompts ("Install app") and "You are offline", never behind them, and none of
        // them over the header's logo and buttons.
        <div class="bottom-stack">
            <AfterStart>
                <BreakingNewsTools lang=lang_signal />
                <Toast />
                <AppPrompts lang=lang_signal status=app_status />
                <OfflineBanner lang=lang_signal />
            </AfterStart>
        </div>
    }
}

/// "You are offline": shown while the browser has no network, gone when it is back.
#[component]
fn OfflineBanner(lang: Signal<Lang>) -> impl IntoView {
    let online = RwSignal::new(browser::is_online());
    let on_online = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let on_offline = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on_online.remove();
        on_offline.remove();
    });
    view! {
        <Show when=move || !online.get()>
            <p class="offline-banner" role="status">
                {move || t(lang.get()).offline}
            </p>
        </Show>
    }
}

/// The site header wired to the app: the search text from the URL, searching by navigating,
/// and where each language of the switch leads from this page.
#[component]
fn Header(app_status: AppStatus) -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let categories = use_categories();
    let translations = use_article_translations();
    let location = use_location();
    let query = use_query_map();
    let search_text =
        Signal::derive(move || query.with(|query| query.get("q").unwrap_or_default()));
    let navigate = use_navigate();
    let on_search = Callback::new(move |text: String| {
        navigate(
            &search_href(lang.get_untracked(), &text, None),
            Default::default(),
        );
    });
    let language_links = Signal::derive(move || {
        let path = location.pathname.get();
        let current = lang.get();
        let labels = site.info().map(|info| info.languages).unwrap_or_default();
        let article = translations.0.get();
        Lang::ALL
            .iter()
            .map(|&other| {
                // Before the site information arrives, the contract's labels (the demo
                // site's), so the header does not shift when it does.
                let label = labels
                    .iter()
                    .find(|info| info.code == other)
                    .map(|info| info.label.clone())
                    .unwrap_or_else(|| other.label().to_owned());
                (
                    other,
                    label,
                    switch_href(&path, current, other, article.as_ref()),
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <SiteHeader
            lang=Signal::from(lang)
            site=Signal::derive(move || site.info())
            categories=Signal::derive(move || categories.items())
            language_links=language_links
            query=search_text
            on_search=on_search
            install_offer=app_status.can_install
        />
    }
}
