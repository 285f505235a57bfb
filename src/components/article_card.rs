//! An article in a list: image, category, headline, time.

use gazette_api_types::{ArticleSummary, CARD_SIZES, LEAD_CARD_SIZES};
use leptos::prelude::*;

use super::Picture;
use crate::i18n::{format_relative, NewsroomZone};
use crate::urls::{article_href, category_href};

/// How prominent a card is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardSize {
    /// The lead story: large image loaded first, lead text shown.
    Lead,
    /// A card in a grid.
    Regular,
    /// A headline with time only (sidebars).
    Compact,
}

/// One article as a card linking to it.
#[component]
pub fn ArticleCard(
    article: ArticleSummary,
    /// The newsroom's time zone for the time shown (no time is shown until it is known).
    time_zone: Signal<NewsroomZone>,
    size: CardSize,
) -> impl IntoView {
    let lang = article.lang;
    let href = article_href(lang, &article.slug);
    let category_href = category_href(lang, &article.category.slug);
    let published_at = article.published_at.clone();
    let time = move || time_zone.with(|zone| format_relative(&published_at, lang, zone));
    let class = match size {
        CardSize::Lead => "card card--lead",
        CardSize::Regular => "card",
        CardSize::Compact => "card card--compact",
    };
    let image = (size != CardSize::Compact)
        .then_some(article.image)
        .flatten()
        .map(|image| {
            let lead = size == CardSize::Lead;
            let sizes = if lead { LEAD_CARD_SIZES } else { CARD_SIZES };
            view! { <Picture image=image class="card__image" sizes=sizes lead=lead /> }
        });
    let lead = (size == CardSize::Lead).then(|| view! { <p class="card__lead">{article.lead}</p> });
    view! {
        <article class=class>
            {image}
            <div class="card__text">
                <a class="card__category" href=category_href>
                    {article.category.name}
                </a>
                <h3 class="card__title">
                    <a href=href>{article.title}</a>
                </h3>
                {lead}
                <time class="card__time" datetime=article.published_at>
                    {time}
                </time>
            </div>
        </article>
    }
}
