//! A short list of cards from one request (most read, related news, a category block) with
//! its own loading skeleton, error view with Retry, and empty state.

use gazette_api_types::{ArticlePage, Lang};
use leptos::prelude::*;

use super::{ArticleCard, CardSize, CardsSkeleton, ErrorView};
use crate::api::ApiError;
use crate::i18n::t;

/// The cards of `resource`, once it has loaded.
#[component]
pub fn ArticleList(
    resource: LocalResource<Result<ArticlePage, ApiError>>,
    lang: Lang,
    #[prop(into)] time_zone: Signal<String>,
    size: CardSize,
    /// Placeholder cards while loading.
    skeletons: usize,
) -> impl IntoView {
    let body = move || {
        let Some(result) = resource.get() else {
            return view! { <CardsSkeleton count=skeletons lang=lang /> }.into_any();
        };
        match result {
            Ok(page) if page.items.is_empty() => {
                view! { <p class="list__empty">{t(lang).empty_list}</p> }.into_any()
            }
            Ok(page) => page
                .items
                .into_iter()
                .map(|article| {
                    view! { <ArticleCard article=article time_zone=time_zone size=size /> }
                })
                .collect_view()
                .into_any(),
            Err(error) => view! {
                <ErrorView error=error lang=lang on_retry=move || resource.refetch() />
            }
            .into_any(),
        }
    };
    let class = if size == CardSize::Compact {
        "list list--compact"
    } else {
        "list"
    };
    view! { <div class=class>{body}</div> }
}
