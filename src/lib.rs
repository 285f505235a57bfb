//! Gazette's front end: the `App` component and its route table.
//!
//! The language lives in the URL (`/ru/...`, `/hy/...`, English without a prefix, as
//! `gazette_api_types::routes` defines it). The route table has one group of pages, mounted
//! once per language prefix; `Layout` provides the app-wide state (`state`) the pages read.
//!
//! Modules: `api` (the only HTTP), `state` (contexts), `urls` (addresses), `i18n` (texts and
//! dates), `browser`, `prefs` and `pwa` (browser APIs), `layout`, `pages`, `components`, and
//! `reading` (reader tools, loaded after the page is up).

pub mod api;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod layout;
pub mod lazy_pages;
pub mod pages;
pub mod prefs;
pub mod pwa;
pub mod reading;
pub mod state;
pub mod urls;

use gazette_api_types::routes::lang_prefix;
use gazette_api_types::Lang;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy, StaticSegment};

use crate::layout::Layout;
use crate::lazy_pages::{ArticleRoute, CategoryRoute, HomeRoute, SavedRoute, SearchRoute};
use crate::pages::NotFoundPage;

/// The whole application: router, layout and pages.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <LanguageRoutes lang=Lang::En />
                    <LanguageRoutes lang=Lang::Ru />
                    <LanguageRoutes lang=Lang::Hy />
                </Routes>
            </Layout>
        </Router>
    }
}

/// Every page of the site under one language's prefix (none for English): `/`, `/ru`,
/// `/hy/category/x`, `/tag/x`, `/ru/article/x`, `/search`, `/hy/saved`. Anything else is the fallback.
#[component(transparent)]
fn LanguageRoutes(lang: Lang) -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=StaticSegment(lang_prefix(lang)) view=Outlet>
            <Route path=path!("") view={Lazy::<HomeRoute>::new()} />
            <Route path=path!("/category/:slug") view={Lazy::<CategoryRoute>::new()} />
            <Route path=path!("/tag/:slug") view={Lazy::<CategoryRoute>::new()} />
            <Route path=path!("/article/:slug") view={Lazy::<ArticleRoute>::new()} />
            <Route path=path!("/saved") view={Lazy::<SavedRoute>::new()} />
            <Route path=path!("/search") view={Lazy::<SearchRoute>::new()} />
        </ParentRoute>
    }
    .into_inner()
}
