//! Article pictures on the server: the picture work of [`gazette_pictures`] (checking,
//! variants, previews, demo art), re-exported here, and the [`store`] the files live in.

pub mod store;

pub use gazette_pictures::*;
