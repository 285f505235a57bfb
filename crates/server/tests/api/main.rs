//! Integration tests of the whole HTTP application against a real SQLite database per test
//! (a temporary file, migrated and filled with the demo content, as on first start), one
//! file per topic; [`common`] has the test site and the helpers.

mod admin;
mod articles;
mod categories;
mod common;
mod errors_and_caching;
mod feeds;
mod first_screen;
mod openapi;
mod search;
mod shell;
mod site;
mod views;
