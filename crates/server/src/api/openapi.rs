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
        articles::most_read, articles::breaking_news, views::count_view,
        search::search, tags::get_tag,
        admin_articles::create_article, admin_articles::update_article,
        admin_articles::unpublish_article, admin_articles::delete_article,
        admin_categories::put_category, admin_categories::delete_category,
        admin_tags::put_tag, admin_images::upload_image,
    ),
    modifiers(&BearerAuth, &ErrorAnswers),
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

/// Lists the error answers every operation can give by its shape, so no answer the server
/// sends is missing from the document: 400 (a parameter or body the server cannot read) on
/// operations with parameters or a body; 413 (too large) and 415 (not JSON) on JSON bodies;
/// 401 (no or wrong token) on the editor's operations; 503 (the database cannot serve now)
/// on every operation. The handlers list the rest.
struct ErrorAnswers;

impl Modify for ErrorAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let error = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ErrorBody")))
                        .build(),
                )
                .build()
        };
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
            ];
            for operation in operations {
                let Some(operation) = operation else { continue };
                let has_parameters = operation.parameters.as_ref().is_some_and(|p| !p.is_empty());
                let json_body = operation
                    .request_body
                    .as_ref()
                    .is_some_and(|body| body.content.contains_key("application/json"));
                let secured = operation.security.as_ref().is_some_and(|s| !s.is_empty());
                let mut answers = Vec::new();
                if has_parameters || operation.request_body.is_some() {
                    answers.push(("400", "a parameter or the body cannot be read"));
                }
                if json_body {
                    answers.push(("413", "the body is larger than the server accepts"));
                    answers.push((
                        "415",
                        "the body is not JSON (Content-Type: application/json)",
                    ));
                }
                if secured {
                    answers.push(("401", "no editor token, or a wrong one"));
                }
                answers.push((
                    "503",
                    "the database cannot do this now (full or read-only disk, restarting); \
                     try again after Retry-After seconds",
                ));
                for (status, description) in answers {
                    operation
                        .responses
                        .responses
                        .entry(status.to_owned())
                        .or_insert_with(|| error(description).into());
                }
            }
        }
    }
}

/// The route of the OpenAPI document.
pub fn router() -> Router<AppState> {
    Router::new().route(
        "/api/openapi.json",
        get(|| async { axum::Json(ApiDoc::openapi()) }),
    )
}
