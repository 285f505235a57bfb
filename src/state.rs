//! App-wide state: the contexts `Layout` provides once (the reader's language, the site
//! information, the categories, the translations of the article being read, the toaster) and
//! the `use_*` accessors pages and components read them with.
//!
//! Every accessor fails loudly when its provider is missing: a component mounted outside
//! `App` (in a test, say) panics with the name of the missing context instead of silently
//! working on a default that the real app would never have.

use gazette_api_types::links::safe_href;
use gazette_api_types::{ArticleList, Category, CategoryList, Lang, SiteInfo, Translation};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::{self, ApiError};
use crate::browser;
use crate::components::AdSpace;
use crate::i18n::NewsroomZone;

/// The reader's language, from the URL.
#[derive(Clone, Copy)]
pub struct CurrentLang(pub Memo<Lang>);

/// The site information and the categories in the current language, asked for together
/// (both requests at once): one resource for what every page's frame needs, read through
/// [`Site`] and [`Categories`] (one copy of the resource's code in the main module, not two).
type SiteData = LocalResource<(Result<SiteInfo, ApiError>, Result<CategoryList, ApiError>)>;

/// The site information in the current language (name, links, time zone, ad slots).
#[derive(Clone, Copy)]
pub struct Site(SiteData);

impl Site {
    /// The site information once it has loaded.
    pub fn info(&self) -> Option<SiteInfo> {
        self.0.with(|loaded| {
            loaded
                .as_ref()
                .and_then(|(site, _)| site.as_ref().ok().cloned())
        })
    }

    /// The newsroom's time zone, unknown until the site information has loaded.
    pub fn time_zone(&self) -> NewsroomZone {
        self.0.with(|loaded| {
            let info = loaded.as_ref().and_then(|(site, _)| site.as_ref().ok());
            NewsroomZone::new(info.map(|info| info.utc_offsets.as_slice()))
        })
    }

    /// The time zone as a signal that changes once, when the site information arrives, so
    /// the dates on a page are formatted again once and nothing else is rebuilt.
    pub fn time_zone_signal(self) -> Signal<NewsroomZone> {
        Memo::new(move |_| self.time_zone()).into()
    }

    /// An ad placement (`top`, `in-article`, `sidebar`) as configured, with the house content
    /// it shows while no ad fills it (the site's social links beside the text, its apps
    /// elsewhere), once the site information has loaded.
    pub fn ad(self, placement: &'static str) -> Signal<Option<AdSpace>> {
        Signal::derive(move || {
            self.info().and_then(|info| {
                let house = if placement == "sidebar" {
                    info.social
                        .into_iter()
                        .filter_map(|link| Some((link.name, safe_href(&link.url)?)))
                        .collect()
                } else {
                    info.apps
                        .into_iter()
                        .filter_map(|link| Some((link.name, safe_href(&link.url)?)))
                        .collect()
                };
                info.ad_slots
                    .into_iter()
                    .find(|slot| slot.placement == placement)
                    .map(|slot| AdSpace {
                        width: slot.width,
                        height: slot.height,
                        house,
                    })
            })
        })
    }
}

/// The categories in the current language, for navigation and the front page's blocks.
#[derive(Clone, Copy)]
pub struct Categories(SiteData);

impl Categories {
    /// The categories once they have loaded (none before, or when the request failed).
    pub fn items(&self) -> Vec<Category> {
        self.0.with(|loaded| {
            loaded
                .as_ref()
                .and_then(|(_, categories)| categories.as_ref().ok())
                .map(|list| list.items.clone())
                .unwrap_or_default()
        })
    }
}

/// The translations of the article being read (with its language), for the language switch
/// in the header; `None` on every other page.
#[derive(Clone, Copy)]
pub struct ArticleTranslations(pub RwSignal<Option<(Lang, Vec<Translation>)>>);

/// How long a toast stays, in milliseconds.
pub const TOAST_MS: i32 = 3_000;

/// The app-wide toast ("Link copied"): `use_toaster().show(...)` from anywhere below `App`;
/// the `Toast` component shows it.
#[derive(Clone, Copy)]
pub struct Toaster {
    message: RwSignal<Option<String>>,
    shown: RwSignal<u32>,
}

impl Toaster {
    /// A toaster with nothing shown.
    pub fn new() -> Toaster {
        Toaster {
            message: RwSignal::new(None),
            shown: RwSignal::new(0),
        }
    }

    /// Shows `message` for a few seconds (replacing any message shown now).
    pub fn show(&self, message: String) {
        let shown = self.shown.get_untracked().wrapping_add(1);
        self.shown.set(shown);
        self.message.set(Some(message));
        let toaster = *self;
        browser::after(TOAST_MS, move || {
            // Only the latest toast hides itself.
            if toaster.shown.get_untracked() == shown {
                toaster.message.set(None);
            }
        });
    }

    /// The message shown now.
    pub fn message(&self) -> Option<String> {
        self.message.get()
    }
}

impl Default for Toaster {
    fn default() -> Self {
        Toaster::new()
    }
}

/// The latest stories in `lang` (five), requested when a view asks for them: the not-found
/// view's suggestions.
pub fn use_latest_stories(lang: Lang) -> LocalResource<Result<ArticleList, ApiError>> {
    LocalResource::new(move || api::latest(lang))
}

/// Creates and provides every app-wide context; called once, by `Layout`, inside the router.
pub fn provide_app_state() {
    let location = use_location();
    let lang = Memo::new(move |_| {
        location
            .pathname
            .with(|path| gazette_api_types::routes::lang_of_path(path))
    });
    provide_context(CurrentLang(lang));
    let site_data: SiteData = LocalResource::new(move || {
        let lang = lang.get();
        futures::future::join(api::site(lang), api::categories(lang))
    });
    provide_context(Site(site_data));
    provide_context(Categories(site_data));
    provide_context(ArticleTranslations(RwSignal::new(None)));
    provide_context(Toaster::new());
}

/// The context `T`, or a panic naming it: a missing provider is a bug, never a default.
fn required<T: Clone + 'static>(name: &str) -> T {
    use_context::<T>()
        .unwrap_or_else(|| panic!("{name} is not provided: mount this inside `App` (Layout)"))
}

/// The reader's language as it changes with the URL (the header, the footer).
pub fn use_lang() -> Memo<Lang> {
    required::<CurrentLang>("CurrentLang").0
}

/// The language of the page being shown: fixed for a page, because another language is
/// another route and so another page.
pub fn use_page_lang() -> Lang {
    use_lang().get_untracked()
}

/// The site information.
pub fn use_site() -> Site {
    required("Site")
}

/// The categories.
pub fn use_categories() -> Categories {
    required("Categories")
}

/// The translations of the article being read.
pub fn use_article_translations() -> ArticleTranslations {
    required("ArticleTranslations")
}

/// The app-wide toaster.
pub fn use_toaster() -> Toaster {
    required("Toaster")
}
