//! The category reads.

use axum::http::StatusCode;
use gazette_api_types::CategoryList;

use crate::common::{assert_json_error, TestSite};

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
