//! The OpenAPI 3 document of the contract, generated from the handlers and the shared types,
//! served at `/api/openapi.json`: the source of truth for any backend that drives the front end.

use axum::routing::get;
use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{admin, articles, categories, search, site};
use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(title = "Gazette API", version = "1", description = "The JSON contract of the Gazette news front end. Errors are `{ \"error\": { \"code\", \"message\" } }` with a 4xx status for bad input."),
    paths(
        site::site_info,
        categories::list_categories, categories::get_category,
        articles::list_articles, articles::get_article, articles::related_articles,
        articles::most_read, articles::count_view,
        search::search,
        admin::create_article, admin::update_article, admin::unpublish_article, admin::delete_article,
        admin::put_category, admin::delete_category,
    ),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

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

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/api/openapi.json",
        get(|| async { axum::Json(ApiDoc::openapi()) }),
    )
}
