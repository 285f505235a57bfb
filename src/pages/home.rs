//! The front page: lead story and latest news (more as the reader scrolls), most read, and a
//! block per category (made when the reader scrolls near them).

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::browser::{set_document_meta, set_page_links, VisibilityWatch};
use crate::components::{AdSlot, ArticleCards, CardSize, MostRead, NewsFeed, PageLoader};
use crate::i18n::t;
use crate::reading::{ContinueReadingTools, LiveFeed};
use crate::state::{use_categories, use_page_lang, use_site};
use crate::urls::{after_href, category_href, home_href, in_every_language};

/// `/`, `/ru`, `/hy`.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_page_lang();
    let strings = t(lang);
    let site = use_site();
    let query = use_query_map().get_untracked();
    let start = query.get("after");
    // The reader switched language on an article that has no translation in this one.
    let untranslated = query.get("untranslated").is_some().then(|| {
        view! {
            <p class="notice" role="status">
                {strings.untranslated}
            </p>
        }
    });
    let time_zone = site.time_zone_signal();
    Effect::new(move |_| {
        if let Some(info) = site.info() {
            set_document_meta(&format!("{} — {}", info.name, info.tagline), &info.tagline);
            let base = info.base_url.as_str();
            set_page_links(
                &format!("{base}{}", home_href(lang)),
                &in_every_language(base, home_href),
            );
        }
    });

    let loader: PageLoader = Rc::new(move |cursor| {
        Box::pin(async move { api::articles(lang, None, cursor.as_deref(), None).await })
    });
    let more_href = Rc::new(move |cursor: &str| after_href(&home_href(lang), cursor));
    let most_read = LocalResource::new(move || api::most_read(lang));
    let categories = use_categories();

    // The category blocks are far below the first screen: they are made (and their requests
    // sent) when the reader scrolls near them, which keeps the first render short.
    let blocks_near = RwSignal::new(false);
    let blocks_anchor = NodeRef::<leptos::html::Div>::new();
    let watch = StoredValue::new_local(None::<VisibilityWatch>);
    Effect::new(move |_| {
        if let Some(anchor) = blocks_anchor.get() {
            let created = VisibilityWatch::new(&anchor, move || {
                if !blocks_near.get_untracked() {
                    blocks_near.set(true);
                }
            });
            if created.is_none() {
                blocks_near.set(true);
            }
            watch.set_value(created);
        }
    });
    let blocks = move || {
        if !blocks_near.get() {
            return None;
        }
        let items = categories.items();
        (!items.is_empty()).then(|| {
                items
                    .into_iter()
                    .map(|category| {
                        let slug = category.slug.clone();
                        let resource = LocalResource::new(move || {
                            let slug = slug.clone();
                            async move { api::articles(lang, Some(&slug), None, Some(3)).await }
                        });
                        let href = category_href(lang, &category.slug);
                        view! {
                            <section class="home__block">
                                <h2 class="section-title">
                                    <a href=href>{category.name}</a>
                                </h2>
                                <ArticleCards resource=resource lang=lang time_zone=time_zone size=CardSize::Regular skeletons=3 />
                            </section>
                        }
                    })
                    .collect_view()
            })
    };

    view! {
        <h1 class="visually-hidden">{move || site.info().map(|info| info.name)}</h1>
        // "Continue reading", once the page is painted (fixed in place: nothing moves).
        <ContinueReadingTools lang=lang />
        {untranslated}
        <AdSlot placement="top" space=site.ad("top") lang=lang />
        <div class="with-sidebar">
            <section class="home__latest" aria-labelledby="latest-heading">
                <h2 id="latest-heading" class="section-title">
                    {strings.latest_news}
                </h2>
                <NewsFeed
                    lang=lang
                    time_zone=time_zone
                    loader=loader
                    start=start
                    more_href=more_href
                    lead=true
                    auto_pages=2
                    live=Some(LiveFeed { category: None })
                    interlude=move || view! {
                        <MostRead resource=most_read lang=lang time_zone=time_zone heading_id="most-read-inline" class="most-read--inline" />
                    }
                />
            </section>
            <aside class="sidebar">
                <MostRead resource=most_read lang=lang time_zone=time_zone heading_id="most-read-heading" class="most-read--side" />
                <AdSlot placement="sidebar" space=site.ad("sidebar") lang=lang />
            </aside>
        </div>
        <div class="home__blocks" node_ref=blocks_anchor>{blocks}</div>
    }
}
