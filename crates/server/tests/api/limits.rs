//! Per-client rate limits: views, search and editor writes answer 429 with `Retry-After` and
//! the JSON error once a client has used its burst, whatever visitor ids or forwarded
//! addresses it makes up; reads are not limited; behind a trusted proxy each forwarded
//! client has its own allowance.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use gazette_api_types::VISITOR_HEADER;
use gazette_server::api::limits::{SEARCH, VIEWS, WRITES};
use tower::ServiceExt;

use crate::common::{assert_json_error, TestSite, MEXICO};

/// Sends `request` through one running application (whose limits persist between requests).
async fn send(app: &Router, request: Request<Body>) -> axum::response::Response {
    app.clone().oneshot(request).await.expect("response")
}

fn view(n: u32, forwarded_for: &str) -> Request<Body> {
    Request::post(format!("/api/v1/articles/{MEXICO}/views"))
        .header(VISITOR_HEADER, format!("made-up-reader-{n}"))
        .header("x-forwarded-for", forwarded_for)
        .body(Body::empty())
        .unwrap()
}

/// Sends requests made by `make` until one is refused; returns how many were answered
/// `expected` first, and the refusal. At most twice the burst are sent: the allowance that
/// comes back while they are sent is far smaller than the burst.
async fn until_refused(
    app: &Router,
    burst: u32,
    expected: StatusCode,
    make: impl Fn(u32) -> Request<Body>,
) -> (u32, axum::response::Response) {
    for n in 0..burst * 2 {
        let response = send(app, make(n)).await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            return (n, response);
        }
        assert_eq!(response.status(), expected, "request {n}");
    }
    panic!("no limit after {} requests", burst * 2);
}

#[tokio::test]
async fn a_client_over_its_limit_is_told_when_to_come_back() {
    let site = TestSite::new().await;
    let app = site.app();
    // A new visitor id and a new "forwarded" address per request: the same client all the same.
    let (answered, refused) = until_refused(&app, VIEWS.burst, StatusCode::OK, |n| {
        view(n, &format!("10.1.{}.{}", n / 200, n % 200))
    })
    .await;
    assert!(
        answered >= VIEWS.burst,
        "the whole burst is allowed: {answered}"
    );
    let retry_after: u64 = refused
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse().ok())
        .expect("Retry-After in seconds");
    assert!(retry_after >= 1);
    let message = assert_json_error(refused, StatusCode::TOO_MANY_REQUESTS).await;
    assert!(message.contains("try again in"), "{message}");
    // Reading is not limited.
    let article = send(
        &app,
        Request::get(format!("/api/v1/articles/{MEXICO}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(article.status(), StatusCode::OK);

    // Search has its own allowance.
    let (answered, refused) = until_refused(&app, SEARCH.burst, StatusCode::OK, |n| {
        Request::get(format!("/api/v1/search?q=oil{n}"))
            .body(Body::empty())
            .unwrap()
    })
    .await;
    assert!(answered >= SEARCH.burst, "{answered}");
    assert_json_error(refused, StatusCode::TOO_MANY_REQUESTS).await;

    // Guessing the editor token: a bounded number of tries, then 429 whatever the token.
    let (answered, refused) = until_refused(&app, WRITES.burst, StatusCode::UNAUTHORIZED, |n| {
        Request::delete(format!("/api/v1/admin/articles/en/{MEXICO}"))
            .header(header::AUTHORIZATION, format!("Bearer guess-{n}"))
            .body(Body::empty())
            .unwrap()
    })
    .await;
    assert!(answered >= WRITES.burst, "{answered}");
    assert_json_error(refused, StatusCode::TOO_MANY_REQUESTS).await;
}

#[tokio::test]
async fn behind_a_proxy_each_forwarded_client_has_its_own_allowance() {
    let site = TestSite::configured(None, |config, _| config.behind_proxy = true).await;
    let app = site.app();
    // Until refused: on a busy machine the bucket may refill one view while the burst runs.
    let (answered, _) = until_refused(&app, VIEWS.burst, StatusCode::OK, |n| {
        view(n, "203.0.113.1")
    })
    .await;
    assert!(answered >= VIEWS.burst, "{answered}");
    // The first client is over its limit, also when it writes another address before the
    // one the proxy appended; a second client behind the same proxy is not.
    let refused = send(&app, view(1000, "198.51.100.50, 203.0.113.1")).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let other = send(&app, view(1001, "203.0.113.2")).await;
    assert_eq!(other.status(), StatusCode::OK);
}

#[tokio::test]
async fn no_rate_limits_turns_them_off_for_load_tests() {
    let site = TestSite::configured(None, |config, _| config.no_rate_limits = true).await;
    let app = site.app();
    for n in 0..VIEWS.burst + 20 {
        let response = send(&app, view(n, "10.0.0.1")).await;
        assert_eq!(response.status(), StatusCode::OK, "view {n}");
    }
}
