//! `/saved`: the articles the reader saved for reading offline, newest first, each with
//! Remove. Read from the browser's storage, so it works without network.

use gazette_api_types::ArticleSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::browser::set_document_meta;
use crate::components::{ArticleCard, CardSize, CardsSkeleton, ResourceView};
use crate::i18n::{fill, t};
use crate::pwa;
use crate::state::{use_page_lang, use_site};

/// The reader's saved articles.
#[component]
pub fn SavedPage() -> impl IntoView {
    let lang = use_page_lang();
    let strings = t(lang);
    let site = use_site();
    Effect::new(move |_| {
        let name = site.info().map(|info| info.name).unwrap_or_default();
        set_document_meta(
            &format!("{} — {name}", strings.saved_articles),
            strings.saved_articles,
        );
    });
    let saved = LocalResource::new(pwa::saved_articles);
    let time_zone = site.time_zone_signal();
    let remove = move |article: ArticleSummary| {
        spawn_local(async move {
            let image_files = pwa::image_files(article.image.as_ref());
            pwa::remove_article(&api::article_url(article.lang, &article.slug), &image_files).await;
            saved.refetch();
        });
    };
    let saved_list = move |articles: Vec<ArticleSummary>| {
        if articles.is_empty() {
            return view! { <p class="list__empty">{strings.saved_empty}</p> }.into_any();
        }
        articles
            .into_iter()
            .map(|article| {
                let label = fill(strings.remove_saved, "title", &article.title);
                let removed = article.clone();
                view! {
                    <div class="saved-item">
                        <ArticleCard article=article time_zone=time_zone size=CardSize::Regular />
                        <button
                            type="button"
                            class="button saved-item__remove"
                            aria-label=label
                            on:click=move |_| remove(removed.clone())
                        >
                            {strings.remove}
                        </button>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    // Reading the browser's storage does not fail: without it, nothing is saved.
    let content = move || {
        saved
            .get()
            .map(|articles| Ok(saved_list(articles.unwrap_or_default())))
    };
    view! {
        <section class="saved">
            <h1 class="saved__title">{strings.saved_articles}</h1>
            <h2 class="visually-hidden">{strings.available_offline}</h2>
            <div class="list">
                <ResourceView
                    lang=lang
                    loading=move || view! { <CardsSkeleton count=3 lang=lang /> }
                    content=content
                    on_retry=move || saved.refetch()
                />
            </div>
        </section>
    }
}
