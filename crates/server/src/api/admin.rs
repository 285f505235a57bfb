//! Editor writes under `/api/v1/admin`, behind the bearer token from the configuration:
//! create, update, unpublish and delete articles ([`articles`]); create, update and delete
//! categories ([`categories`]); name tags ([`tags`]); upload pictures ([`images`]). [`auth`] is the token check every write takes first.

pub mod articles;
pub mod auth;
pub mod categories;
pub mod images;
pub mod tags;

use axum::routing::{post, put};
use axum::Router;

use crate::state::AppState;

/// The editor endpoints' routes, nested under `/admin`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/articles", post(articles::create_article))
        .route(
            "/articles/{lang}/{slug}",
            put(articles::update_article).delete(articles::delete_article),
        )
        .route(
            "/articles/{lang}/{slug}/unpublish",
            post(articles::unpublish_article),
        )
        .route(
            "/categories/{slug}",
            put(categories::put_category).delete(categories::delete_category),
        )
        .route("/tags/{slug}", put(tags::put_tag))
        .route("/images", post(images::upload_image))
}
