//! One page of a list of articles with the cursor to the next page.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::ArticleSummary;

/// One page of a list with an opaque cursor to the next page (`None` at the end).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticleList {
    pub items: Vec<ArticleSummary>,
    pub next_cursor: Option<String>,
}
