//! What every API answer shares: ETags and 304s, compression, JSON errors.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::{json, Value};

use crate::common::{assert_json_error, body_bytes, TestSite};

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

#[tokio::test]
async fn a_path_segment_longer_than_any_file_name_is_a_404_not_a_500() {
    let site = TestSite::with_dist(Some(
        "<html><head><title>t</title></head><body></body></html>",
    ))
    .await;
    let long = "a".repeat(300);
    for path in [
        format!("/{long}"),
        format!("/{long}.js"),
        format!("/x/{long}/y"),
    ] {
        let response = site.get(&path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_json_and_the_security_headers() {
    let site = TestSite::new().await;
    let too_large = 10 * 1024 * 1024;
    let request = Request::post("/api/v1/admin/articles")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, too_large.to_string())
        .body(Body::from(vec![b' '; too_large]))
        .unwrap();
    let response = site.request(request).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert_eq!(response.headers()["x-frame-options"], "DENY");
    let message = assert_json_error(response, StatusCode::PAYLOAD_TOO_LARGE).await;
    assert!(message.contains("larger than"), "{message}");
}

#[tokio::test]
async fn the_health_check_reports_the_database() {
    let site = TestSite::new().await;
    let healthy = site.get("/healthz").await;
    assert_eq!(healthy.status(), StatusCode::OK);
    assert_eq!(body_bytes(healthy).await, b"ok");
    site.state.store.close().await;
    assert_eq!(
        site.get("/healthz").await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
}

#[tokio::test]
async fn an_overlong_address_or_huge_headers_get_a_json_error_with_the_security_headers() {
    let site = TestSite::new().await;
    let long_search = format!(
        "/api/v1/search?q={}",
        "a".repeat(gazette_server::MAX_URI_BYTES)
    );
    let response = site.get(&long_search).await;
    assert_eq!(
        response.headers()[header::X_CONTENT_TYPE_OPTIONS],
        "nosniff"
    );
    assert!(response
        .headers()
        .contains_key(header::CONTENT_SECURITY_POLICY));
    let message = assert_json_error(response, StatusCode::URI_TOO_LONG).await;
    assert!(message.contains("longer than"), "{message}");

    let huge_headers = Request::get("/api/v1/site")
        .header(
            "x-filler-1",
            "b".repeat(gazette_server::MAX_HEADER_BYTES / 2),
        )
        .header(
            "x-filler-2",
            "b".repeat(gazette_server::MAX_HEADER_BYTES / 2),
        )
        .body(Body::empty())
        .unwrap();
    let response = site.request(huge_headers).await;
    assert_eq!(response.headers()[header::X_FRAME_OPTIONS], "DENY");
    let message = assert_json_error(response, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE).await;
    assert!(message.contains("headers"), "{message}");

    // A long path segment is a plain 404, not a server error.
    let response = site
        .get(&format!("/api/v1/articles/{}", "s".repeat(300)))
        .await;
    assert_json_error(response, StatusCode::NOT_FOUND).await;
    // Just under the limits is read normally.
    let response = site
        .get(&format!("/api/v1/search?q={}", "a".repeat(200)))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

/// `GET uri`, with `X-Forwarded-Proto: proto` when given.
async fn get_forwarded(
    site: &TestSite,
    uri: &str,
    proto: Option<&str>,
) -> axum::response::Response {
    let mut request = Request::get(uri.to_owned());
    if let Some(proto) = proto {
        request = request.header("x-forwarded-proto", proto);
    }
    site.request(request.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn every_answer_refuses_unused_browser_features_and_hsts_follows_a_trusted_https_proxy() {
    let direct = TestSite::with_dist(Some(crate::common::SHELL)).await;
    let proxied = TestSite::configured(None, |config, _| config.behind_proxy = true).await;
    for uri in ["/api/v1/site", "/", "/api/v1/nothing-here", "/robots.txt"] {
        let response = get_forwarded(&direct, uri, Some("https")).await;
        let policy = response.headers()["permissions-policy"].to_str().unwrap();
        assert!(
            policy.contains("camera=()") && policy.contains("geolocation=()"),
            "{uri}: {policy}"
        );
        // Not behind a trusted proxy: anyone can send the header, so it means nothing.
        assert!(
            !response
                .headers()
                .contains_key(header::STRICT_TRANSPORT_SECURITY),
            "{uri}"
        );
    }
    let over_https = get_forwarded(&proxied, "/api/v1/site", Some("https")).await;
    assert_eq!(
        over_https.headers()[header::STRICT_TRANSPORT_SECURITY],
        gazette_server::STRICT_TRANSPORT_SECURITY
    );
    // The proxy's own entry is the last one; a client's "https" before it changes nothing.
    for proto in [Some("http"), Some("https, http"), None] {
        let response = get_forwarded(&proxied, "/api/v1/site", proto).await;
        assert!(
            !response
                .headers()
                .contains_key(header::STRICT_TRANSPORT_SECURITY),
            "{proto:?}"
        );
    }
}

#[tokio::test]
async fn a_front_end_on_another_origin_passes_the_preflight_for_every_header_it_sends() {
    let origin = "https://front.example";
    let site = TestSite::configured(None, |config, _| {
        config.cors_origins = vec![origin.to_owned()];
    })
    .await;
    for (method, uri, asked) in [
        ("GET", "/api/v1/articles", "content-type"),
        // Live updates ask again with the ETag of the answer they have.
        ("GET", "/api/v1/articles?lang=en", "if-none-match"),
        (
            "POST",
            "/api/v1/articles/x/views",
            gazette_api_types::VISITOR_HEADER,
        ),
        (
            "PUT",
            "/api/v1/admin/articles/en/x",
            "authorization, content-type",
        ),
        ("DELETE", "/api/v1/admin/articles/en/x", "authorization"),
    ] {
        let preflight = Request::options(uri)
            .header("origin", origin)
            .header("access-control-request-method", method)
            .header("access-control-request-headers", asked)
            .body(Body::empty())
            .unwrap();
        let response = site.request(preflight).await;
        assert!(response.status().is_success(), "{method} {uri}");
        let headers = response.headers();
        assert_eq!(headers["access-control-allow-origin"], origin);
        let methods = headers["access-control-allow-methods"].to_str().unwrap();
        assert!(methods.contains(method), "{methods}");
        let allowed = headers["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .to_ascii_lowercase();
        for header in asked.split(", ") {
            assert!(allowed.contains(header), "{header} not in {allowed}");
        }
    }
    // The ETag of an answer is readable there, for the next conditional request.
    let read = Request::get("/api/v1/breaking?lang=en")
        .header("origin", origin)
        .body(Body::empty())
        .unwrap();
    let response = site.request(read).await;
    assert_eq!(response.status(), 200);
    assert!(response.headers().contains_key("etag"));
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(exposed.contains("etag"), "{exposed}");
    // Another origin gets no permission to read.
    let stranger = Request::options("/api/v1/articles")
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "GET")
        .body(Body::empty())
        .unwrap();
    let response = site.request(stranger).await;
    assert!(!response
        .headers()
        .contains_key("access-control-allow-origin"));
}
