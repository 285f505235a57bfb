//! Integration tests of the whole HTTP application against a real SQLite database per test
//! (a temporary file, migrated and filled with the demo content, as on first start).

use std::collections::HashSet;
use std::path::Path;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use gazette_api_types::{
    Article, ArticlePage, Block, CategoryList, SearchPage, SiteInfo, ViewCount,
};
use gazette_server::{app, AppState, Config};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tempfile::TempDir;
use tower::ServiceExt;

const MEXICO: &str = "mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations";
const TOKEN: &str = "test-token";

struct TestSite {
    _dir: TempDir,
    state: AppState,
}

impl TestSite {
    async fn new() -> TestSite {
        TestSite::with_dist(None).await
    }

    /// A site whose front end is a minimal built `index.html` with an inline boot script.
    async fn with_dist(index_html: Option<&str>) -> TestSite {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config::for_tests(dir.path().join("gazette.db"));
        if let Some(html) = index_html {
            let dist = dir.path().join("dist");
            std::fs::create_dir_all(&dist).unwrap();
            std::fs::write(dist.join("index.html"), html).unwrap();
            std::fs::write(dist.join("app-0123456789abcdef.js"), "console.log('app')").unwrap();
            std::fs::write(dist.join("app-0123456789abcdef.js.br"), b"brotli bytes").unwrap();
            config.dist = dist;
        }
        let state = AppState::new(config).await.expect("state");
        TestSite { _dir: dir, state }
    }

    fn app(&self) -> Router {
        app(self.state.clone())
    }

    async fn request(&self, request: Request<Body>) -> Response {
        self.app().oneshot(request).await.expect("response")
    }

    async fn get(&self, uri: &str) -> Response {
        self.request(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, uri: &str) -> T {
        let response = self.get(uri).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {uri}");
        serde_json::from_slice(&body_bytes(response).await).expect("contract JSON")
    }

    async fn send_json(
        &self,
        method: &str,
        uri: &str,
        token: Option<&str>,
        body: &Value,
    ) -> Response {
        let mut request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        self.request(request.body(Body::from(body.to_string())).unwrap())
            .await
    }
}

async fn body_bytes(response: Response) -> Vec<u8> {
    response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec()
}

async fn body_text(response: Response) -> String {
    String::from_utf8(body_bytes(response).await).expect("utf-8")
}

/// Asserts a 4xx JSON error in the contract's shape and returns its message.
async fn assert_json_error(response: Response, status: StatusCode) -> String {
    assert_eq!(response.status(), status);
    let content_type = response.headers().get(header::CONTENT_TYPE).cloned();
    assert_eq!(
        content_type.as_ref().and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
    let body: Value = serde_json::from_slice(&body_bytes(response).await).expect("JSON error");
    assert!(body["error"]["code"].is_string(), "{body}");
    body["error"]["message"]
        .as_str()
        .expect("message")
        .to_owned()
}

#[tokio::test]
async fn site_info_is_localised_and_unknown_languages_are_refused() {
    let site = TestSite::new().await;
    let en: SiteInfo = site.get_json("/api/v1/site").await;
    assert_eq!(en.name, "Gazette");
    assert_eq!(en.time_zone, "Asia/Baku");
    let networks: Vec<&str> = en.social.iter().map(|link| link.network.as_str()).collect();
    assert_eq!(
        networks,
        ["x", "youtube", "instagram", "facebook", "telegram"]
    );
    assert_eq!(
        en.languages
            .iter()
            .map(|l| l.label.as_str())
            .collect::<Vec<_>>(),
        ["EN", "RU", "ARM"]
    );
    assert!(en.footer_notice.contains("hyperlink"));
    let ru: SiteInfo = site.get_json("/api/v1/site?lang=ru").await;
    assert!(ru.footer_notice.contains("гиперссылки"));
    let message = assert_json_error(
        site.get("/api/v1/site?lang=de").await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert!(message.contains("unknown language 'de'"), "{message}");
}

#[tokio::test]
async fn categories_come_in_navigation_order_with_descriptions() {
    let site = TestSite::new().await;
    let list: CategoryList = site.get_json("/api/v1/categories").await;
    assert!(list.items.len() >= 6);
    assert_eq!(list.items[0].slug, "politics");
    assert_eq!(
        list.items[0].description,
        "The most important news of the political life in Azerbaijan"
    );
    let ru: CategoryList = site.get_json("/api/v1/categories?lang=ru").await;
    assert_eq!(ru.items[0].name, "Политика");
    assert_json_error(
        site.get("/api/v1/categories/nope").await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn paging_walks_every_article_once_in_order() {
    let site = TestSite::new().await;
    let total: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM articles WHERE lang = 'en' AND status = 'published'",
    )
    .fetch_one(&site.state.pool)
    .await
    .unwrap();
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
        let page: ArticlePage = site.get_json(&uri).await;
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

    let politics: ArticlePage = site
        .get_json("/api/v1/articles?category=politics&limit=50")
        .await;
    assert!(politics
        .items
        .iter()
        .all(|item| item.category.slug == "politics"));
    assert!(politics.items.iter().any(|item| item.slug == MEXICO));
    let tagged: ArticlePage = site
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
        article.published_at, "2025-01-14T13:32:00Z",
        "17:32 Baku time is 13:32 UTC"
    );
    assert_eq!(article.category.slug, "politics");
    assert!(article.body.len() >= 5);
    assert!(matches!(article.body[0], Block::Paragraph { .. }));
    let mut langs: Vec<&str> = article.translations.iter().map(|t| t.lang.code()).collect();
    langs.sort();
    assert_eq!(langs, ["hy", "ru"]);
    assert!(article.reading_minutes >= 1);
    let image = article.image.expect("image");
    assert_eq!((image.width, image.height), (1200, 675));
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
    assert_eq!(ru.category.name, "Политика");

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
    assert_eq!(image.headers()[header::CONTENT_TYPE], "image/svg+xml");
}

#[tokio::test]
async fn related_news_share_the_category_and_exclude_the_article() {
    let site = TestSite::new().await;
    let related: ArticlePage = site
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

#[tokio::test]
async fn views_are_counted_once_per_reader_and_lead_most_read() {
    let site = TestSite::new().await;
    let view = |visitor: &'static str| {
        Request::post(format!("/api/v1/articles/{MEXICO}/views"))
            .header("x-gazette-visitor", visitor)
            .body(Body::empty())
            .unwrap()
    };
    let count = |response: Response| async move {
        assert_eq!(response.status(), StatusCode::OK);
        serde_json::from_slice::<ViewCount>(&body_bytes(response).await)
            .unwrap()
            .views
    };
    assert_eq!(count(site.request(view("a")).await).await, 1);
    assert_eq!(
        count(site.request(view("a")).await).await,
        1,
        "same reader again"
    );
    assert_eq!(count(site.request(view("b")).await).await, 2);
    let article: Article = site.get_json(&format!("/api/v1/articles/{MEXICO}")).await;
    assert_eq!(
        article.views, 2,
        "pending counts are visible before the flush"
    );

    site.state.views.flush(&site.state.pool).await.unwrap();
    let stored: i64 = sqlx::query_scalar("SELECT views FROM articles WHERE slug = ?1")
        .bind(MEXICO)
        .fetch_one(&site.state.pool)
        .await
        .unwrap();
    assert_eq!(stored, 2);
    let most_read: ArticlePage = site.get_json("/api/v1/most-read").await;
    assert_eq!(most_read.items[0].slug, MEXICO);
    let missing = site
        .request(
            Request::post("/api/v1/articles/nope/views")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_json_error(missing, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn search_finds_and_highlights_and_survives_hostile_queries() {
    let site = TestSite::new().await;
    let page: SearchPage = site.get_json("/api/v1/search?q=Mexico%20embassy").await;
    let hit = page
        .items
        .iter()
        .find(|hit| hit.article.slug == MEXICO)
        .expect("Mexico article found");
    assert!(hit
        .title
        .iter()
        .any(|part| part.hit && part.text.to_lowercase().starts_with("mexico")));
    assert!(hit.snippet.iter().any(|part| part.hit));

    let ru: SearchPage = site
        .get_json("/api/v1/search?q=%D0%9C%D0%B5%D0%BA%D1%81%D0%B8%D0%BA&lang=ru")
        .await;
    assert!(!ru.items.is_empty(), "Russian search by stem prefix");

    for hostile in [
        "%22",
        "*",
        "NEAR(",
        "((((",
        "a%20OR",
        "%22unbalanced",
        "title:%20x",
        "AND%20OR%20NOT",
        "%5E%2B-",
        "NEAR%28mexico%20embassy%2C%202%29",
    ] {
        let response = site.get(&format!("/api/v1/search?q={hostile}")).await;
        assert!(
            response.status() == StatusCode::OK || response.status() == StatusCode::BAD_REQUEST,
            "{hostile}: {}",
            response.status()
        );
        if response.status() == StatusCode::BAD_REQUEST {
            assert_json_error(response, StatusCode::BAD_REQUEST).await;
        }
    }
    let long = "a".repeat(201);
    assert_json_error(
        site.get(&format!("/api/v1/search?q={long}")).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_json_error(site.get("/api/v1/search").await, StatusCode::BAD_REQUEST).await;
    assert_json_error(
        site.get("/api/v1/search?q=x&cursor=zz").await,
        StatusCode::BAD_REQUEST,
    )
    .await;

    // Paging search results: no duplicates across pages.
    let first: SearchPage = site.get_json("/api/v1/search?q=the&limit=5").await;
    let cursor = first.next_cursor.clone().expect("more results");
    let second: SearchPage = site
        .get_json(&format!("/api/v1/search?q=the&limit=5&cursor={cursor}"))
        .await;
    let first_slugs: HashSet<_> = first.items.iter().map(|hit| &hit.article.slug).collect();
    assert!(second
        .items
        .iter()
        .all(|hit| !first_slugs.contains(&hit.article.slug)));
}

fn hostile_article() -> Value {
    json!({
        "lang": "en",
        "slug": "hostile-test",
        "category": "politics",
        "title": "</title><script>alert('t')</script> Budget",
        "lead": "A lead <b>with</b> markup",
        "body_html": "<p onclick=\"x()\">Safe <a href=\"javascript:alert(1)\">link</a> \
                      <a href=\"https://example.org/ok\">ok</a></p><script>alert(2)</script>\
                      <iframe src=\"https://evil.example\"></iframe><img src=x onerror=alert(3)>\
                      <h2>Sub</h2>",
        "author": "Desk",
        "tags": ["Test", "test", "budget"],
        "image_alt": "A chart",
        "published_at": "2026-11-27T10:00:00+04:00"
    })
}

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
    assert_eq!(article.tags, ["budget", "test"]);
    // The title is kept as text (the front end shows it as text, never as markup).
    assert!(article.title.contains("<script>"));

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
    assert_eq!(article.title, "Budget approved");
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

#[tokio::test]
async fn reads_carry_etags_and_answer_304() {
    let site = TestSite::new().await;
    let response = site.get("/api/v1/categories").await;
    let etag = response.headers()[header::ETAG]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(response.headers()[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("max-age"));
    let again = site
        .request(
            Request::get("/api/v1/categories")
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert!(body_bytes(again).await.is_empty());
    let compressed = site
        .request(
            Request::get("/api/v1/articles")
                .header(header::ACCEPT_ENCODING, "br")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(compressed.headers()[header::CONTENT_ENCODING], "br");
}

#[tokio::test]
async fn unknown_paths_and_methods_are_json_errors_under_api() {
    let site = TestSite::new().await;
    assert_json_error(
        site.get("/api/v1/nothing-here").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let put = site
        .send_json("PUT", "/api/v1/articles", None, &json!({}))
        .await;
    assert_json_error(put, StatusCode::METHOD_NOT_ALLOWED).await;
    let openapi: Value = site.get_json("/api/openapi.json").await;
    assert!(openapi["paths"]["/api/v1/articles/{slug}"].is_object());
    assert!(openapi["components"]["schemas"]["Block"].is_object());
    assert_eq!(site.get("/healthz").await.status(), StatusCode::OK);
}

const SHELL: &str = "<!doctype html><html lang=\"en\"><head><title>Gazette</title>\
    <script type=\"module\">import init from '/app-0123456789abcdef.js'; init();</script></head>\
    <body></body></html>";

#[tokio::test]
async fn the_shell_carries_per_page_meta_and_a_strict_csp() {
    let site = TestSite::with_dist(Some(SHELL)).await;
    let response = site.get(&format!("/article/{MEXICO}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-cache");
    let html = body_text(response).await;
    assert!(html.contains("<title>Mexico"), "{html}");
    assert!(html.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"https://gazette.test/article/{MEXICO}\">"
    )));
    assert!(html.contains("hreflang=\"ru\" href=\"https://gazette.test/ru/article/"));
    assert!(html.contains("\"@type\":\"NewsArticle\""));
    assert!(html.contains("og:image\" content=\"https://gazette.test/media/stories/"));
    assert!(html.contains(&format!(
        "<link rel=\"preload\" href=\"/api/v1/articles/{MEXICO}?lang=en\""
    )));
    // The first screen, static HTML at the start of the body, for this address only.
    assert!(html.contains(&format!(
        "<body><div id=\"first-screen\" class=\"first-screen\" data-path=\"/article/{MEXICO}\""
    )));
    assert!(html.contains(
        "<p class=\"article__title\">Mexico and Azerbaijan mark 33 years of diplomatic relations</p>"
    ));
    let home = body_text(site.get("/").await).await;
    assert!(home.contains("data-path=\"/\""), "{home}");
    assert!(home.contains("class=\"card card--lead\""));
    let search = body_text(site.get("/search?q=x").await).await;
    assert!(!search.contains("first-screen"));

    let ru = body_text(site.get("/ru/category/politics").await).await;
    assert!(ru.starts_with("<!doctype html><html lang=\"ru\""));
    assert!(ru.contains("<title>Политика — Gazette</title>"));

    let missing = site.get("/article/no-such-story").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(body_text(missing).await.contains("noindex"));
    assert_eq!(
        site.get("/missing.js").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(site.get("/search?q=x").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn hostile_titles_cannot_break_out_of_the_head_or_the_first_screen() {
    let site = TestSite::with_dist(Some(SHELL)).await;
    let created = site
        .send_json(
            "POST",
            "/api/v1/admin/articles",
            Some(TOKEN),
            &hostile_article(),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let html = body_text(site.get("/article/hostile-test").await).await;
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("&lt;/title&gt;&lt;script&gt;alert"));
    assert!(!html.contains("</title><script>"));
    assert!(html.contains(
        "<p class=\"article__title\">&lt;/title&gt;&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; Budget</p>"
    ));
    assert!(html.contains("<p class=\"article__lead\">A lead &lt;b&gt;with&lt;/b&gt; markup</p>"));
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_precompressed() {
    let site = TestSite::with_dist(Some(SHELL)).await;
    let response = site
        .request(
            Request::get("/app-0123456789abcdef.js")
                .header(header::ACCEPT_ENCODING, "br, gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(body_bytes(response).await, b"brotli bytes");
}

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

/// Sends one raw HTTP/1.1 request over TCP and returns the response text.
async fn raw_http(address: std::net::SocketAddr, request: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    response
}

async fn stored_views(database: &Path) -> i64 {
    let pool = gazette_server::db::connect(database).await.unwrap();
    let views = sqlx::query_scalar("SELECT views FROM articles WHERE slug = ?1")
        .bind(MEXICO)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    views
}

#[tokio::test]
async fn counted_views_are_flushed_on_graceful_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("gazette.db");
    let state = AppState::new(Config::for_tests(database.clone()))
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(gazette_server::serve_on(listener, state, async {
        let _ = stopped.await;
    }));
    for visitor in ["one", "two", "three"] {
        let response = raw_http(
            address,
            &format!(
                "POST /api/v1/articles/{MEXICO}/views HTTP/1.1\r\nHost: x\r\nx-gazette-visitor: {visitor}\r\n\
                 Content-Length: 0\r\nConnection: close\r\n\r\n"
            ),
        )
        .await;
        assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    }
    // The flush interval in tests is an hour: nothing is stored until shutdown.
    assert_eq!(stored_views(&database).await, 0);
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
    assert_eq!(stored_views(&database).await, 3);
}
