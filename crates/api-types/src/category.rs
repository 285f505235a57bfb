//! The site's sections: `GET /api/v1/categories` and `GET /api/v1/categories/{slug}`.

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
