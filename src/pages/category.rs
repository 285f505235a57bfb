//! A category page: its name and description, and its news, more as the reader scrolls.

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api;
use crate::browser::set_document_meta;
use crate::components::{AdSlot, Loading, NewsFeed, PageLoader, ResourceView};
use crate::i18n::t;
use crate::state::{use_page_lang, use_site};
use crate::urls::{after_href, category_href};

/// `/category/{slug}` (and `/ru/...`, `/hy/...`).
#[component]
pub fn CategoryPage() -> impl IntoView {
    let lang = use_page_lang();
    let site = use_site();
    let params = use_params_map();
    let query = use_query_map();
    let slug = Memo::new(move |_| params.with(|params| params.get("slug").unwrap_or_default()));
    let category = LocalResource::new(move || {
        let slug = slug.get();
        async move { api::category(lang, &slug).await }
    });
    let time_zone = site.time_zone_signal();
    Effect::new(move |_| {
        if let (Some(Ok(category)), Some(info)) = (category.get(), site.info()) {
            set_document_meta(
                &format!("{} — {}", category.name, info.name),
                &category.description,
            );
        }
    });

    let header = move || {
        category.get().map(|result| {
            result.map(|category| {
                view! {
                    <header class="category-header">
                        <h1 class="category-header__name">{category.name}</h1>
                        <p class="category-header__description">{category.description}</p>
                    </header>
                }
                .into_any()
            })
        })
    };
    // The feed is made again when the slug changes (another category, same route).
    let feed = move || {
        let slug = slug.get();
        let start = query.get_untracked().get("after");
        let loader_slug = slug.clone();
        let loader: PageLoader = Rc::new(move |cursor| {
            let slug = loader_slug.clone();
            Box::pin(async move { api::articles(lang, Some(&slug), cursor.as_deref(), None).await })
        });
        let more_href =
            Rc::new(move |cursor: &str| after_href(&category_href(lang, &slug), cursor));
        view! { <NewsFeed lang=lang time_zone=time_zone loader=loader start=start more_href=more_href /> }
    };
    // The news are shown once the section is known: if it cannot be loaded (not found,
    // offline, an error), its one message with one Retry stands for the whole page.
    let failed = move || category.get().is_some_and(|result| result.is_err());

    view! {
        <div class="category-header-slot">
            <ResourceView
                lang=lang
                loading=move || view! { <Loading lang=lang /> }
                content=header
                on_retry=move || category.refetch()
                not_found=true
                offline_list=true
            />
        </div>
        <Show when=move || !failed()>
            <AdSlot placement="top" size=site.ad_size("top") lang=lang />
            <h2 class="visually-hidden">{t(lang).latest_news}</h2>
            {feed}
        </Show>
    }
}
