//! Full-text search: hits, highlighting, hostile queries, paging.

use std::collections::HashSet;

use axum::http::StatusCode;
use gazette_api_types::SearchResults;

use crate::common::{assert_json_error, TestSite, MEXICO};

#[tokio::test]
async fn search_finds_and_highlights_and_survives_hostile_queries() {
    let site = TestSite::new().await;
    let page: SearchResults = site.get_json("/api/v1/search?q=Mexico%20embassy").await;
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

    let ru: SearchResults = site
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
        "a%20%26%20%21b",
        "%3A*%20%7C%20x",
        "%27%3B%20DROP%20TABLE%20articles%3B--",
        "%5C",
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

    // Paging search results: no duplicates across pages. (A content word: PostgreSQL's
    // English configuration drops stop words such as "the".)
    let first: SearchResults = site.get_json("/api/v1/search?q=azerbaijan&limit=5").await;
    let cursor = first.next_cursor.clone().expect("more results");
    let second: SearchResults = site
        .get_json(&format!(
            "/api/v1/search?q=azerbaijan&limit=5&cursor={cursor}"
        ))
        .await;
    let first_slugs: HashSet<_> = first.items.iter().map(|hit| &hit.article.slug).collect();
    assert!(second
        .items
        .iter()
        .all(|hit| !first_slugs.contains(&hit.article.slug)));
}
