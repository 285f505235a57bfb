//! Breaking news: an editor marks an article, readers' pages list it (`GET /api/v1/breaking`)
//! in its language until it is older than the window counted from when it was first marked.

use axum::http::StatusCode;
use gazette_api_types::ArticleList;
use serde_json::{json, Value};

use crate::common::{execute_sql, TestSite, TOKEN};

fn story(slug: &str, lang: &str, breaking: bool) -> Value {
    json!({
        "lang": lang, "slug": slug, "category": "politics",
        "title": format!("Bridge closed ({slug})"), "lead": "Traffic is diverted.",
        "body_html": "<p>The bridge is closed until further notice.</p>",
        "author": "Desk", "breaking": breaking
    })
}

/// Saves the published article `slug` again (PUT), marked breaking or not.
async fn save(site: &TestSite, slug: &str, lang: &str, breaking: bool) {
    let saved = site
        .send_json(
            "PUT",
            &format!("/api/v1/admin/articles/{lang}/{slug}"),
            Some(TOKEN),
            &story(slug, lang, breaking),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK, "{slug}");
}

/// The breaking news listed in `lang`.
async fn breaking(site: &TestSite, lang: &str) -> ArticleList {
    site.get_json(&format!("/api/v1/breaking?lang={lang}"))
        .await
}

fn slugs(list: &ArticleList) -> Vec<&str> {
    list.items.iter().map(|item| item.slug.as_str()).collect()
}

#[tokio::test]
async fn an_article_marked_breaking_is_listed_in_its_language_until_the_window_ends() {
    let site = TestSite::configured(None, |config, _| config.breaking_minutes = 60).await;
    let none = breaking(&site, "en").await;
    assert!(none.items.is_empty(), "the demo has no breaking news");

    for (slug, lang, marked) in [
        ("bridge-closed", "en", true),
        ("most-ordinary", "en", false),
        ("most-zakryt", "ru", true),
    ] {
        let created = site
            .send_json(
                "POST",
                "/api/v1/admin/articles",
                Some(TOKEN),
                &story(slug, lang, marked),
            )
            .await;
        assert_eq!(created.status(), StatusCode::CREATED, "{slug}");
    }
    let en = breaking(&site, "en").await;
    assert_eq!(slugs(&en), ["bridge-closed"]);
    let ru = breaking(&site, "ru").await;
    assert_eq!(slugs(&ru), ["most-zakryt"]);
    let hy = breaking(&site, "hy").await;
    assert!(hy.items.is_empty());

    // Marked two hours ago: past the hour's window, whatever its publication time.
    let two_hours_ago = gazette_server::content::time_format::now() - 7200;
    execute_sql(
        &site.state.config,
        &format!("UPDATE articles SET breaking_since = {two_hours_ago} WHERE slug = $1"),
        "most-zakryt",
    )
    .await;
    // Saving it again as breaking keeps the moment it was first marked: still too old.
    save(&site, "most-zakryt", "ru", true).await;
    let ru = breaking(&site, "ru").await;
    assert!(ru.items.is_empty(), "{:?}", slugs(&ru));

    // Saved without the mark: no longer breaking; marked again: breaking from now.
    save(&site, "bridge-closed", "en", false).await;
    let en = breaking(&site, "en").await;
    assert!(en.items.is_empty());
    save(&site, "most-zakryt", "ru", false).await;
    save(&site, "most-zakryt", "ru", true).await;
    let ru = breaking(&site, "ru").await;
    assert_eq!(slugs(&ru), ["most-zakryt"]);

    // A draft is not news.
    let mut draft = story("draft-breaking", "en", true);
    draft["status"] = "draft".into();
    let created = site
        .send_json("POST", "/api/v1/admin/articles", Some(TOKEN), &draft)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let en = breaking(&site, "en").await;
    assert!(en.items.is_empty());
    assert_eq!(
        site.get("/api/v1/breaking?lang=de").await.status(),
        StatusCode::BAD_REQUEST
    );
}
