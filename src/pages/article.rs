//! The article page: category, text size controls, title, date, lead, image, body blocks,
//! byline, source, views (the visit is counted once), reading time, tags, share block, ad
//! slots, related news of the same category, and Save for reading offline.

use gazette_api_types::{Article, Lang, Translation};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use super::{ad_size, page_lang, site, NotFoundView};
use crate::api;
use crate::browser::{self, page_url, set_document_meta, visitor_id};
use crate::components::{
    AdSlot, ArticleBody, ArticleList, CardSize, ErrorView, FontControls, Loading, SaveButton,
    ShareBar,
};
use crate::i18n::{format_date_time, t};
use crate::{article_href, category_href};

/// The translations of the article being read, for the language switch in the header.
#[derive(Clone, Copy)]
pub struct ArticleTranslations(pub RwSignal<Option<(Lang, Vec<Translation>)>>);

/// `/article/{slug}` (and `/ru/...`, `/hy/...`).
#[component]
pub fn ArticlePage() -> impl IntoView {
    let lang = page_lang();
    let site = site();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|params| params.get("slug").unwrap_or_default()));
    let article = LocalResource::new(move || {
        let slug = slug.get();
        async move { api::article(lang, &slug).await }
    });
    let related = LocalResource::new(move || {
        let slug = slug.get();
        async move { api::related(lang, &slug).await }
    });
    let views = RwSignal::new(None::<u64>);
    let counted = StoredValue::new(None::<String>);
    let translations = use_context::<ArticleTranslations>();

    // Once per article shown: count the visit, set the head, tell the header the translations.
    Effect::new(move |_| {
        let Some(result) = article.get() else {
            return;
        };
        browser::reveal_page();
        let Ok(article) = result else {
            return;
        };
        if let Some(info) = site.info() {
            set_document_meta(&format!("{} — {}", article.title, info.name), &article.lead);
        }
        if let Some(ArticleTranslations(signal)) = translations {
            signal.set(Some((lang, article.translations.clone())));
        }
        if counted.get_value().as_deref() == Some(article.slug.as_str()) {
            return;
        }
        counted.set_value(Some(article.slug.clone()));
        views.set(None);
        let slug = article.slug.clone();
        spawn_local(async move {
            if let Ok(count) = api::count_view(lang, &slug, &visitor_id()).await {
                views.try_set(Some(count.views));
            }
        });
    });
    on_cleanup(move || {
        if let Some(ArticleTranslations(signal)) = translations {
            signal.try_set(None);
        }
    });

    let time_zone = site.time_zone_signal();
    let body = move || {
        match article.get() {
        None => view! { <Loading lang=lang /> }.into_any(),
        Some(Ok(article)) => {
            view! { <ArticleView article=article views=views time_zone=time_zone ad=ad_size(site, "in-article") /> }
                .into_any()
        }
        Some(Err(error)) if error.is_not_found() => view! { <NotFoundView /> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorView error=error lang=lang on_retry=move || article.refetch() offline_list=true /> }.into_any()
        }
    }
    };
    let found = move || !matches!(article.get(), Some(Err(error)) if error.is_not_found());

    view! {
        <AdSlot placement="top" size=ad_size(site, "top") lang=lang />
        <div class="with-sidebar">
            <div class="article-column">{body}</div>
            <Show when=found>
                <aside class="sidebar">
                    <section aria-labelledby="related-heading">
                        <h2 id="related-heading" class="section-title">
                            {t(lang).related_news}
                        </h2>
                        <ArticleList resource=related lang=lang time_zone=time_zone size=CardSize::Compact skeletons=4 />
                    </section>
                    <AdSlot placement="sidebar" size=ad_size(site, "sidebar") lang=lang />
                </aside>
            </Show>
        </div>
    }
}

/// The article itself, once loaded.
#[component]
fn ArticleView(
    article: Article,
    views: RwSignal<Option<u64>>,
    time_zone: Signal<String>,
    ad: Signal<Option<(u32, u32)>>,
) -> impl IntoView {
    let lang = article.lang;
    let strings = t(lang);
    let path = article_href(lang, &article.slug);
    let url = page_url(&path);
    let category_href = category_href(lang, &article.category.slug);
    let published_at = article.published_at.clone();
    let date = move || time_zone.with(|zone| format_date_time(&published_at, lang, zone));
    let stored_views = article.views;
    let shown_views = move || views.get().unwrap_or(stored_views);
    let image_url = article
        .image
        .as_ref()
        .map(|image| image.url.clone())
        .unwrap_or_default();
    let image = article.image.map(|image| {
        view! {
            <figure class="article__figure">
                <img
                    class="article__image"
                    src=image.url
                    width=image.width
                    height=image.height
                    alt=image.alt
                    fetchpriority="high"
                />
                {image.caption.map(|caption| view! { <figcaption>{caption}</figcaption> })}
            </figure>
        }
    });
    let tags = (!article.tags.is_empty()).then(|| {
        view! {
            <ul class="article__tags" aria-label=strings.tags>
                {article.tags.into_iter().map(|tag| view! { <li class="tag">{tag}</li> }).collect_view()}
            </ul>
        }
    });
    let source = (!article.source.is_empty()).then(|| {
        view! { <p class="article__source">{strings.source}": "{article.source}</p> }
    });
    let in_article_ad = view! { <AdSlot placement="in-article" size=ad lang=lang /> }.into_any();
    view! {
        <article class="article">
            <div class="article__top">
                <a class="article__category" href=category_href>
                    {article.category.name}
                </a>
                <div class="article__tools">
                    <SaveButton lang=lang article_url=api::article_url(lang, &article.slug) image_url=image_url />
                    <FontControls lang=lang />
                </div>
            </div>
            <h1 class="article__title">{article.title.clone()}</h1>
            <p class="article__meta">
                <time datetime=article.published_at>{date}</time>
                <span class="article__reading">
                    {strings.reading_time}": "{article.reading_minutes}" "{strings.minutes_short}
                </span>
                <span class="article__views">{strings.views}": "{shown_views}</span>
            </p>
            <div class="article__text">
                <p class="article__lead">{article.lead}</p>
                {image}
                <ArticleBody blocks=article.body after_block=2 interlude=in_article_ad />
                <p class="article__byline">{strings.by}" "{article.author}</p>
                {source}
            </div>
            {tags}
            <p class="article__print-url">{url.clone()}</p>
            <ShareBar url=url title=article.title lang=lang />
        </article>
    }
}
