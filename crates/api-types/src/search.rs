//! Search: `GET /api/v1/search`, results with the matched parts marked.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::{is_false, ArticleSummary};

/// Part of a search snippet; `hit` parts matched the query and are shown highlighted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SnippetPart {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub hit: bool,
}

/// One search result: the article and where the query matched.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub title: Vec<SnippetPart>,
    pub snippet: Vec<SnippetPart>,
}

/// One page of search results: `GET /api/v1/search`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SearchResults {
    pub items: Vec<SearchHit>,
    pub next_cursor: Option<String>,
}
