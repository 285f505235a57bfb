//! The site's sections (`GET /api/v1/categories`, `GET /api/v1/categories/{slug}`) and the
//! tags that label articles across sections (`GET /api/v1/tags/{slug}`).

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// A news category (section) of the site: `GET /api/v1/categories`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Category {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub position: i64,
}

/// The list of categories, in navigation order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CategoryList {
    pub items: Vec<Category>,
}

/// Just enough of a category to label and link an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CategoryRef {
    pub slug: String,
    pub name: String,
}

/// A tag of an article, named in the article's language: `GET /api/v1/tags/{slug}`. The slug
/// is the same in every language (it is the tag page's address); the name is what readers see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Tag {
    pub slug: String,
    pub name: String,
}
