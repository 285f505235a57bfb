//! The one view of a fetched resource: a loading placeholder, the error with Retry (or the
//! offline list), "not found", or the data. Pages and lists give it their own placeholder and
//! data view; the states in between look and behave the same everywhere.

use std::sync::Arc;

use gazette_api_types::Lang;
use leptos::prelude::*;

use super::{ErrorView, NotFoundView};
use crate::api::ApiError;

/// What a resource shows now: `None` while it loads, the error, or the view of its data.
pub type Loaded = Option<Result<AnyView, ApiError>>;

/// Shows `content` (re-run whenever the resource changes) in whichever state it is in.
///
/// The props are type-erased at once, so each page adds only a small shim to the WebAssembly.
#[component]
pub fn ResourceView<C, R>(
    /// The reader's language, for the error and loading texts.
    lang: Lang,
    /// Shown while the resource loads (a "Loading…" line, card skeletons).
    #[prop(into)]
    loading: ViewFn,
    /// The resource's state, its data already made into a view.
    content: C,
    /// Fetches the resource again (the error view's Retry).
    on_retry: R,
    /// A 404 shows "Page not found" instead of the error view.
    #[prop(optional)]
    not_found: bool,
    /// This is the page's main content: a network error while offline lists the articles
    /// readable offline.
    #[prop(optional)]
    offline_list: bool,
) -> impl IntoView
where
    C: Fn() -> Loaded + Send + Sync + 'static,
    R: Fn() + Send + Sync + 'static,
{
    resource_view(
        lang,
        loading,
        Arc::new(content),
        Arc::new(on_retry),
        not_found,
        offline_list,
    )
}

fn resource_view(
    lang: Lang,
    loading: ViewFn,
    content: Arc<dyn Fn() -> Loaded + Send + Sync>,
    on_retry: Arc<dyn Fn() + Send + Sync>,
    not_found: bool,
    offline_list: bool,
) -> AnyView {
    (move || match content() {
        None => loading.run(),
        Some(Ok(data)) => data,
        Some(Err(error)) if not_found && error.is_not_found() => {
            view! { <NotFoundView /> }.into_any()
        }
        Some(Err(error)) => {
            let on_retry = on_retry.clone();
            view! {
                <ErrorView error=error lang=lang on_retry=move || on_retry() offline_list=offline_list />
            }
            .into_any()
        }
    })
    .into_any()
}
