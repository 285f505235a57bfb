//! Routed pages, one component per file, and what they share: the reader's language, the
//! site information and the size of ad slots.

mod article;
mod category;
mod home;
mod not_found;
mod saved;
mod search;

pub use article::{ArticlePage, ArticleTranslations};
pub use category::CategoryPage;
pub use home::HomePage;
pub use not_found::{NotFoundPage, NotFoundView};
pub use saved::SavedPage;
pub use search::SearchPage;

use gazette_api_types::Lang;
use leptos::prelude::*;

use crate::{CurrentLang, Site};

/// The language of the page being shown (fixed for a page: another language is another route).
pub(crate) fn page_lang() -> Lang {
    use_context::<CurrentLang>()
        .map(|CurrentLang(lang)| lang.get_untracked())
        .unwrap_or_default()
}

/// The site information context.
pub(crate) fn site() -> Site {
    expect_context::<Site>()
}

/// The configured size of an ad placement, once the site information has loaded.
pub(crate) fn ad_size(site: Site, placement: &'static str) -> Signal<Option<(u32, u32)>> {
    Signal::derive(move || {
        site.info().and_then(|info| {
            info.ad_slots
                .into_iter()
                .find(|slot| slot.placement == placement)
                .map(|slot| (slot.width, slot.height))
        })
    })
}
