//! Routed pages, one component per file. Each reads the app-wide contexts through `state`,
//! fetches its own data through `api` and shows it through `components::ResourceView`.

mod article;
mod category;
mod home;
mod not_found;
mod saved;
mod search;

pub use article::ArticlePage;
pub use category::CategoryPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use saved::SavedPage;
pub use search::SearchPage;
