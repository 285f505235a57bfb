//! `/saved`: the articles the reader saved for reading offline, newest first, each with
//! Remove. Read from the browser's storage, so it works without network.

use gazette_api_types::ArticleSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{page_lang, site};
use crate::api;
use crate::browser::set_document_meta;
use crate::components::{ArticleCard, CardSize, CardsSkeleton};
use crate::i18n::t;
use crate::pwa;

/// The reader's saved articles.
#[component]
pub fn SavedPage() -> impl IntoView {
    let lang = page_lang();
    let strings = t(lang);
    let site = site();
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
            let image_url = article.image.map(|image| image.url).unwrap_or_default();
            pwa::remove_article(&api::article_url(article.lang, &article.slug), &image_url).await;
            saved.refetch();
        });
    };
    let body = move || {
        let Some(articles) = saved.get() else {
            return view! { <CardsSkeleton count=3 lang=lang /> }.into_any();
        };
        let articles = articles.unwrap_or_default();
        if articles.is_empty() {
            return view! { <p class="list__empty">{strings.saved_empty}</p> }.into_any();
        }
        articles
            .into_iter()
            .map(|article| {
                let label = format!("{} — {}", strings.remove, article.title);
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
    view! {
        <section class="saved">
            <h1 class="saved__title">{strings.saved_articles}</h1>
            <h2 class="visually-hidden">{strings.available_offline}</h2>
            <div class="list">{body}</div>
        </section>
    }
}
