//! Gazette's front end: the `App` component with its app-wide state and route table.
//!
//! The language lives in the URL (`/ru/...`, `/hy/...`, English without a prefix). `App`
//! derives it from the location and provides it, the site information and the categories
//! as contexts that every page reads; pages fetch their own data through `api`.

pub mod api;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod prefs;
pub mod pwa;

use gazette_api_types::{Category, CategoryList, Lang, SiteInfo};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::path;

use crate::api::ApiError;
use crate::components::{AppPrompts, SiteFooter, SiteHeader, Toast, Toaster};
use crate::pages::{
    ArticlePage, ArticleTranslations, CategoryPage, HomePage, NotFoundPage, SavedPage, SearchPage,
};

/// The reader's language, from the URL.
#[derive(Clone, Copy)]
pub struct CurrentLang(pub Memo<Lang>);

/// The site information in the current language (name, links, time zone, ad slots).
#[derive(Clone, Copy)]
pub struct Site(pub LocalResource<Result<SiteInfo, ApiError>>);

impl Site {
    /// The site information once it has loaded.
    pub fn info(&self) -> Option<SiteInfo> {
        self.0.get().and_then(Result::ok)
    }

    /// The newsroom's time zone ("Asia/Baku" for the demo), empty until loaded.
    pub fn time_zone(&self) -> String {
        self.0.with(|loaded| {
            loaded
                .as_ref()
                .and_then(|result| result.as_ref().ok())
                .map(|info| info.time_zone.clone())
                .unwrap_or_default()
        })
    }

    /// The time zone as a signal that changes once, when the site information arrives, so
    /// the dates on a page are formatted again once and nothing else is rebuilt.
    pub fn time_zone_signal(self) -> Signal<String> {
        Memo::new(move |_| self.time_zone()).into()
    }
}

/// The categories in the current language, for navigation and the front page's blocks.
#[derive(Clone, Copy)]
pub struct Categories(pub LocalResource<Result<CategoryList, ApiError>>);

/// The language of a URL path: its first segment when that is `ru` or `hy`.
pub fn lang_of_path(path: &str) -> Lang {
    match path.split('/').nth(1) {
        Some("ru") => Lang::Ru,
        Some("hy") => Lang::Hy,
        _ => Lang::En,
    }
}

/// An app path in `lang`: `localized(Lang::Ru, "/article/x")` is `/ru/article/x`.
pub fn localized(lang: Lang, path: &str) -> String {
    match (lang, path) {
        (Lang::En, _) => path.to_owned(),
        (_, "/") => format!("/{}", lang.code()),
        _ => format!("/{}{path}", lang.code()),
    }
}

/// The address of a category page in `lang`.
pub fn category_href(lang: Lang, slug: &str) -> String {
    localized(lang, &format!("/category/{slug}"))
}

/// The address of an article in `lang`.
pub fn article_href(lang: Lang, slug: &str) -> String {
    localized(lang, &format!("/article/{slug}"))
}

/// The path of `path` without its language prefix.
pub fn unlocalized(path: &str) -> &str {
    for prefix in ["/ru", "/hy"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            if rest.is_empty() {
                return "/";
            }
            if rest.starts_with('/') {
                return rest;
            }
        }
    }
    path
}

/// The whole application: router, layout and pages.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Layout />
        </Router>
    }
}

/// App-wide contexts, header, footer and the route table.
#[component]
fn Layout() -> impl IntoView {
    let location = use_location();
    let lang = Memo::new(move |_| lang_of_path(&location.pathname.get()));
    let site = Site(LocalResource::new(move || api::site(lang.get())));
    let categories = LocalResource::new(move || api::categories(lang.get()));
    let translations = ArticleTranslations(RwSignal::new(None));
    provide_context(CurrentLang(lang));
    provide_context(site);
    provide_context(Categories(categories));
    provide_context(translations);
    provide_context(Toaster::new());
    Effect::new(move |_| browser::set_html_lang(lang.get().code()));
    prefs::apply_saved_text_size();
    let app_status = pwa::start();
    // Offline banner: shown while the browser has no network, gone when it is back.
    let online = RwSignal::new(browser::is_online());
    let on_online = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let on_offline = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on_online.remove();
        on_offline.remove();
    });

    let category_list = Signal::derive(move || -> Vec<Category> {
        categories
            .get()
            .and_then(Result::ok)
            .map(|list| list.items)
            .unwrap_or_default()
    });
    let site_info = Signal::derive(move || site.info());
    let lang_signal = Signal::from(lang);
    let query = use_query_map();
    let search_text =
        Signal::derive(move || query.with(|query| query.get("q").unwrap_or_default()));
    let navigate = use_navigate();
    let on_search = Callback::new(move |text: String| {
        let encoded = String::from(js_sys::encode_uri_component(&text));
        navigate(
            &format!("{}?q={encoded}", localized(lang.get_untracked(), "/search")),
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
                let label = labels
                    .iter()
                    .find(|info| info.code == other)
                    .map(|info| info.label.clone())
                    .unwrap_or_else(|| default_label(other).to_owned());
                (
                    other,
                    label,
                    switch_href(&path, current, other, article.as_ref()),
                )
            })
            .collect::<Vec<_>>()
    });

    view! {
        <a class="skip-link" href="#main">
            {move || i18n::t(lang.get()).skip_to_content}
        </a>
        <Show when=move || !online.get()>
            <p class="offline-banner" role="status">
                {move || i18n::t(lang.get()).offline}
            </p>
        </Show>
        <SiteHeader
            lang=lang_signal
            site=site_info
            categories=category_list
            language_links=language_links
            query=search_text
            on_search=on_search
            install_offer=app_status.can_install
        />
        <main id="main" class="page" tabindex="-1">
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/ru") view=HomePage />
                <Route path=path!("/hy") view=HomePage />
                <Route path=path!("/category/:slug") view=CategoryPage />
                <Route path=path!("/ru/category/:slug") view=CategoryPage />
                <Route path=path!("/hy/category/:slug") view=CategoryPage />
                <Route path=path!("/article/:slug") view=ArticlePage />
                <Route path=path!("/ru/article/:slug") view=ArticlePage />
                <Route path=path!("/hy/article/:slug") view=ArticlePage />
                <Route path=path!("/saved") view=SavedPage />
                <Route path=path!("/ru/saved") view=SavedPage />
                <Route path=path!("/hy/saved") view=SavedPage />
                <Route path=path!("/search") view=SearchPage />
                <Route path=path!("/ru/search") view=SearchPage />
                <Route path=path!("/hy/search") view=SearchPage />
            </Routes>
        </main>
        <SiteFooter lang=lang_signal site=site_info categories=category_list install_offer=app_status.can_install />
        <Toast />
        <AppPrompts lang=lang_signal status=app_status />
    }
}

/// Where the language switch leads from `path`: the same page in `target`; on an article,
/// its translation, or the language's front page when there is none.
pub fn switch_href(
    path: &str,
    current: Lang,
    target: Lang,
    article: Option<&(Lang, Vec<gazette_api_types::Translation>)>,
) -> String {
    if target == current {
        return path.to_owned();
    }
    let bare = unlocalized(path);
    if bare.starts_with("/article/") {
        return article
            .filter(|(lang, _)| *lang == current)
            .and_then(|(_, translations)| {
                translations
                    .iter()
                    .find(|translation| translation.lang == target)
            })
            .map(|translation| article_href(target, &translation.slug))
            .unwrap_or_else(|| format!("{}?untranslated=1", localized(target, "/")));
    }
    localized(target, bare)
}

/// The language switch's label before the site information has loaded (the demo site's
/// labels, so the header does not shift when they arrive).
fn default_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "EN",
        Lang::Ru => "RU",
        Lang::Hy => "ARM",
    }
}
