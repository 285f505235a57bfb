//! One page of a list of articles with the cursor to the next page.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::ArticleSummary;

/// How many cards a feed shows before its interlude (the front page's "Most read"): also how
/// many the server's first screen of a list page shows, so they are the same cards in the same
/// places.
pub const FEED_CARDS_BEFORE_INTERLUDE: usize = 5;

/// One page of a list with an opaque cursor to the next page (`None` at the end).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticleList {
    pub items: Vec<ArticleSummary>,
    pub next_cursor: Option<String>,
}
