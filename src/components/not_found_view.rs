//! "Page not found": for addresses the app does not know, and for articles, categories or
//! tags that the newsroom does not have. A reader who followed a broken link gets a search
//! field and the latest stories, not only a way home.

use leptos::prelude::*;

use super::{ArticleCards, CardSize};
use crate::browser::set_document_meta;
use crate::i18n::t;
use crate::state::{use_latest_stories, use_page_lang, use_site};
use crate::urls::{home_href, search_page_href};

/// "Page not found" with search, the latest stories and a way home, in the reader's language.
#[component]
pub fn NotFoundView() -> impl IntoView {
    let lang = use_page_lang();
    let strings = t(lang);
    let site = use_site();
    set_document_meta(
        &format!("404 — {}", strings.not_found_title),
        strings.not_found_text,
    );
    let latest = use_latest_stories(lang);
    view! {
        <section class="not-found">
            <h1>{strings.not_found_title}</h1>
            <p>{strings.not_found_text}</p>
            <form
                class="not-found__search"
                role="search"
                aria-label=strings.not_found_search
                action=search_page_href(lang)
                method="get"
            >
                <input
                    type="search"
                    name="q"
                    class="not-found__field"
                    aria-label=strings.search_label
                    placeholder=strings.search_label
                />
                <button type="submit" class="button">
                    {strings.search_button}
                </button>
            </form>
            <h2 class="section-title">{strings.latest_news}</h2>
            <ArticleCards resource=latest lang=lang time_zone=site.time_zone_signal() size=CardSize::Compact skeletons=5 />
            <p>
                <a class="button" href=home_href(lang)>
                    {strings.go_home}
                </a>
            </p>
        </section>
    }
}
