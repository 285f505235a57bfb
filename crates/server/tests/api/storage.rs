//! Start-up against the database: what `--database` accepts, and an unreachable server.

use gazette_server::{AppState, Config};

use crate::common::TestSite;

#[tokio::test]
async fn a_database_that_is_neither_sqlite_nor_postgres_is_a_clear_start_error() {
    let dir = tempfile::tempdir().unwrap();
    for url in [
        "mysql://root@127.0.0.1/news",
        "postgre://db/news",
        "sqlite:",
    ] {
        let error = match AppState::new(Config::for_tests(url)).await {
            Ok(_) => panic!("{url} was accepted"),
            Err(error) => error.to_string(),
        };
        assert!(
            error.contains("postgres://") || error.contains("SQLite"),
            "{url}: {error}"
        );
    }
    // Nothing was created in the working directory or the test's folder.
    assert!(!std::path::Path::new("mysql:").exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn an_unreachable_postgres_is_retried_then_reported() {
    // Nothing listens on port 9 of the loopback: every attempt is refused at once.
    let mut config = Config::for_tests("postgres://gazette@127.0.0.1:9/gazette");
    config.database_connect_retry_secs = 1;
    let started = std::time::Instant::now();
    let error = match AppState::new(config).await {
        Ok(_) => panic!("a database nobody serves was opened"),
        Err(error) => error.to_string(),
    };
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(900),
        "retried for a second"
    );
    assert!(
        error.contains("cannot open database postgres://gazette@127.0.0.1:9/gazette"),
        "{error}"
    );
}

#[tokio::test]
async fn a_second_start_on_the_same_database_loads_nothing_twice() {
    let site = TestSite::new().await;
    let again = AppState::new(site.state.config.as_ref().clone())
        .await
        .expect("a second start");
    let first: gazette_api_types::ArticleList = site.get_json("/api/v1/articles?limit=50").await;
    let second = gazette_server::app(again);
    let response = tower::ServiceExt::oneshot(
        second,
        axum::http::Request::get("/api/v1/articles?limit=50")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
    .unwrap();
    let list: gazette_api_types::ArticleList =
        serde_json::from_slice(&crate::common::body_bytes(response).await).unwrap();
    assert_eq!(first.items.len(), list.items.len());
}
