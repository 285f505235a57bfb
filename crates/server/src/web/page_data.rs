//! What the head and first screen of one page say, read from the database per URL: the
//! title, description, canonical and hreflang links, the API requests to preload, the lead
//! image and the first screen's markup. Unknown addresses get a `404` page that is not indexed.

use axum::http::StatusCode;
use gazette_api_types::routes::{self, Route};
use gazette_api_types::{
    Article, ArticleSummary, Lang, ARTICLE_PICTURE_SIZES, CARD_SIZES, FEED_CARDS_BEFORE_INTERLUDE,
    LEAD_CARD_SIZES,
};

use super::first_screen;
use super::head::{PageMeta, PreviewImage};
use super::urls::page_url;
use crate::content::present;
use crate::db;
use crate::images;
use crate::state::AppState;

/// The head of the page at `path` (a path of the front end's app; `query`: its query string,
/// which only the search page reads) and its HTTP status.
pub async fn page_meta(
    state: &AppState,
    path: &str,
    query: Option<&str>,
) -> Result<(StatusCode, PageMeta), db::StoreError> {
    let (lang, route) = routes::parse(path);
    let base = state.config.base_url.trim_end_matches('/').to_owned();
    let site = state.site.info(lang, &base, 2000);
    let mut meta = PageMeta {
        lang,
        title: format!("{} — {}", site.name, site.tagline),
        description: site.tagline.clone(),
        canonical: page_url(&base, lang, Route::Home),
        og_type: "website",
        preloads: vec![routes::api::site(lang)],
        split: route.split_name(),
        ..PageMeta::default()
    };
    let categories = match route {
        Route::Saved | Route::NotFound => Vec::new(),
        _ => db::categories::list(&state.store, lang).await?,
    };
    let frame = first_screen::Frame {
        path,
        lang,
        site: &site,
        categories: &categories,
        translations: None,
        search_text: "",
    };
    match route {
        Route::Home => {
            meta.alternates = in_every_language(&base, route);
            meta.preloads
                .push(routes::api::articles(lang, None, None, None));
            let newest = newest_stories(state, lang, None, None).await?;
            if let Some(lead) = newest.first() {
                meta.lead_image = lead.image.clone().map(|image| (image, LEAD_CARD_SIZES));
                meta.first_screen = Some(first_screen::home(&frame, &newest));
            }
        }
        Route::Category(slug) => match db::categories::get(&state.store, slug, lang).await? {
            Some(category) => {
                let newest = newest_stories(state, lang, Some(slug), None).await?;
                meta.lead_image = newest
                    .first()
                    .and_then(|newest| newest.image.clone())
                    .map(|image| (image, CARD_SIZES));
                meta.first_screen = Some(first_screen::listing(
                    &frame,
                    &category.name,
                    &category.description,
                    &newest,
                ));
                meta.title = format!("{} — {}", category.name, site.name);
                meta.description = category.description;
                meta.canonical = page_url(&base, lang, route);
                meta.alternates = in_every_language(&base, route);
            }
            None => return Ok((StatusCode::NOT_FOUND, not_found_meta(meta))),
        },
        Route::Tag(slug) => match db::tags::get(&state.store, slug, lang).await? {
            Some(tag) => {
                let newest = newest_stories(state, lang, None, Some(slug)).await?;
                meta.lead_image = newest
                    .first()
                    .and_then(|newest| newest.image.clone())
                    .map(|image| (image, CARD_SIZES));
                let description = tag_description(lang, &tag.name);
                meta.first_screen = Some(first_screen::listing(
                    &frame,
                    &tag.name,
                    &description,
                    &newest,
                ));
                meta.title = format!("{} — {}", tag.name, site.name);
                meta.description = description;
                meta.canonical = page_url(&base, lang, route);
                let mut alternates = Vec::new();
                for other in Lang::ALL {
                    if db::tags::get(&state.store, slug, other).await?.is_some() {
                        alternates.push((other.code().to_owned(), page_url(&base, other, route)));
                    }
                }
                meta.alternates = alternates;
            }
            None => return Ok((StatusCode::NOT_FOUND, not_found_meta(meta))),
        },
        Route::Article(slug) => {
            let Some(row) = db::articles::get(&state.store, lang, slug).await? else {
                return Ok((StatusCode::NOT_FOUND, not_found_meta(meta)));
            };
            let article = present::article(db::articles::with_details(&state.store, row).await?);
            meta.preloads.push(routes::api::article(lang, slug));
            meta.lead_image = article
                .summary
                .image
                .clone()
                .map(|image| (image, ARTICLE_PICTURE_SIZES));
            let frame = first_screen::Frame {
                translations: Some(&article.translations),
                ..frame
            };
            meta.first_screen = Some(first_screen::article(&frame, &article));
            let preview_id = match article.summary.image.as_ref() {
                Some(image) => present::image_id(image).map(str::to_owned),
                None => text_card(state, &article, &site.name).await,
            };
            meta = article_meta(meta, &article, &base, &site.name, preview_id);
        }
        Route::Search => {
            meta.robots_noindex = true;
            let search = SearchPage::of(query);
            // The app's first request, on its way while the app itself loads.
            if let Some(request) = search.request(lang) {
                meta.preloads.push(request);
            }
            let frame = first_screen::Frame {
                search_text: &search.text,
                ..frame
            };
            meta.first_screen = Some(first_screen::search(&frame));
        }
        Route::Saved => {
            meta.robots_noindex = true;
        }
        Route::NotFound => return Ok((StatusCode::NOT_FOUND, not_found_meta(meta))),
    }
    Ok((StatusCode::OK, meta))
}

/// What a search page's address asks for: `q` (the reader's text, trimmed, as the app reads
/// it) and `after` (the page of results).
#[derive(Debug, Default, PartialEq, serde::Deserialize)]
struct SearchPage {
    #[serde(default, rename = "q")]
    text: String,
    #[serde(default)]
    after: Option<String>,
}

impl SearchPage {
    /// The search in a page's query string; an unreadable one is an empty search.
    fn of(query: Option<&str>) -> SearchPage {
        let mut search: SearchPage = query
            .and_then(|query| serde_urlencoded::from_str(query).ok())
            .unwrap_or_default();
        search.text = search.text.trim().to_owned();
        search
    }

    /// The API request the app makes for this page, when it makes one the API accepts.
    fn request(&self, lang: Lang) -> Option<String> {
        let text_fits = !self.text.is_empty()
            && self.text.chars().count() <= crate::api::search::MAX_QUERY_CHARS;
        text_fits.then(|| routes::api::search(lang, &self.text, self.after.as_deref()))
    }
}

/// (hreflang, URL) of the same page in every language, and English as `x-default`.
fn in_every_language(base: &str, route: Route<'_>) -> Vec<(String, String)> {
    Lang::ALL
        .iter()
        .map(|&other| (other.code().to_owned(), page_url(base, other, route)))
        .chain(std::iter::once((
            "x-default".to_owned(),
            page_url(base, Lang::En, route),
        )))
        .collect()
}

/// What a tag page says under the tag's name (the front end's tag page says the same).
fn tag_description(lang: Lang, name: &str) -> String {
    gazette_api_types::texts::shell_texts(lang)
        .tagged
        .replace("{name}", name)
}

/// The newest published stories in `lang`, of one category, one tag or of all, as many as a
/// feed shows before its interlude: the first screen of a list page (the first is its lead).
async fn newest_stories(
    state: &AppState,
    lang: Lang,
    category: Option<&str>,
    tag: Option<&str>,
) -> Result<Vec<ArticleSummary>, db::StoreError> {
    let filter = db::articles::ListFilter {
        lang,
        category,
        tag,
        limit: FEED_CARDS_BEFORE_INTERLUDE as u32,
        ..Default::default()
    };
    Ok(db::articles::list(&state.store, &filter)
        .await?
        .into_iter()
        .map(present::summary)
        .collect())
}

fn not_found_meta(meta: PageMeta) -> PageMeta {
    PageMeta {
        title: format!("404 — {}", meta.title),
        robots_noindex: true,
        ..meta
    }
}

/// The id of the link-preview card of an article without a picture (site, section and
/// headline on a 1200 × 630 JPEG), drawn and stored the first time its page is asked for
/// with these texts; `None` when it cannot be made now (the page goes without a preview).
async fn text_card(state: &AppState, article: &Article, site_name: &str) -> Option<String> {
    let summary = &article.summary;
    let text = images::card::CardText {
        site: site_name,
        section: &summary.category.name,
        headline: &summary.title,
    };
    let id = images::card::id_for(&text);
    let file = images::VariantFile::Preview;
    if let Ok(Some(_)) = state.media.get(&id, &file.name()).await {
        return Some(id);
    }
    let _working = state.image_work.acquire().await.ok()?;
    let (site, section, headline) = (
        text.site.to_owned(),
        text.section.to_owned(),
        text.headline.to_owned(),
    );
    let jpeg = tokio::task::spawn_blocking(move || {
        let card = images::card::draw(&images::card::CardText {
            site: &site,
            section: &section,
            headline: &headline,
        });
        images::process::encode_one(&card, file)
    })
    .await
    .ok()?
    .ok()?;
    match state.media.put(&id, &file.name(), &jpeg).await {
        Ok(()) => Some(id),
        Err(error) => {
            tracing::warn!(%error, "cannot store a link-preview card");
            None
        }
    }
}

fn article_meta(
    mut meta: PageMeta,
    article: &Article,
    base: &str,
    site_name: &str,
    preview_id: Option<String>,
) -> PageMeta {
    let summary = &article.summary;
    let url = |lang: Lang, slug: &str| page_url(base, lang, Route::Article(slug));
    let canonical = url(summary.lang, &summary.slug);
    let image = preview_id.map(|id| {
        let (width, height) = images::PREVIEW_SIZE;
        PreviewImage {
            url: format!("{base}{}", images::preview_url(&id)),
            width,
            height,
            alt: summary
                .image
                .as_ref()
                .map_or_else(|| summary.title.clone(), |image| image.alt.clone()),
        }
    });
    meta.title = format!("{} — {site_name}", summary.title);
    meta.description = summary.lead.clone();
    meta.canonical = canonical.clone();
    meta.og_type = "article";
    meta.image = image.clone();
    meta.alternates = std::iter::once((summary.lang.code().to_owned(), canonical.clone()))
        .chain(
            article
                .translations
                .iter()
                .map(|other| (other.lang.code().to_owned(), url(other.lang, &other.slug))),
        )
        .collect();
    meta.json_ld = Some(serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": summary.title,
        "description": summary.lead,
        "datePublished": summary.published_at,
        "dateModified": article.updated_at.as_ref().unwrap_or(&summary.published_at),
        "inLanguage": summary.lang.code(),
        "articleSection": summary.category.name,
        "author": [{ "@type": "Person", "name": summary.author }],
        "publisher": { "@type": "Organization", "name": site_name },
        "mainEntityOfPage": canonical,
        "image": image.map(|image| vec![image.url]).unwrap_or_default(),
        "keywords": article.tags.iter().map(|tag| tag.name.as_str()).collect::<Vec<_>>().join(", "),
    }));
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_parsed_with_their_language() {
        assert_eq!(routes::parse("/"), (Lang::En, Route::Home));
        assert_eq!(routes::parse("/ru"), (Lang::Ru, Route::Home));
        assert_eq!(
            routes::parse("/hy/article/abc"),
            (Lang::Hy, Route::Article("abc"))
        );
        assert_eq!(
            routes::parse("/category/politics"),
            (Lang::En, Route::Category("politics"))
        );
        assert_eq!(routes::parse("/ru/saved"), (Lang::Ru, Route::Saved));
        assert_eq!(routes::parse("/en/search"), (Lang::En, Route::NotFound));
        assert_eq!(routes::parse("/nope/x/y"), (Lang::En, Route::NotFound));
    }
}
