//! Queries on articles, in four parts: the row types ([`rows`]), reads walked by index in
//! publication order ([`reads`]), full-text search ([`search`]) and editor writes
//! ([`writes`]). Rows stay rows here; turning them into the contract's types (media
//! URLs, reading time, snippet parts) is the job of `content::present`, above the database.

pub mod reads;
pub mod rows;
pub mod search;
pub mod writes;

pub use reads::{
    all_published, breaking, get, get_by_id, id_of, list, max_id, most_read, published_id, related,
    story_has_lang, story_of, with_details,
};
pub use rows::{
    ArticleRecord, ArticleRow, ListFilter, ListPosition, NewArticle, SearchRow, SummaryRow,
};
pub use search::search;
pub use writes::{delete, insert, insert_batch, unpublish, update};
