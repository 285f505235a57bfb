//! The editor endpoints: the token, sanitising, and the article and category writes.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use gazette_api_types::{Article, CategoryList};
use serde_json::json;

use crate::common::{assert_json_error, hostile_article, TestSite, MEXICO, TOKEN};

#[tokio::test]
async fn editor_writes_need_the_token() {
    let site = TestSite::new().await;
    let body = hostile_article();
    let message = assert_json_error(
        site.send_json("POST", "/api/v1/admin/articles", None, &body)
            .await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert!(message.contains("token"));
    assert_json_error(
        site.send_json("POST", "/api/v1/admin/articles", Some("wrong"), &body)
            .await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_json_error(
        site.send_json(
            "DELETE",
            &format!("/api/v1/admin/articles/en/{MEXICO}"),
            None,
            &json!({}),
        )
        .await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_json_error(
        site.send_json(
            "PUT",
            "/api/v1/admin/categories/new",
            Some("test-token "),
            &json!({}),
        )
        .await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    // Nothing was written.
    assert_json_error(
        site.get("/api/v1/articles/hostile-test").await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn hostile_html_is_stored_as_inert_blocks_and_editors_manage_articles() {
    let site = TestSite::new().await;
    let created = site
        .send_json(
            "POST",
            "/api/v1/admin/articles",
            Some(TOKEN),
            &hostile_article(),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let article: Article = site.get_json("/api/v1/articles/hostile-test").await;
    let json = serde_json::to_string(&article.body).unwrap().to_lowercase();
    for bad in [
        "<script",
        "javascript:",
        "onclick",
        "iframe",
        "onerror",
        "alert",
    ] {
        assert!(!json.contains(bad), "{bad} survived: {json}");
    }
    assert!(json.contains("https://example.org/ok"));
    let tags: Vec<&str> = article.tags.iter().map(|tag| tag.slug.as_str()).collect();
    assert_eq!(tags, ["budget", "test"]);
    // The title is kept as text (the front end shows it as text, never as markup).
    assert!(article.summary.title.contains("<script>"));

    // Duplicate slug, unknown category, bad JSON, oversized body.
    assert_json_error(
        site.send_json(
            "POST",
            "/api/v1/admin/articles",
            Some(TOKEN),
            &hostile_article(),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    let mut unknown = hostile_article();
    unknown["slug"] = json!("other");
    unknown["category"] = json!("nope");
    assert_json_error(
        site.send_json("POST", "/api/v1/admin/articles", Some(TOKEN), &unknown)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let mut only_script = hostile_article();
    only_script["slug"] = json!("only-script");
    only_script["body_html"] = json!("<script>alert(1)</script>");
    assert_json_error(
        site.send_json("POST", "/api/v1/admin/articles", Some(TOKEN), &only_script)
            .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    let bad_json = Request::post("/api/v1/admin/articles")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::from("{not json"))
        .unwrap();
    assert!(site.request(bad_json).await.status().is_client_error());
    let huge = Request::post("/api/v1/admin/articles")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::from(vec![b'x'; 300 * 1024]))
        .unwrap();
    assert_json_error(site.request(huge).await, StatusCode::PAYLOAD_TOO_LARGE).await;

    // Update, translation, unpublish, delete.
    let mut update = hostile_article();
    update["title"] = json!("Budget approved");
    let updated = site
        .send_json(
            "PUT",
            "/api/v1/admin/articles/en/hostile-test",
            Some(TOKEN),
            &update,
        )
        .await;
    assert_eq!(updated.status(), StatusCode::OK);
    let article: Article = site.get_json("/api/v1/articles/hostile-test").await;
    assert_eq!(article.summary.title, "Budget approved");
    assert!(article.updated_at.is_some());

    let mut translation = hostile_article();
    translation["lang"] = json!("ru");
    translation["slug"] = json!("byudzhet");
    translation["translation_of"] = json!("hostile-test");
    let created = site
        .send_json("POST", "/api/v1/admin/articles", Some(TOKEN), &translation)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let article: Article = site.get_json("/api/v1/articles/hostile-test").await;
    assert_eq!(article.translations.len(), 1);

    let unpublished = site
        .send_json(
            "POST",
            "/api/v1/admin/articles/en/hostile-test/unpublish",
            Some(TOKEN),
            &json!({}),
        )
        .await;
    assert_eq!(unpublished.status(), StatusCode::OK);
    assert_json_error(
        site.get("/api/v1/articles/hostile-test").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let deleted = site
        .send_json(
            "DELETE",
            "/api/v1/admin/articles/en/hostile-test",
            Some(TOKEN),
            &json!({}),
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert_json_error(
        site.send_json(
            "DELETE",
            "/api/v1/admin/articles/en/hostile-test",
            Some(TOKEN),
            &json!({}),
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;

    // Categories.
    let category =
        json!({ "lang": "en", "name": "Science", "description": "Research news", "position": 9 });
    let put = site
        .send_json(
            "PUT",
            "/api/v1/admin/categories/science",
            Some(TOKEN),
            &category,
        )
        .await;
    assert_eq!(put.status(), StatusCode::OK);
    let list: CategoryList = site.get_json("/api/v1/categories").await;
    assert!(list
        .items
        .iter()
        .any(|c| c.slug == "science" && c.name == "Science"));
    assert_json_error(
        site.send_json(
            "DELETE",
            "/api/v1/admin/categories/politics",
            Some(TOKEN),
            &json!({}),
        )
        .await,
        StatusCode::CONFLICT,
    )
    .await;
    let deleted = site
        .send_json(
            "DELETE",
            "/api/v1/admin/categories/science",
            Some(TOKEN),
            &json!({}),
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_creates_of_one_slug_give_one_201_and_409s_never_500() {
    use tower::ServiceExt;
    let site = TestSite::new().await;
    let body = json!({
        "lang": "en", "slug": "race-for-one-slug", "category": "politics",
        "title": "One of twelve", "lead": "Sent at once.", "body_html": "<p>Text.</p>",
        "author": "Desk"
    })
    .to_string();
    let tasks: Vec<_> = (0..12)
        .map(|_| {
            let request = Request::post("/api/v1/admin/articles")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
                .body(Body::from(body.clone()))
                .unwrap();
            tokio::spawn(site.app().oneshot(request))
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap().unwrap().status());
    }
    let created = statuses
        .iter()
        .filter(|status| **status == StatusCode::CREATED)
        .count();
    let conflicts = statuses
        .iter()
        .filter(|status| **status == StatusCode::CONFLICT)
        .count();
    assert_eq!((created, conflicts), (1, 11), "{statuses:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_updates_deletes_and_reads_of_one_article_never_answer_500() {
    use tower::ServiceExt;
    let site = TestSite::new().await;
    let article = |title: &str| {
        json!({
            "lang": "en", "slug": "raced-article", "category": "politics",
            "title": title, "lead": "Edited by many.", "body_html": "<p>Text.</p>",
            "author": "Desk"
        })
        .to_string()
    };
    let send = |method: &str, uri: &str, body: String| {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::from(body))
            .unwrap();
        tokio::spawn(site.app().oneshot(request))
    };
    for round in 0..5 {
        let created = send("POST", "/api/v1/admin/articles", article("First")).await;
        assert_eq!(
            created.unwrap().unwrap().status(),
            StatusCode::CREATED,
            "round {round}"
        );
        // At once: eight editors save, two delete, eight readers read.
        let mut tasks = Vec::new();
        for editor in 0..8 {
            tasks.push((
                "update",
                send(
                    "PUT",
                    "/api/v1/admin/articles/en/raced-article",
                    article(&format!("Edit {editor}")),
                ),
            ));
        }
        for _ in 0..2 {
            tasks.push((
                "delete",
                send(
                    "DELETE",
                    "/api/v1/admin/articles/en/raced-article",
                    String::new(),
                ),
            ));
        }
        for _ in 0..8 {
            let read = Request::get("/api/v1/articles/raced-article")
                .body(Body::empty())
                .unwrap();
            tasks.push(("read", tokio::spawn(site.app().oneshot(read))));
        }
        let mut deletes_done = 0;
        for (kind, task) in tasks {
            let status = task.await.unwrap().unwrap().status();
            let expected: &[StatusCode] = match kind {
                "update" => &[StatusCode::OK, StatusCode::NOT_FOUND, StatusCode::CONFLICT],
                "delete" => &[StatusCode::NO_CONTENT, StatusCode::NOT_FOUND],
                _ => &[StatusCode::OK, StatusCode::NOT_FOUND],
            };
            assert!(
                expected.contains(&status),
                "round {round}: {kind} answered {status}"
            );
            if kind == "delete" && status == StatusCode::NO_CONTENT {
                deletes_done += 1;
            }
        }
        assert_eq!(deletes_done, 1, "round {round}: exactly one delete wins");
        let gone = site.get("/api/v1/articles/raced-article").await;
        assert_eq!(gone.status(), StatusCode::NOT_FOUND, "round {round}");
    }
}
