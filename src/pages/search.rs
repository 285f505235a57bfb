//! Search results: the query lives in the URL (`/search?q=...`), matches are highlighted, and
//! further pages are real URLs (`&after=`).

use gazette_api_types::{SearchHit, SnippetPart};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{page_lang, site};
use crate::api;
use crate::browser::set_document_meta;
use crate::components::{CardsSkeleton, ErrorView};
use crate::i18n::{format_relative, t};
use crate::{article_href, localized};

/// `/search?q=...`.
#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = page_lang();
    let strings = t(lang);
    let site = site();
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
    Effect::new(move |_| {
        let text = text.get();
        set_document_meta(
            &format!("{}: {text}", strings.search_title),
            strings.search_label,
        );
    });

    let body = move || {
        let Some(result) = results.get() else {
            return view! { <CardsSkeleton count=4 lang=lang /> }.into_any();
        };
        match result {
            Ok(None) => view! { <p class="search__prompt">{strings.search_prompt}</p> }.into_any(),
            Ok(Some(page)) if page.items.is_empty() => {
                view! { <p class="search__empty">{strings.search_empty}</p> }.into_any()
            }
            Ok(Some(page)) => {
                let next = page.next_cursor.map(|cursor| {
                    let href = format!(
                        "{}?q={}&after={cursor}",
                        localized(lang, "/search"),
                        String::from(js_sys::encode_uri_component(&text.get_untracked()))
                    );
                    view! { <a class="button search__next" href=href>{strings.load_more}</a> }
                });
                view! {
                    <ol class="search__results">
                        {page.items.into_iter().map(|hit| view! { <SearchResult hit=hit time_zone=time_zone /> }).collect_view()}
                    </ol>
                    {next}
                }
                .into_any()
            }
            Err(error) => {
                view! { <ErrorView error=error lang=lang on_retry=move || results.refetch() offline_list=true /> }
                    .into_any()
            }
        }
    };

    view! {
        <section class="search">
            <h1 class="search__title">
                {move || {
                    let text = text.get();
                    if text.is_empty() {
                        strings.search_title.to_owned()
                    } else {
                        format!("{} «{text}»", strings.search_results_for)
                    }
                }}
            </h1>
            {body}
        </section>
    }
}

/// One result: the highlighted title linking to the article, time and snippet.
#[component]
fn SearchResult(hit: SearchHit, time_zone: Signal<String>) -> impl IntoView {
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
