//! What crawlers and feed readers fetch: RSS feeds per language and per category, the
//! sitemap and robots.txt.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use gazette_api_types::routes::Route;
use gazette_api_types::Lang;

use super::html::{rss_text, xml_text};
use super::urls::page_url;
use crate::content::time_format;
use crate::db;
use crate::db::articles::ListFilter;
use crate::state::AppState;

/// The feeds', sitemap's and robots.txt's routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/feeds/{file}", get(language_feed))
        .route("/feeds/{lang}/{file}", get(category_feed))
        .route("/sitemap.xml", get(sitemap))
        .route("/robots.txt", get(robots))
}

/// `GET /feeds/{lang}.xml`: the latest articles in a language.
async fn language_feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    match file.strip_suffix(".xml").and_then(Lang::from_code) {
        Some(lang) => feed(&state, lang, None).await,
        None => (StatusCode::NOT_FOUND, "no such feed").into_response(),
    }
}

/// `GET /feeds/{lang}/{category}.xml`: the latest articles of a category in a language.
async fn category_feed(
    State(state): State<AppState>,
    Path((lang, file)): Path<(String, String)>,
) -> Response {
    let lang = Lang::from_code(&lang);
    let category = file.strip_suffix(".xml");
    match (lang, category) {
        (Some(lang), Some(category)) => feed(&state, lang, Some(category)).await,
        _ => (StatusCode::NOT_FOUND, "no such feed").into_response(),
    }
}

async fn feed(state: &AppState, lang: Lang, category: Option<&str>) -> Response {
    let base = state.config.base_url.trim_end_matches('/');
    let site = state.site.info(lang, base, 2000);
    let result = async {
        let title = match category {
            Some(slug) => match db::categories::get(&state.store, slug, lang).await? {
                Some(category) => Some(format!("{} — {}", category.name, site.name)),
                None => None,
            },
            None => Some(site.name.clone()),
        };
        let filter = ListFilter {
            lang,
            category,
            limit: 30,
            ..ListFilter::default()
        };
        let rows = db::articles::list(&state.store, &filter).await?;
        Ok::<_, db::StoreError>(title.map(|title| (title, rows)))
    }
    .await;
    let (title, rows) = match result {
        Ok(Some(found)) => found,
        Ok(None) => return (StatusCode::NOT_FOUND, "no such feed").into_response(),
        Err(cause) => {
            tracing::error!(%cause, "feed query failed");
            return (StatusCode::SERVICE_UNAVAILABLE, "feed unavailable").into_response();
        }
    };
    let items = rows
        .into_iter()
        .map(|row| {
            let link = page_url(base, lang, Route::Article(&row.slug));
            rss::Item {
                title: Some(rss_text(&row.title)),
                link: Some(link.clone()),
                guid: Some(rss::Guid {
                    value: link,
                    permalink: true,
                }),
                description: Some(rss_text(&row.lead)),
                categories: vec![rss::Category {
                    name: rss_text(&row.category_name),
                    domain: None,
                }],
                pub_date: Some(time_format::rfc2822(row.published_at)),
                ..rss::Item::default()
            }
        })
        .collect();
    let channel = rss::Channel {
        title: rss_text(&title),
        link: page_url(base, lang, Route::Home),
        description: rss_text(&site.tagline),
        language: Some(lang.code().to_owned()),
        items,
        ..rss::Channel::default()
    };
    let xml = match channel.write_to(Vec::new()) {
        Ok(bytes) => bytes,
        Err(cause) => {
            tracing::error!(%cause, "could not write a feed");
            return (StatusCode::INTERNAL_SERVER_ERROR, "feed unavailable").into_response();
        }
    };
    (
        [
            (header::CONTENT_TYPE, "application/rss+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        xml,
    )
        .into_response()
}

/// `GET /sitemap.xml`: home and category pages in every language, and every article.
async fn sitemap(State(state): State<AppState>) -> Response {
    let base = state.config.base_url.trim_end_matches('/');
    let data = async {
        let categories = db::categories::list(&state.store, Lang::En).await?;
        let articles = db::articles::all_published(&state.store, 45_000).await?;
        Ok::<_, db::StoreError>((categories, articles))
    }
    .await;
    let (categories, articles) = match data {
        Ok(found) => found,
        Err(cause) => {
            tracing::error!(%cause, "sitemap query failed");
            return (StatusCode::SERVICE_UNAVAILABLE, "sitemap unavailable").into_response();
        }
    };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
    for lang in Lang::ALL {
        xml.push_str(&format!(
            "<url><loc>{}</loc></url>",
            xml_text(&page_url(base, lang, Route::Home))
        ));
        for category in &categories {
            xml.push_str(&format!(
                "<url><loc>{}</loc></url>",
                xml_text(&page_url(base, lang, Route::Category(&category.slug)))
            ));
        }
    }
    for (lang, slug, modified) in articles {
        let lang = Lang::from_code(&lang).unwrap_or_default();
        let day = time_format::rfc3339(modified);
        xml.push_str(&format!(
            "<url><loc>{}</loc><lastmod>{}</lastmod></url>",
            xml_text(&page_url(base, lang, Route::Article(&slug))),
            &day[..10.min(day.len())]
        ));
    }
    xml.push_str("</urlset>\n");
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

/// `GET /robots.txt`: everything but the API and search may be crawled; where the sitemap is.
async fn robots(State(state): State<AppState>) -> impl IntoResponse {
    let base = state.config.base_url.trim_end_matches('/');
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search\nSitemap: {base}/sitemap.xml\n"),
    )
}
