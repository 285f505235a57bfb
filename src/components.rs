//! Reusable components; they take props only and never fetch.

mod error_view;

pub use error_view::ErrorView;
