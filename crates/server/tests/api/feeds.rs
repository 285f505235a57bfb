//! Feeds, sitemap and robots.txt.

use axum::http::StatusCode;

use crate::common::{body_text, TestSite, MEXICO};

#[tokio::test]
async fn feeds_sitemap_and_robots_list_the_articles() {
    let site = TestSite::new().await;
    let feed = body_text(site.get("/feeds/en.xml").await).await;
    assert!(feed.starts_with("<?xml"));
    assert!(feed.contains("<item><title>"));
    let politics = body_text(site.get("/feeds/ru/politics.xml").await).await;
    assert!(politics.contains("Политика — Gazette"));
    assert_eq!(
        site.get("/feeds/de.xml").await.status(),
        StatusCode::NOT_FOUND
    );
    let sitemap = body_text(site.get("/sitemap.xml").await).await;
    assert!(sitemap.contains(&format!("https://gazette.test/article/{MEXICO}")));
    let robots = body_text(site.get("/robots.txt").await).await;
    assert!(robots.contains("Sitemap: https://gazette.test/sitemap.xml"));
}
