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

fn slugs(list: &ArticleList) -> Vec<&str> {
    list.items.iter().map(|item| item.slug.as_str()).collect()
}

#[tokio::test]
async fn an_article_marked_breaking_is_listed_in_its_language_until_the_window_ends() {
    let site = TestSite::configured(None, |config, _| config.breaking_minutes = 60).await;
    let none: ArticleList = site.get_json("/api/v1/breaking?lang=en").await;
    assert!(none.items.is_empty(), "the demo has no breaking news");

    for (slug, lang, breaking) in [
        ("bridge-closed", "en", true),
        ("most-ordinary", "en", false),
        ("most-zakryt", "ru", true),
    ] {
        let created = site
            .send_json(
                "POST",
                "/api/v1/admin/articles",
                Some(TOKEN),
                &story(slug, lang, breaking),
            )
            .await;
        assert_eq!(created.status(), StatusCode::CREATED, "{slug}");
    }
    let en: ArticleList = site.get_json("/api/v1/breaking?lang=en").await;
    assert_eq!(slugs(&en), ["bridge-closed"]);
    let ru: ArticleList = site.get_json("/api/v1/breaking?lang=ru").await;
    assert_eq!(slugs(&ru), ["most-zakryt"]);
    let hy: ArticleList = site.get_json("/api/v1/breaking?lang=hy").await;
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
    let saved = site
        .send_json(
            "PUT",
            "/api/v1/admin/articles/ru/most-zakryt",
            Some(TOKEN),
            &story("most-zakryt", "ru", true),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let ru: ArticleList = site.get_json("/api/v1/breaking?lang=ru").await;
    assert!(ru.items.is_empty(), "{:?}", slugs(&ru));

    // Saved without the mark: no longer breaking; marked again: breaking from now.
    let unmarked = site
        .send_json(
            "PUT",
            "/api/v1/admin/articles/en/bridge-closed",
            Some(TOKEN),
            &story("bridge-closed", "en", false),
        )
        .await;
    assert_eq!(unmarked.status(), StatusCode::OK);
    let en: ArticleList = site.get_json("/api/v1/breaking?lang=en").await;
    assert!(en.items.is_empty());
    let remarked = site
        .send_json(
            "PUT",
            "/api/v1/admin/articles/ru/most-zakryt",
            Some(TOKEN),
            &story("most-zakryt", "ru", false),
        )
        .await;
    assert_eq!(remarked.status(), StatusCode::OK);
    let again = site
        .send_json(
            "PUT",
            "/api/v1/admin/articles/ru/most-zakryt",
            Some(TOKEN),
            &story("most-zakryt", "ru", true),
        )
        .await;
    assert_eq!(again.status(), StatusCode::OK);
    let ru: ArticleList = site.get_json("/api/v1/breaking?lang=ru").await;
    assert_eq!(slugs(&ru), ["most-zakryt"]);

    // A draft is not news.
    let mut draft = story("draft-breaking", "en", true);
    draft["status"] = "draft".into();
    let created = site
        .send_json("POST", "/api/v1/admin/articles", Some(TOKEN), &draft)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let en: ArticleList = site.get_json("/api/v1/breaking?lang=en").await;
    assert!(en.items.is_empty());
    assert_eq!(
        site.get("/api/v1/breaking?lang=de").await.status(),
        StatusCode::BAD_REQUEST
    );
}
