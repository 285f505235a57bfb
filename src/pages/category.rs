//! A category's page and a tag's page: the name and description, and the news, more as the
//! reader scrolls. Both are the same list page over a different filter ([`Listing`]).

use std::rc::Rc;

use gazette_api_types::routes::unlocalized;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use crate::api;
use crate::browser::{set_document_meta, set_page_links};
use crate::components::{AdSlot, Loading, NewsFeed, PageLoader, ResourceView};
use crate::i18n::{fill, t};
use crate::reading::LiveFeed;
use crate::state::{use_page_lang, use_site};
use crate::urls::{after_href, category_href, in_every_language, tag_href};

/// What a list page lists.
#[derive(Clone, Copy, PartialEq)]
enum Listing {
    Category,
    Tag,
}

/// The heading of a list page: its name and the line under it.
#[derive(Clone)]
struct Heading {
    name: String,
    description: String,
}

/// `/category/{slug}` and `/tag/{slug}` (and `/ru/...`, `/hy/...`): the route's path says
/// which list it is.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let listing = if unlocalized(&path).starts_with("/tag/") {
        Listing::Tag
    } else {
        Listing::Category
    };
    list_page(listing)
}

fn list_page(listing: Listing) -> impl IntoView {
    let lang = use_page_lang();
    let site = use_site();
    let params = use_params_map();
    let query = use_query_map();
    let slug = Memo::new(move |_| params.with(|params| params.get("slug").unwrap_or_default()));
    let heading = LocalResource::new(move || {
        let slug = slug.get();
        async move {
            match listing {
                Listing::Category => api::category(lang, &slug).await.map(|category| Heading {
                    name: category.name,
                    description: category.description,
                }),
                Listing::Tag => api::tag(lang, &slug).await.map(|tag| Heading {
                    description: fill(t(lang).tagged, "name", &tag.name),
                    name: tag.name,
                }),
            }
        }
    });
    let time_zone = site.time_zone_signal();
    Effect::new(move |_| {
        if let (Some(Ok(heading)), Some(info)) = (heading.get(), site.info()) {
            set_document_meta(
                &format!("{} — {}", heading.name, info.name),
                &heading.description,
            );
            let (slug, base) = (slug.get_untracked(), info.base_url.as_str());
            match listing {
                Listing::Category => set_page_links(
                    &format!("{base}{}", category_href(lang, &slug)),
                    &in_every_language(base, |other| category_href(other, &slug)),
                ),
                // A tag may have no name in another language: only this page's own address.
                Listing::Tag => {
                    let url = format!("{base}{}", tag_href(lang, &slug));
                    set_page_links(&url, &[(lang.code().to_owned(), url.clone())]);
                }
            }
        }
    });

    let header = move || {
        heading.get().map(|result| {
            result.map(|heading| {
                view! {
                    <header class="category-header">
                        <h1 class="category-header__name">{heading.name}</h1>
                        <p class="category-header__description">{heading.description}</p>
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
            Box::pin(async move {
                match listing {
                    Listing::Category => {
                        api::articles(lang, Some(&slug), cursor.as_deref(), None).await
                    }
                    Listing::Tag => api::tagged(lang, &slug, cursor.as_deref()).await,
                }
            })
        });
        let page = match listing {
            Listing::Category => category_href(lang, &slug),
            Listing::Tag => tag_href(lang, &slug),
        };
        let more_href = Rc::new(move |cursor: &str| after_href(&page, cursor));
        // A section's page offers its new stories as they are published.
        let live = (listing == Listing::Category).then(|| LiveFeed {
            category: Some(slug.clone()),
        });
        view! { <NewsFeed lang=lang time_zone=time_zone loader=loader start=start more_href=more_href live=live /> }
    };
    // The news are shown once the section is known: if it cannot be loaded (not found,
    // offline, an error), its one message with one Retry stands for the whole page.
    let failed = move || heading.get().is_some_and(|result| result.is_err());

    view! {
        <div class="category-header-slot">
            <ResourceView
                lang=lang
                loading=move || view! { <Loading lang=lang /> }
                content=header
                on_retry=move || heading.refetch()
                not_found=true
                offline_list=true
            />
        </div>
        <Show when=move || !failed()>
            <AdSlot placement="top" space=site.ad("top") lang=lang />
            <h2 class="visually-hidden">{t(lang).latest_news}</h2>
            {feed}
        </Show>
    }
}
