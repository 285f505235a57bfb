//! The article page: category, text size controls, title, date, lead, image, body blocks,
//! byline, source, views (the visit is counted once), reading time, tags, share block, ad
//! slots, related news of the same category, and Save for reading offline.

use gazette_api_types::{Article, ARTICLE_PICTURE_SIZES};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::browser::{self, page_url, set_document_meta, set_page_links, visitor_id};
use crate::components::{
    AdSlot, AdSpace, AfterStart, ArticleBody, ArticleCards, CardSize, FigureCaption, FontControls,
    Loading, MostRead, Picture, ResourceView, SaveButton, ShareBar,
};
use crate::i18n::{fill, format_date_time, t, NewsroomZone};
use crate::reading::{
    ArticleUpdatesTools, ListenTools, QuoteTools, ReadArticle, ReadingProgressTools,
};
use crate::state::{use_article_translations, use_page_lang, use_site};
use crate::urls::{article_href, category_href, tag_href};

/// `/article/{slug}` (and `/ru/...`, `/hy/...`).
#[component]
pub fn ArticlePage() -> impl IntoView {
    let lang = use_page_lang();
    let site = use_site();
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
    let most_read = LocalResource::new(move || api::most_read(lang));
    let views = RwSignal::new(None::<u64>);
    let counted = StoredValue::new(None::<String>);
    let translations = use_article_translations();

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
            set_document_meta(
                &format!("{} — {}", article.summary.title, info.name),
                &article.summary.lead,
            );
            // This article and its translations, as the server lists them.
            let base = info.base_url.as_str();
            let canonical = format!("{base}{}", article_href(lang, &article.summary.slug));
            let alternates: Vec<(String, String)> =
                std::iter::once((lang.code().to_owned(), canonical.clone()))
                    .chain(article.translations.iter().map(|translation| {
                        (
                            translation.lang.code().to_owned(),
                            format!(
                                "{base}{}",
                                article_href(translation.lang, &translation.slug)
                            ),
                        )
                    }))
                    .collect();
            set_page_links(&canonical, &alternates);
        }
        translations
            .0
            .set(Some((lang, article.translations.clone())));
        let slug = article.summary.slug.clone();
        if counted.get_value().as_deref() == Some(slug.as_str()) {
            return;
        }
        counted.set_value(Some(slug.clone()));
        views.set(None);
        spawn_local(async move {
            if let Ok(count) = api::count_view(lang, &slug, &visitor_id()).await {
                views.try_set(Some(count.views));
            }
        });
    });
    on_cleanup(move || {
        translations.0.try_set(None);
    });

    let time_zone = site.time_zone_signal();
    // "Show the new version" of an article the newsroom changed meanwhile.
    let on_refresh = Callback::new(move |()| article.refetch());
    let content = move || {
        article.get().map(|result| {
            result.map(|article| {
                let ad = site.ad("in-article");
                view! { <ArticleView article=article views=views time_zone=time_zone ad=ad on_refresh=on_refresh /> }
                    .into_any()
            })
        })
    };
    // Related news and the side ad belong to an article: not beside "not found", nor beside
    // the error or offline view (offline they would be one more error and an empty box).
    let loading_or_shown = move || !matches!(article.get(), Some(Err(_)));

    view! {
        <AdSlot placement="top" space=site.ad("top") lang=lang />
        <div class="with-sidebar">
            <div class="article-column">
                <ResourceView
                    lang=lang
                    loading=move || view! { <Loading lang=lang /> }
                    content=content
                    on_retry=move || article.refetch()
                    not_found=true
                    offline_list=true
                />
            </div>
            <Show when=loading_or_shown>
                <aside class="sidebar">
                    <section aria-labelledby="related-heading">
                        <h2 id="related-heading" class="section-title">
                            {t(lang).related_news}
                        </h2>
                        <ArticleCards resource=related lang=lang time_zone=time_zone size=CardSize::Compact skeletons=4 />
                    </section>
                    <MostRead resource=most_read lang=lang time_zone=time_zone heading_id="most-read-heading" class="most-read--side" />
                    <AdSlot placement="sidebar" space=site.ad("sidebar") lang=lang />
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
    time_zone: Signal<NewsroomZone>,
    ad: Signal<Option<AdSpace>>,
    /// Loads the article again (its newer version).
    on_refresh: Callback<()>,
) -> impl IntoView {
    let Article {
        summary,
        source,
        updated_at,
        body,
        tags,
        views: stored_views,
        reading_minutes,
        translations,
        ..
    } = article;
    let lang = summary.lang;
    let strings = t(lang);
    let path = article_href(lang, &summary.slug);
    let url = page_url(&path);
    // What the reader tools (loaded once the article is painted) work on.
    let read = ReadArticle {
        lang,
        slug: summary.slug.clone(),
        title: summary.title.clone(),
        url: url.clone(),
    };
    let category_href = category_href(lang, &summary.category.slug);
    let published_at = summary.published_at.clone();
    // Readers in another time zone are told whose time it is ("17:32 Baku time").
    let site = use_site();
    let zone_name = Signal::derive(move || site.info().map(|info| info.time_zone_name));
    let date = move || {
        time_zone.with(|zone| {
            let date = format_date_time(&published_at, lang, zone);
            let elsewhere = zone.differs_for_reader(&published_at);
            match zone_name.get() {
                Some(name) if elsewhere && !name.is_empty() && !date.is_empty() => {
                    format!("{date} {name}")
                }
                _ => date,
            }
        })
    };
    let also_in = (!translations.is_empty()).then(|| {
        let links = translations
            .into_iter()
            .enumerate()
            .map(|(index, translation)| {
                let other = translation.lang;
                view! {
                    {(index > 0).then_some(" · ")}
                    <a href=article_href(other, &translation.slug) hreflang=other.code() lang=other.code()>
                        {other.native_name()}
                    </a>
                }
            })
            .collect_view();
        view! { <p class="article__also">{strings.also_in} " " {links}</p> }
    });
    let shown_views = move || {
        let count = views.get().unwrap_or(stored_views);
        fill(strings.views, "count", &count.to_string())
    };
    let image_files = crate::pwa::image_files(summary.image.as_ref());
    let image = summary.image.map(|image| {
        let caption = image.caption.clone();
        let credit = image.credit.clone();
        view! {
            <figure class="article__figure">
                <Picture image=image class="article__image" sizes=ARTICLE_PICTURE_SIZES lead=true />
                <FigureCaption caption=caption credit=credit />
            </figure>
        }
    });
    let tags = (!tags.is_empty()).then(|| {
        view! {
            <ul class="article__tags" aria-label=strings.tags>
                {tags
                    .into_iter()
                    .map(|tag| {
                        view! {
                            <li>
                                <a class="tag" href=tag_href(lang, &tag.slug)>{tag.name}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    let source = (!source.is_empty()).then(|| {
        view! { <p class="article__source">{fill(strings.source, "source", &source)}</p> }
    });
    let reading = fill(
        strings.reading_time,
        "minutes",
        &reading_minutes.to_string(),
    );
    let in_article_ad = view! { <AdSlot placement="in-article" space=ad lang=lang /> }.into_any();
    let byline = fill(strings.by, "author", &summary.author);
    let title = summary.title.clone();
    view! {
        <article class="article">
            <div class="article__top">
                <a class="article__category" href=category_href>
                    {summary.category.name}
                </a>
                <div class="article__tools">
                    <SaveButton lang=lang article_url=api::article_url(lang, &summary.slug) image_files=image_files />
                    <FontControls lang=lang />
                </div>
            </div>
            <h1 class="article__title">{summary.title.clone()}</h1>
            {also_in}
            <p class="article__meta">
                <time datetime=summary.published_at>{date}</time>
                <span class="article__reading">{reading}</span>
                <span class="article__views">{shown_views}</span>
            </p>
            // Fixed at the bottom of the screen: showing them never moves the article.
            // "Updated 14:05 — Show the new version", fixed at the top of the screen.
            <ArticleUpdatesTools article=read.clone() updated_at=updated_at on_show=on_refresh />
            <div class="reader-dock">
                <ListenTools article=read.clone() />
                <ReadingProgressTools article=read.clone() />
            </div>
            <div class="article__text">
                <p class="article__lead">{summary.lead}</p>
                {image}
                // The text below the picture, and what follows it, each in a task of its own:
                // a long article is not one long task (the server's first screen shows the
                // whole text until the app's page is in place).
                <AfterStart>
                    <ArticleBody blocks=body after_block=2 interlude=in_article_ad />
                    <p class="article__byline">{byline}</p>
                    {source}
                </AfterStart>
            </div>
            <AfterStart>
                <QuoteTools article=read />
                {tags}
                <p class="article__print-url">{url.clone()}</p>
                <ShareBar url=url title=title lang=lang />
            </AfterStart>
        </article>
    }
}
