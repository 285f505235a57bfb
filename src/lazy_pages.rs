//! The routed pages behind split points: in the split release build (cargo feature `split`,
//! see `crates/splitter`) each page's view, and everything only it uses, is a WebAssembly
//! chunk loaded when the reader first opens such a page; the main module keeps the framework,
//! the router, the API client and the layout. Without the feature (development, browser tests)
//! the same routes render the pages directly.
//!
//! A chunk that cannot be fetched (network gone, a deploy removed it) shows the error view,
//! whose Retry loads the page again, instead of stopping the app: the split points are
//! `fallible`, so a failed load is an `Err`, not a panic.
//!
//! The split names (`home_page`, …) are what the build's `split-manifest.json` lists and the
//! server preloads with each page: [`gazette_api_types::routes::Route::split_name`].

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::api::ApiError;
use crate::components::ErrorView;
use crate::state::use_page_lang;

/// Why a page's chunk is missing: it could not be fetched or instantiated.
pub struct ChunkUnavailable;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> ChunkUnavailable {
        ChunkUnavailable
    }
}

/// What the reader sees when a page's chunk did not load: the network error, and Retry,
/// which loads the page again (the browser or the service worker then serves the chunk).
fn chunk_error() -> AnyView {
    let lang = use_page_lang();
    // The server's first screen would otherwise stay over the error.
    crate::browser::reveal_page();
    view! { <ErrorView error=ApiError::Network lang=lang on_retry=crate::browser::reload /> }
        .into_any()
}

/// Defines a route type whose view is `$page`, split into the chunk `$split` when the
/// `split` feature is on.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident, $split:ident, $page:ident) => {
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                // The app's frame (router, layout) is built in the task that started the
                // app; the page's chunks and view come in the next one, not in one long task.
                crate::browser::next_task().await;
                #[cfg_attr(
                    feature = "split",
                    leptos::wasm_split::wasm_split(
                        $split,
                        wasm_split_path = ::leptos::wasm_split,
                        fallible
                    )
                )]
                fn $split() -> Result<AnyView, ChunkUnavailable> {
                    use crate::pages::$page;
                    Ok(view! { <$page /> }.into_any())
                }
                #[cfg(feature = "split")]
                let loaded = $split().await;
                #[cfg(not(feature = "split"))]
                let loaded = $split();
                loaded.unwrap_or_else(|ChunkUnavailable| chunk_error())
            }
        }
    };
}

lazy_page!(
    /// The front page (`/`, `/ru`, `/hy`).
    HomeRoute, home_page, HomePage
);
lazy_page!(
    /// A section's page, and a tag's (the same list page; one chunk for both).
    CategoryRoute, category_page, CategoryPage
);
lazy_page!(
    /// An article.
    ArticleRoute, article_page, ArticlePage
);
lazy_page!(
    /// Search results.
    SearchRoute, search_page, SearchPage
);
lazy_page!(
    /// The reader's saved articles.
    SavedRoute, saved_page, SavedPage
);
