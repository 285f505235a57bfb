//! The OpenAPI 3 document of the contract, generated from the handlers and the shared types,
//! served at `/api/openapi.json`: the source of truth for any backend that drives the front end.

use axum::routing::get;
use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::admin::{
    articles as admin_articles, categories as admin_categories, images as admin_images,
    tags as admin_tags,
};
use super::{articles, categories, search, site, tags, views};
use crate::state::AppState;

/// The contract's OpenAPI document, from the handlers' `#[utoipa::path]` attributes.
#[derive(OpenApi)]
#[openapi(
    info(title = "Gazette API", version = "1", description = "The JSON contract of the Gazette news front end. Errors are `{ \"error\": { \"code\", \"message\" } }` with a 4xx status for bad input."),
    paths(
        site::site_info,
        categories::list_categories, categories::get_category,
        articles::list_articles, articles::get_article, articles::related_articles,
        articles::most_read, views::count_view,
        search::search, tags::get_tag,
        admin_articles::create_article, admin_articles::update_article,
        admin_articles::unpublish_article, admin_articles::delete_article,
        admin_categories::put_category, admin_categories::delete_category,
        admin_tags::put_tag, admin_images::upload_image,
    ),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

/// The OpenAPI document as served.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// Declares the editor endpoints' bearer token scheme.
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The route of the OpenAPI document.
pub fn router() -> Router<AppState> {
    Router::new().route(
        "/api/openapi.json",
        get(|| async { axum::Json(ApiDoc::openapi()) }),
    )
}
