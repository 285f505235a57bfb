//! Integration tests of the whole HTTP application against a real database per test (a
//! temporary SQLite file, or a new database on the PostgreSQL server `GAZETTE_TEST_POSTGRES`
//! names; migrated and filled with the demo content, as on first start), one file per topic;
//! [`common`] has the test site and the helpers.

mod admin;
mod articles;
mod breaking;
mod categories;
mod common;
mod connections;
mod crash;
mod errors_and_caching;
mod feeds;
mod first_screen;
mod images;
mod limits;
mod openapi;
mod replicas;
mod response_cache;
mod search;
mod shell;
mod site;
mod storage;
mod tags;
mod views;
