//! What every test file shares: a test site on its own database, filled with the demo
//! content as on first start, request helpers, and the contract's error shape.
//!
//! The database is a SQLite file in a temporary folder, or, when `GAZETTE_TEST_POSTGRES`
//! names a PostgreSQL server (`make test` starts a throwaway cluster and runs this suite a
//! second time with it), a new database on that server: the same tests run on both backends.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use axum::Router;
use gazette_server::db::Location;
use gazette_server::{app, AppState, Config};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use sqlx::{AnyConnection, Connection, Executor, PgConnection};
use std::sync::atomic::{AtomicU32, Ordering};
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
        let mut config = test_config(&dir).await;
        adjust(&mut config, dir.path());
        if let Some(html) = index_html {
            let dist = dir.path().join("dist");
            std::fs::create_dir_all(&dist).unwrap();
            std::fs::write(dist.join("index.html"), html).unwrap();
            std::fs::write(dist.join("app-0123456789abcdef.js"), "console.log('app')").unwrap();
            std::fs::write(dist.join("app-0123456789abcdef.js.br"), b"brotli bytes").unwrap();
            config.dist = dist;
            config.api_only = false;
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

    /// `GET uri`, which must answer 200 with the contract's JSON. The front end's reader
    /// (`gazette_api_types::json`) must read every answer the same as `serde_json`: so every
    /// answer of the suite, on SQLite and on PostgreSQL, checks it.
    pub async fn get_json<T>(&self, uri: &str) -> T
    where
        T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let response = self.get(uri).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {uri}");
        let body = body_bytes(response).await;
        let value: T = serde_json::from_slice(&body).expect("contract JSON");
        let text = std::str::from_utf8(&body).expect("UTF-8 JSON");
        let read_by_front_end = gazette_api_types::json::from_str::<T>(text);
        assert_eq!(
            read_by_front_end.as_ref(),
            Ok(&value),
            "the front end's reader, GET {uri}"
        );
        value
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

/// The test configuration with a new empty database: a file in `dir`, or a database on the
/// PostgreSQL server of `GAZETTE_TEST_POSTGRES`.
pub async fn test_config(dir: &TempDir) -> Config {
    let mut config = Config::for_tests(new_database(dir).await);
    config.media_dir = Some(dir.path().join("media"));
    config
}

/// The PostgreSQL server the suite runs on (`postgres://user@host:port`), if any.
pub fn postgres_server() -> Option<String> {
    std::env::var("GAZETTE_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.is_empty())
        .map(|url| url.trim_end_matches('/').to_owned())
}

/// A new empty database for one test: a SQLite path in `dir`, or a PostgreSQL URL.
pub async fn new_database(dir: &TempDir) -> String {
    let Some(server) = postgres_server() else {
        return dir.path().join("gazette.db").display().to_string();
    };
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "gazette_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = PgConnection::connect(&format!("{server}/postgres"))
        .await
        .expect("connect to the test PostgreSQL server (GAZETTE_TEST_POSTGRES)");
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("create a test database");
    admin.close().await.ok();
    format!("{server}/{name}")
}

/// One number from the site's database by SQL (`$1` bound to `text`), read over a
/// connection of the test's own, to check what is stored.
pub async fn stored_number(config: &Config, sql: &str, text: &str) -> i64 {
    let mut connection = AnyConnection::connect(&database_url(config))
        .await
        .expect("connect");
    let number = sqlx::query_scalar(sql)
        .bind(text)
        .fetch_one(&mut connection)
        .await
        .expect("query");
    connection.close().await.ok();
    number
}

/// Runs one SQL statement (`$1` bound to `text`) on the site's database over a connection
/// of the test's own: a change the server does not know about.
pub async fn execute_sql(config: &Config, sql: &str, text: &str) {
    let mut connection = AnyConnection::connect(&database_url(config))
        .await
        .expect("connect");
    sqlx::query(sql)
        .bind(text)
        .execute(&mut connection)
        .await
        .expect("statement");
    connection.close().await.ok();
}

/// The URL of the test site's database, for a connection of the test's own.
fn database_url(config: &Config) -> String {
    sqlx::any::install_default_drivers();
    match config.location().expect("test database") {
        Location::Sqlite(path) => format!("sqlite://{}", path.display()),
        Location::Postgres(url) => url,
    }
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

/// Sends one raw HTTP/1.1 request over TCP and returns the response text.
pub async fn raw_http(address: std::net::SocketAddr, request: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    response
}
