//! View counting: once per reader, visible before the fold, folded on shutdown.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use gazette_api_types::{Article, ArticleList, ViewCount, VISITOR_HEADER};
use gazette_server::{AppState, Config};

use crate::common::{
    assert_json_error, body_bytes, raw_http, stored_number, test_config, TestSite, MEXICO,
};

#[tokio::test]
async fn views_are_counted_once_per_reader_and_lead_most_read() {
    let site = TestSite::new().await;
    let view = |visitor: &'static str| {
        Request::post(format!("/api/v1/articles/{MEXICO}/views"))
            .header(VISITOR_HEADER, visitor)
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

    assert_eq!(stored_views(&site.state.config).await, 0, "not folded yet");
    gazette_server::content::views::flush(&site.state.store)
        .await
        .unwrap();
    assert_eq!(stored_views(&site.state.config).await, 2);
    let article: Article = site.get_json(&format!("/api/v1/articles/{MEXICO}")).await;
    assert_eq!(article.views, 2, "folded views are not counted twice");
    let most_read: ArticleList = site.get_json("/api/v1/most-read").await;
    let slugs = |list: &ArticleList| -> Vec<String> {
        list.items.iter().map(|item| item.slug.clone()).collect()
    };
    assert_eq!(slugs(&most_read), [MEXICO], "only what was read this week");

    // A week is today and the six days before: views of six days ago count for it, views of
    // seven days ago only for a longer window.
    let latest: ArticleList = site.get_json("/api/v1/articles?limit=3").await;
    let others: Vec<String> = latest
        .items
        .iter()
        .map(|item| item.slug.clone())
        .filter(|slug| slug != MEXICO)
        .take(2)
        .collect();
    let today = gazette_server::content::views::today();
    for (slug, days_ago, views) in [(&others[0], 7, 1000), (&others[1], 6, 500)] {
        let inserted = stored_number(
            &site.state.config,
            &format!(
                "INSERT INTO article_daily_views (article_id, day, views)
                 SELECT id, {}, {views} FROM articles WHERE slug = $1 AND lang = 'en'
                 RETURNING views",
                today - days_ago
            ),
            slug,
        )
        .await;
        assert_eq!(inserted, views);
    }
    let week: ArticleList = site.get_json("/api/v1/most-read?days=7").await;
    assert_eq!(slugs(&week), [others[1].clone(), MEXICO.to_owned()]);
    let default: ArticleList = site.get_json("/api/v1/most-read").await;
    assert_eq!(slugs(&default), slugs(&week), "a week unless asked");
    let eight_days: ArticleList = site.get_json("/api/v1/most-read?days=8").await;
    assert_eq!(
        slugs(&eight_days),
        [others[0].clone(), others[1].clone(), MEXICO.to_owned()]
    );
    let in_russian: ArticleList = site.get_json("/api/v1/most-read?lang=ru").await;
    assert!(
        in_russian.items.is_empty(),
        "nobody read the Russian version"
    );
    for bad in ["0", "31", "week"] {
        let message = assert_json_error(
            site.get(&format!("/api/v1/most-read?days={bad}")).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert!(message.contains("days must be"), "{message}");
    }
    let missing = site
        .request(
            Request::post("/api/v1/articles/nope/views")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_json_error(missing, StatusCode::NOT_FOUND).await;
}

/// The Mexico article's folded counter, as stored.
async fn stored_views(config: &Config) -> i64 {
    stored_number(config, "SELECT views FROM articles WHERE slug = $1", MEXICO).await
}

#[tokio::test]
async fn recorded_views_are_folded_on_graceful_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let config = test_config(&dir).await;
    let state = AppState::new(config.clone()).await.unwrap();
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
                "POST /api/v1/articles/{MEXICO}/views HTTP/1.1\r\nHost: x\r\n{VISITOR_HEADER}: {visitor}\r\n\
                 Content-Length: 0\r\nConnection: close\r\n\r\n"
            ),
        )
        .await;
        assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    }
    // The fold interval in tests is an hour: nothing is folded until shutdown.
    assert_eq!(stored_views(&config).await, 0);
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
    assert_eq!(stored_views(&config).await, 3);
}

#[tokio::test]
async fn a_front_end_on_another_origin_may_send_the_visitor_header() {
    let origin = "https://front.example";
    let site = TestSite::configured(None, |config, _| {
        config.cors_origins = vec![origin.to_owned()];
    })
    .await;
    let preflight = Request::options(format!("/api/v1/articles/{MEXICO}/views"))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", VISITOR_HEADER)
        .body(Body::empty())
        .unwrap();
    let response = site.request(preflight).await;
    assert!(response.status().is_success(), "{}", response.status());
    let headers = response.headers();
    assert_eq!(headers["access-control-allow-origin"], origin);
    let allowed = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(allowed.contains(VISITOR_HEADER), "{allowed}");
}

#[tokio::test]
async fn one_address_adds_at_most_its_daily_cap_to_an_article_whatever_reader_ids_it_sends() {
    let site = TestSite::configured(None, |config, _| {
        config.behind_proxy = true;
        config.max_views_per_address = 5;
    })
    .await;
    let view = |reader: u32, address: &str| {
        Request::post(format!("/api/v1/articles/{MEXICO}/views"))
            .header(VISITOR_HEADER, format!("made-up-reader-{reader}"))
            .header("x-forwarded-for", address)
            .body(Body::empty())
            .unwrap()
    };
    let mut last = 0;
    for reader in 0..12 {
        let response = site.request(view(reader, "198.51.100.7")).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "capped views still answer"
        );
        last = serde_json::from_slice::<ViewCount>(&body_bytes(response).await)
            .unwrap()
            .views;
    }
    assert_eq!(last, 5, "12 made-up readers from one address count 5");
    // The same reader again from that address is not a new view either way.
    let response = site.request(view(0, "198.51.100.7")).await;
    let again = serde_json::from_slice::<ViewCount>(&body_bytes(response).await).unwrap();
    assert_eq!(again.views, 5);
    // Another address has its own allowance.
    let response = site.request(view(100, "198.51.100.8")).await;
    let other = serde_json::from_slice::<ViewCount>(&body_bytes(response).await).unwrap();
    assert_eq!(other.views, 6);
    // The fold keeps the counts and forgets nothing of today.
    gazette_server::content::views::flush(&site.state.store)
        .await
        .unwrap();
    let article: Article = site.get_json(&format!("/api/v1/articles/{MEXICO}")).await;
    assert_eq!(article.views, 6);
    let response = site.request(view(200, "198.51.100.7")).await;
    let after_fold = serde_json::from_slice::<ViewCount>(&body_bytes(response).await).unwrap();
    assert_eq!(after_fold.views, 6, "the cap holds after a fold");
}
