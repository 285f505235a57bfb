//! Search results: the query lives in the URL (`/search?q=...`), matches are highlighted, and
//! further pages are real URLs (`&after=`).

use gazette_api_types::{SearchHit, SearchResults, SnippetPart};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::browser::{set_document_meta, set_page_links};
use crate::components::{CardsSkeleton, ResourceView};
use crate::i18n::{fill, format_relative, t, NewsroomZone};
use crate::state::{use_page_lang, use_site};
use crate::urls::{article_href, home_href, search_href};

/// `/search?q=...`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_page_lang();
    let strings = t(lang);
    let site = use_site();
    let query = use_query_map();
    let text = Memo::new(move |_| {
        query.with(|query| query.get("q").unwrap_or_default().trim().to_owned())
    });
    let after = Memo::new(move |_| query.with(|query| query.get("after")));
    let time_zone = site.time_zone_signal();
    let results = LocalResource::new(move || {
        let (text, after) = (text.get(), after.get());
        async move {
            if text.is_empty() {
                return Ok(None);
            }
            api::search(lang, &text, after.as_deref()).await.map(Some)
        }
    });
    // The server's first screen (the heading) stays until the results are in place under it.
    Effect::new(move |_| {
        if results.with(Option::is_some) {
            crate::browser::reveal_page();
        }
    });
    Effect::new(move |_| {
        let text = text.get();
        set_document_meta(
            &format!("{}: {text}", strings.search_title),
            strings.search_label,
        );
        // Results are not a page of their own: the front page is canonical, as the server says.
        if let Some(info) = site.info() {
            set_page_links(&format!("{}{}", info.base_url, home_href(lang)), &[]);
        }
    });

    let results_view = move |found: Option<SearchResults>| match found {
        None => view! { <p class="search__prompt">{strings.search_prompt}</p> }.into_any(),
        Some(found) if found.items.is_empty() => {
            view! { <p class="search__empty">{strings.search_empty}</p> }.into_any()
        }
        Some(found) => {
            let next = found.next_cursor.map(|cursor| {
                let href = search_href(lang, &text.get_untracked(), Some(&cursor));
                view! { <a class="button search__next" href=href>{strings.load_more}</a> }
            });
            view! {
                <ol class="search__results">
                    {found.items.into_iter().map(|hit| view! { <SearchHitItem hit=hit time_zone=time_zone /> }).collect_view()}
                </ol>
                {next}
            }
            .into_any()
        }
    };
    let content = move || results.get().map(|result| result.map(results_view));

    view! {
        <section class="search">
            <h1 class="search__title">
                {move || {
                    let text = text.get();
                    if text.is_empty() {
                        strings.search_title.to_owned()
                    } else {
                        fill(strings.search_results_for, "query", &text)
                    }
                }}
            </h1>
            <ResourceView
                lang=lang
                loading=move || view! { <CardsSkeleton count=4 lang=lang /> }
                content=content
                on_retry=move || results.refetch()
                offline_list=true
            />
        </section>
    }
}

/// One result: the highlighted title linking to the article, time and snippet.
#[component]
fn SearchHitItem(hit: SearchHit, time_zone: Signal<NewsroomZone>) -> impl IntoView {
    let article = hit.article;
    let href = article_href(article.lang, &article.slug);
    let (published_at, lang) = (article.published_at.clone(), article.lang);
    let time = move || time_zone.with(|zone| format_relative(&published_at, lang, zone));
    view! {
        <li class="search-result">
            <span class="search-result__category">{article.category.name}</span>
            <h2 class="search-result__title">
                <a href=href>{highlighted(hit.title)}</a>
            </h2>
            <p class="search-result__snippet">{highlighted(hit.snippet)}</p>
            <time class="search-result__time" datetime=article.published_at>{time}</time>
        </li>
    }
}

/// Snippet parts as text, the matched ones in `<mark>`.
fn highlighted(parts: Vec<SnippetPart>) -> Vec<AnyView> {
    parts
        .into_iter()
        .map(|part| {
            if part.hit {
                view! { <mark>{part.text}</mark> }.into_any()
            } else {
                part.text.into_any()
            }
        })
        .collect()
}
