//! The "most read in the last 7 days" block: a heading and compact cards, left out entirely
//! when nobody read anything in the window (a new site, or a language nobody read this week).

use gazette_api_types::{ArticleList, Lang};
use leptos::prelude::*;

use super::{ArticleCards, CardSize};
use crate::api::ApiError;
use crate::i18n::{t, NewsroomZone};

/// The most-read list of `resource` under its labelled heading.
#[component]
pub fn MostRead(
    resource: LocalResource<Result<ArticleList, ApiError>>,
    lang: Lang,
    #[prop(into)] time_zone: Signal<NewsroomZone>,
    /// The heading's id (the page may show the block twice: beside the feed on wide screens,
    /// inside it on phones).
    heading_id: &'static str,
    /// `most-read--side` or `most-read--inline`.
    class: &'static str,
) -> impl IntoView {
    let nothing_read = move || {
        resource
            .get()
            .is_some_and(|result| result.is_ok_and(|list| list.items.is_empty()))
    };
    view! {
        <section class=format!("most-read {class}") aria-labelledby=heading_id hidden=nothing_read>
            <h2 id=heading_id class="section-title">
                {t(lang).most_read}
            </h2>
            <ArticleCards resource=resource lang=lang time_zone=time_zone size=CardSize::Compact skeletons=5 />
        </section>
    }
}
