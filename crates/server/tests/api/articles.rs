//! Article reads: paging, parameters, one article, related news.

use std::collections::HashSet;

use axum::http::{header, StatusCode};
use gazette_api_types::{Article, ArticleList, Block};

use crate::common::{assert_json_error, stored_number, TestSite, MEXICO};

#[tokio::test]
async fn paging_walks_every_article_once_in_order() {
    let site = TestSite::new().await;
    let total = stored_number(
        &site.state.config,
        "SELECT COUNT(*) FROM articles WHERE lang = $1 AND status = 'published'",
        "en",
    )
    .await;
    assert!(total >= 60, "demo content has {total} English articles");
    let mut seen = HashSet::new();
    let mut last_time = String::from("9999");
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let uri = match &cursor {
            Some(cursor) => format!("/api/v1/articles?limit=7&cursor={cursor}"),
            None => "/api/v1/articles?limit=7".to_owned(),
        };
        let page: ArticleList = site.get_json(&uri).await;
        pages += 1;
        for item in &page.items {
            assert!(seen.insert(item.slug.clone()), "duplicate {}", item.slug);
            assert!(item.published_at <= last_time, "not newest first");
            last_time = item.published_at.clone();
        }
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
        assert!(pages < 100, "paging does not end");
    }
    assert_eq!(seen.len() as i64, total);

    let politics: ArticleList = site
        .get_json("/api/v1/articles?category=politics&limit=50")
        .await;
    assert!(politics
        .items
        .iter()
        .all(|item| item.category.slug == "politics"));
    assert!(politics.items.iter().any(|item| item.slug == MEXICO));
    let tagged: ArticleList = site
        .get_json("/api/v1/articles?tag=diplomacy&limit=50")
        .await;
    assert!(!tagged.items.is_empty());
    assert_json_error(
        site.get("/api/v1/articles?category=nope").await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn bad_list_parameters_get_clear_400s() {
    let site = TestSite::new().await;
    for uri in [
        "/api/v1/articles?limit=0",
        "/api/v1/articles?limit=51",
        "/api/v1/articles?limit=abc",
        "/api/v1/articles?limit=-1",
        "/api/v1/articles?cursor=not-a-cursor!!",
        "/api/v1/articles?cursor=bm9wZQ",
        "/api/v1/articles?lang=xx",
        "/api/v1/most-read?limit=1000",
        "/api/v1/articles/x/related?limit=0",
    ] {
        let message = assert_json_error(site.get(uri).await, StatusCode::BAD_REQUEST).await;
        assert!(!message.is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn an_article_has_blocks_times_and_translations() {
    let site = TestSite::new().await;
    let article: Article = site.get_json(&format!("/api/v1/articles/{MEXICO}")).await;
    assert_eq!(
        article.summary.published_at, "2025-01-14T13:32:00Z",
        "17:32 Baku time is 13:32 UTC"
    );
    assert_eq!(article.summary.category.slug, "politics");
    assert!(article.body.len() >= 5);
    assert!(matches!(article.body[0], Block::Paragraph { .. }));
    let mut langs: Vec<&str> = article.translations.iter().map(|t| t.lang.code()).collect();
    langs.sort();
    assert_eq!(langs, ["hy", "ru"]);
    assert!(article.reading_minutes >= 1);
    let image = article.summary.image.expect("image");
    assert_eq!((image.width, image.height), (1440, 810));
    assert_eq!(image.variants.len(), 6, "three widths in WebP and JPEG");
    assert!(!image.alt.is_empty());

    let ru_slug = &article
        .translations
        .iter()
        .find(|t| t.lang.code() == "ru")
        .unwrap()
        .slug;
    let ru: Article = site
        .get_json(&format!("/api/v1/articles/{ru_slug}?lang=ru"))
        .await;
    assert_eq!(ru.summary.category.name, "Политика");

    let message = assert_json_error(
        site.get("/api/v1/articles/no-such-story").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert!(message.contains("no-such-story"));
    // The English slug does not exist in Russian.
    assert_json_error(
        site.get(&format!("/api/v1/articles/{MEXICO}?lang=ru"))
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;

    let image = site.get(&image.url).await;
    assert_eq!(image.status(), StatusCode::OK);
    assert_eq!(image.headers()[header::CONTENT_TYPE], "image/jpeg");
}

#[tokio::test]
async fn related_news_share_the_category_and_exclude_the_article() {
    let site = TestSite::new().await;
    let related: ArticleList = site
        .get_json(&format!("/api/v1/articles/{MEXICO}/related?limit=5"))
        .await;
    assert_eq!(related.items.len(), 5);
    assert!(related
        .items
        .iter()
        .all(|item| item.category.slug == "politics" && item.slug != MEXICO));
    assert_json_error(
        site.get("/api/v1/articles/nope/related").await,
        StatusCode::NOT_FOUND,
    )
    .await;
}
