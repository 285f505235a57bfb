//! "Page not found": for addresses the app does not know, and for articles, categories or
//! tags that the newsroom does not have. A reader who followed a broken link gets a search
//! field and the latest stories, not only a way home. Those suggestions are a chunk of their
//! own in the split build (`not_found_suggestions`), loaded when a missing page is shown, so
//! the main module (which renders this view) does not carry the cards for every reader.

use leptos::prelude::*;

use super::{ArticleCards, CardSize};
use crate::browser::set_document_meta;
use crate::i18n::t;
use crate::lazy_pages::ChunkUnavailable;
use crate::state::{use_latest_stories, use_page_lang, use_site};
use crate::urls::{home_href, search_page_href};

/// "Page not found" with search, the latest stories and a way home, in the reader's language.
#[component]
pub fn NotFoundView() -> impl IntoView {
    let lang = use_page_lang();
    let strings = t(lang);
    set_document_meta(
        &format!("404 — {}", strings.not_found_title),
        strings.not_found_text,
    );
    view! {
        <section class="not-found">
            <h1>{strings.not_found_title}</h1>
            <p>{strings.not_found_text}</p>
            {Suspend::new(suggestions())}
            <p>
                <a class="button" href=home_href(lang)>
                    {strings.go_home}
                </a>
            </p>
        </section>
    }
}

/// The suggestions, from their chunk; nothing when the chunk cannot be loaded (the page
/// already says what happened and leads home).
async fn suggestions() -> AnyView {
    #[cfg(feature = "split")]
    let loaded = not_found_suggestions().await;
    #[cfg(not(feature = "split"))]
    let loaded = not_found_suggestions();
    loaded.unwrap_or_else(|ChunkUnavailable| ().into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        not_found_suggestions,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn not_found_suggestions() -> Result<AnyView, ChunkUnavailable> {
    Ok(view! { <Suggestions /> }.into_any())
}

/// A search field for what the reader was looking for, and the latest stories.
#[component]
fn Suggestions() -> impl IntoView {
    let lang = use_page_lang();
    let strings = t(lang);
    let site = use_site();
    let latest = use_latest_stories(lang);
    view! {
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
    }
}
