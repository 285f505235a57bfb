//! Feeds, sitemap and robots.txt.

use axum::http::StatusCode;

use crate::common::{body_text, TestSite, MEXICO, TOKEN};

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

#[tokio::test]
async fn hostile_titles_reach_feed_readers_as_text_in_valid_xml() {
    let site = TestSite::new().await;
    let article = serde_json::json!({
        "lang": "en", "slug": "feed-markup", "category": "politics",
        "title": "Budget <img src=x onerror=alert(1)> passes \u{FFFE}\u{FFFF}",
        "lead": "Lead <script>alert(2)</script> & more", "body_html": "<p>Text.</p>",
        "author": "Desk"
    });
    let created = site
        .send_json("POST", "/api/v1/admin/articles", Some(TOKEN), &article)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    for feed in ["/feeds/en.xml", "/feeds/en/politics.xml"] {
        let xml = body_text(site.get(feed).await).await;
        assert!(
            !xml.contains('\u{FFFE}') && !xml.contains('\u{FFFF}'),
            "{feed} is valid XML"
        );
        // A feed reader's parser reads it, and shows the markup as text.
        let channel = rss::Channel::read_from(xml.as_bytes()).expect("a valid RSS feed");
        let item = channel
            .items()
            .iter()
            .find(|item| {
                item.link()
                    .is_some_and(|link| link.ends_with("/feed-markup"))
            })
            .unwrap_or_else(|| panic!("{feed} lists the new article"));
        // After XML parsing a reader sees `&lt;img …&gt;`, which HTML shows as text.
        assert_eq!(
            item.title(),
            Some("Budget &lt;img src=x onerror=alert(1)&gt; passes")
        );
        assert_eq!(
            item.description(),
            Some("Lead &lt;script&gt;alert(2)&lt;/script&gt; &amp; more")
        );
    }
}
