//! A short list of cards from one request (most read, related news, a category block) with
//! its own loading skeleton, error view with Retry, and empty state.

use gazette_api_types::{ArticleList, Lang};
use leptos::prelude::*;

use super::{ArticleCard, CardSize, CardsSkeleton, ResourceView};
use crate::api::ApiError;
use crate::i18n::{t, NewsroomZone};

/// The cards of `resource`, once it has loaded.
#[component]
pub fn ArticleCards(
    /// The request the cards come from.
    resource: LocalResource<Result<ArticleList, ApiError>>,
    lang: Lang,
    /// The newsroom's time zone for card times.
    #[prop(into)]
    time_zone: Signal<NewsroomZone>,
    size: CardSize,
    /// Placeholder cards while loading.
    skeletons: usize,
) -> impl IntoView {
    let content = move || {
        resource.get().map(|result| {
            result.map(|list| {
                if list.items.is_empty() {
                    return view! { <p class="list__empty">{t(lang).empty_list}</p> }.into_any();
                }
                list.items
                    .into_iter()
                    .map(|article| {
                        view! { <ArticleCard article=article time_zone=time_zone size=size /> }
                    })
                    .collect_view()
                    .into_any()
            })
        })
    };
    let class = if size == CardSize::Compact {
        "list list--compact"
    } else {
        "list"
    };
    view! {
        <div class=class>
            <ResourceView
                lang=lang
                loading=move || view! { <CardsSkeleton count=skeletons lang=lang /> }
                content=content
                on_retry=move || resource.refetch()
            />
        </div>
    }
}
