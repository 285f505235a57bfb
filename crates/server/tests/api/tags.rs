//! Tags named per language, the tag read, tag lists and tag pages, and authors per language.

use axum::http::StatusCode;
use gazette_api_types::{Article, ArticleList, Tag};
use serde_json::json;

use crate::common::{assert_json_error, body_text, TestSite, SHELL, TOKEN};

const MEXICO_RU: &str = "meksika-i-azerbaydzhan-otmechayut-33-goda-diplomaticheskikh-otnosheniy";
const MEXICO_HY: &str = "meksikan-ev-adrbejany-divanagitakan-haraberutyunneri-33-amyaky";

fn names(article: &Article) -> Vec<(&str, &str)> {
    article
        .tags
        .iter()
        .map(|tag| (tag.slug.as_str(), tag.name.as_str()))
        .collect()
}

#[tokio::test]
async fn articles_carry_tags_and_authors_in_their_language() {
    let site = TestSite::new().await;
    let ru: Article = site
        .get_json(&format!("/api/v1/articles/{MEXICO_RU}?lang=ru"))
        .await;
    assert_eq!(
        names(&ru),
        [
            ("diplomacy", "Дипломатия"),
            ("culture", "Культура"),
            ("mexico", "Мексика")
        ]
    );
    assert_eq!(ru.summary.author, "Нигяр Гусейнли");
    let hy: Article = site
        .get_json(&format!("/api/v1/articles/{MEXICO_HY}?lang=hy"))
        .await;
    assert!(names(&hy).contains(&("diplomacy", "Դիվանագիտություն")));
    assert_eq!(hy.summary.author, "Նիգյար Հուսեյնլի");

    let tag: Tag = site.get_json("/api/v1/tags/diplomacy?lang=ru").await;
    assert_eq!(tag.name, "Дипломатия");
    let tagged: ArticleList = site
        .get_json("/api/v1/articles?lang=ru&tag=diplomacy&limit=50")
        .await;
    assert!(tagged.items.iter().any(|item| item.slug == MEXICO_RU));
    for item in &tagged.items {
        let article: Article = site
            .get_json(&format!("/api/v1/articles/{}?lang=ru", item.slug))
            .await;
        assert!(article.tags.iter().any(|tag| tag.slug == "diplomacy"));
    }
    let message = assert_json_error(
        site.get("/api/v1/tags/no-such-tag").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert!(message.contains("no-such-tag"), "{message}");
}

#[tokio::test]
async fn editors_name_tags_per_language() {
    let site = TestSite::new().await;
    let name = |lang: &str, name: &str| json!({ "lang": lang, "name": name });
    assert_json_error(
        site.send_json(
            "PUT",
            "/api/v1/admin/tags/chess",
            None,
            &name("ru", "Шахматы"),
        )
        .await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    for (slug, body) in [
        ("Bad Slug", name("ru", "Шахматы")),
        ("chess", name("ru", "  ")),
        ("chess", name("ru", &"x".repeat(61))),
    ] {
        assert_json_error(
            site.send_json(
                "PUT",
                &format!("/api/v1/admin/tags/{}", slug.replace(' ', "%20")),
                Some(TOKEN),
                &body,
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let response = site
        .send_json(
            "PUT",
            "/api/v1/admin/tags/diplomacy",
            Some(TOKEN),
            &name("ru", "  Дипломатия\n и   мир "),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let tag: Tag = site.get_json("/api/v1/tags/diplomacy?lang=ru").await;
    assert_eq!(tag.name, "Дипломатия и мир", "white space is folded");
    let ru: Article = site
        .get_json(&format!("/api/v1/articles/{MEXICO_RU}?lang=ru"))
        .await;
    assert!(names(&ru).contains(&("diplomacy", "Дипломатия и мир")));
}

#[tokio::test]
async fn tag_pages_have_their_name_and_newest_story_on_the_first_screen() {
    let site = TestSite::with_dist(Some(SHELL)).await;
    let response = site.get("/ru/tag/diplomacy").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = body_text(response).await;
    assert!(
        html.contains("<title>Дипломатия — Gazette</title>"),
        "{html}"
    );
    assert!(html.contains("Новости с тегом «Дипломатия»"));
    assert!(html.contains("hreflang=\"en\" href=\"https://gazette.test/tag/diplomacy\""));
    assert_eq!(
        site.get("/ru/tag/no-such-tag").await.status(),
        StatusCode::NOT_FOUND
    );
}
