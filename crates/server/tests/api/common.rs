//! What every test file shares: a test site on its own SQLite file, filled with the demo
//! content as on first start, request helpers, and the contract's error shape.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use gazette_server::{app, AppState, Config};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tempfile::TempDir;
use tower::ServiceExt;

/// The demo article most tests read (it has Russian and Armenian translations).
pub const MEXICO: &str = "mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations";
/// The editor token of the test configuration.
pub const TOKEN: &str = "test-token";

/// A running application on its own database file (removed with the site).
pub struct TestSite {
    _dir: TempDir,
    pub state: AppState,
}

impl TestSite {
    /// A site with the demo content and no built front end.
    pub async fn new() -> TestSite {
        TestSite::with_dist(None).await
    }

    /// A site whose front end is a minimal built `index.html` with an inline boot script.
    pub async fn with_dist(index_html: Option<&str>) -> TestSite {
        TestSite::configured(index_html, |_, _| {}).await
    }

    /// A site whose test configuration `adjust` changes first; it gets the site's folder.
    pub async fn configured(
        index_html: Option<&str>,
        adjust: impl FnOnce(&mut Config, &std::path::Path),
    ) -> TestSite {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = test_config(&dir);
        adjust(&mut config, dir.path());
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

    /// The whole application, as `serve` runs it.
    pub fn app(&self) -> Router {
        app(self.state.clone())
    }

    /// Sends one request through the application, without a socket.
    pub async fn request(&self, request: Request<Body>) -> Response {
        self.app().oneshot(request).await.expect("response")
    }

    /// `GET uri`.
    pub async fn get(&self, uri: &str) -> Response {
        self.request(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    /// `GET uri`, which must answer 200 with the contract's JSON.
    pub async fn get_json<T: serde::de::DeserializeOwned>(&self, uri: &str) -> T {
        let response = self.get(uri).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {uri}");
        serde_json::from_slice(&body_bytes(response).await).expect("contract JSON")
    }

    /// Sends `body` as JSON with `method`, with the editor token when given.
    pub async fn send_json(
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

/// The test configuration with its database in `dir`.
pub fn test_config(dir: &TempDir) -> Config {
    Config::for_tests(dir.path().join("gazette.db"))
}

/// The whole body of a response.
pub async fn body_bytes(response: Response) -> Vec<u8> {
    response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec()
}

/// The whole body of a response as text.
pub async fn body_text(response: Response) -> String {
    String::from_utf8(body_bytes(response).await).expect("utf-8")
}

/// Asserts a 4xx JSON error in the contract's shape and returns its message.
pub async fn assert_json_error(response: Response, status: StatusCode) -> String {
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

/// An article whose title, lead and body try every way to inject script.
pub fn hostile_article() -> Value {
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

/// A minimal built `index.html` with an inline boot script.
pub const SHELL: &str = "<!doctype html><html lang=\"en\"><head><title>Gazette</title>\
    <script type=\"module\">import init from '/app-0123456789abcdef.js'; init();</script></head>\
    <body></body></html>";
