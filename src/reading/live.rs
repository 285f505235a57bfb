//! Live updates and breaking news (the `live_news` and `breaking_news` chunks): the front
//! page and a section's page ask the newsroom every minute for new stories and offer "3 new
//! stories" (inserted at the top without moving what the reader is looking at; the tab's
//! title carries the count); an open article the newsroom changed offers "Updated 14:05 —
//! Show the new version"; and breaking news shows as a banner on every page.
//!
//! Every check is a conditional request (`api::revalidate`: the ETag of the last answer, a
//! `304` without a body when nothing changed), made only while the page is visible and the
//! browser online; a reader coming back to the tab or to the network gets a check at once.

use std::collections::HashSet;
use std::future::Future;
use std::rc::Rc;

use gazette_api_types::{ArticleList, ArticleSummary, Lang};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use serde::Deserialize;
use wasm_bindgen::JsCast;

use super::{next_frame, Listener, ReadArticle};
use crate::api::{self, ApiError, ReceivedAnswer, Revalidated};
use crate::browser;
use crate::i18n::{fill, format_update_time, live_texts, new_stories, NewsroomZone};
use crate::state::use_site;
use crate::urls::article_href;

/// What the update notice reads of an article (`gazette_api_types::Article`): only when it
/// was last changed, so this chunk does not carry the whole article's decoder.
#[derive(Deserialize)]
struct ArticleChange {
    #[serde(default)]
    updated_at: Option<String>,
}

/// What the banner reads of a breaking story (`gazette_api_types::ArticleSummary`).
#[derive(Clone, Deserialize)]
struct Headline {
    slug: String,
    lang: Lang,
    title: String,
}

/// What the banner reads of the breaking news (`gazette_api_types::ArticleList`).
#[derive(Deserialize)]
struct Headlines {
    items: Vec<Headline>,
}

/// How often a visible page asks for news, in milliseconds.
pub(super) const CHECK_EVERY_MS: i32 = 60_000;

/// Where hidden breaking stories are kept (localStorage): their slugs, newest first.
const HIDDEN_BREAKING_KEY: &str = "gazette.breaking-hidden";

/// How many hidden breaking stories are remembered.
const HIDDEN_BREAKING_KEPT: usize = 20;

/// Asks the newsroom with `ask` (a conditional request, given the ETag of the last answer)
/// every [`CHECK_EVERY_MS`] while the page is visible and the browser online, at once when
/// the reader comes back to the tab or the network returns, and right away if `ask_now` (the
/// mount points load a tool when its first check is due); hands every changed answer to
/// `changed`. `known`: the ETag of an answer the caller has already. One question at a time;
/// everything stops with the component that called it.
fn keep_asking<T, Asked>(
    ask: impl Fn(Option<String>) -> Asked + 'static,
    changed: impl Fn(T) + 'static,
    known: Option<String>,
    ask_now: bool,
) where
    T: 'static,
    Asked: Future<Output = Result<Revalidated<T>, ApiError>> + 'static,
{
    let etag = StoredValue::new(known);
    let asking = StoredValue::new(false);
    let (ask, changed) = (Rc::new(ask), Rc::new(changed));
    let check = move || {
        if asking.try_get_value() != Some(false) {
            return;
        }
        asking.set_value(true);
        let question = ask(etag.get_value());
        let changed = changed.clone();
        spawn_local_scoped(async move {
            if let Ok(Revalidated::Changed { value, etag: new }) = question.await {
                etag.try_set_value(new);
                changed(value);
            }
            asking.try_set_value(false);
        });
    };
    let visible_and_online = || {
        let hidden = web_sys::window()
            .and_then(|window| window.document())
            .is_some_and(|document| document.hidden());
        !hidden && browser::is_online()
    };
    let when_visible = move || {
        if visible_and_online() {
            check();
        }
    };
    if ask_now {
        when_visible();
    }
    let timer = set_interval_with_handle(
        when_visible.clone(),
        std::time::Duration::from_millis(CHECK_EVERY_MS.unsigned_abs().into()),
    )
    .ok();
    let listeners = web_sys::window().map(|window| {
        let on_return = when_visible.clone();
        let document = window.document().and_then(|document| {
            Listener::new(&document, "visibilitychange", move |_| on_return())
        });
        let online = Listener::new(&window, "online", move |_| when_visible());
        (document, online)
    });
    let listeners = send_wrapper::SendWrapper::new(listeners);
    on_cleanup(move || {
        if let Some(timer) = timer {
            timer.clear();
        }
        drop(listeners);
    });
}

/// The stories of `latest` (the newest first page) a list showing `shown` does not have yet
/// and that are newer than its newest: what "N new stories" counts, newest first.
fn stories_not_shown(shown: &[ArticleSummary], latest: &[ArticleSummary]) -> Vec<ArticleSummary> {
    let slugs: HashSet<&str> = shown.iter().map(|article| article.slug.as_str()).collect();
    let newest_shown = shown
        .iter()
        .map(|article| article.published_at.as_str())
        .max();
    latest
        .iter()
        .filter(|article| !slugs.contains(article.slug.as_str()))
        .filter(|article| newest_shown.is_none_or(|newest| article.published_at.as_str() >= newest))
        .cloned()
        .collect()
}

/// The document's title without a count of new stories in front ("(3) ").
fn title_without_count(title: &str) -> &str {
    title
        .strip_prefix('(')
        .and_then(|rest| rest.split_once(") "))
        .filter(|(count, _)| !count.is_empty() && count.bytes().all(|byte| byte.is_ascii_digit()))
        .map_or(title, |(_, rest)| rest)
}

/// Puts `count` new stories in front of the tab's title ("(3) Gazette — …"), or takes the
/// count away (`0`).
fn show_count_in_title(count: usize) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let title = document.title();
    let base = title_without_count(&title);
    let wanted = if count == 0 {
        base.to_owned()
    } else {
        format!("({count}) {base}")
    };
    if wanted != title {
        document.set_title(&wanted);
    }
}

/// The feed's cards, in order.
fn feed_cards(feed: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(cards) = feed.query_selector_all(".feed__cards > article") else {
        return Vec::new();
    };
    (0..cards.length())
        .filter_map(|index| cards.item(index)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// A card's headline link.
fn headline_link(card: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    card.query_selector(".card__title a")
        .ok()??
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Where a card's headline links to.
fn headline_href(card: &web_sys::Element) -> Option<String> {
    headline_link(card)?.get_attribute("href")
}

/// The card of the feed at the top of the screen (the first whose bottom is below the top
/// edge): its headline link's address and its distance from the top of the screen.
fn card_at_top(feed: &web_sys::Element) -> Option<(String, f64)> {
    let card = feed_cards(feed)
        .into_iter()
        .find(|card| card.get_bounding_client_rect().bottom() > 0.0)?;
    Some((headline_href(&card)?, card.get_bounding_client_rect().top()))
}

/// The card whose headline links to `href`.
fn card_linking_to(feed: &web_sys::Element, href: &str) -> Option<web_sys::Element> {
    feed_cards(feed)
        .into_iter()
        .find(|card| headline_href(card).as_deref() == Some(href))
}

/// "3 new stories" over a list of news (the front page's, a section's): `items` is the list
/// the feed shows, `category` which list it is.
#[component]
pub(super) fn FeedUpdates(
    lang: Lang,
    category: Option<String>,
    items: RwSignal<Vec<ArticleSummary>>,
) -> impl IntoView {
    let texts = live_texts(lang);
    let waiting = RwSignal::new(Vec::<ArticleSummary>::new());
    let added = RwSignal::new(false);
    let place = NodeRef::<Div>::new();
    keep_asking(
        move |etag| {
            let category = category.clone();
            async move { api::latest_again(lang, category.as_deref(), etag.as_deref()).await }
        },
        move |latest: ArticleList| {
            let Some(new_stories) =
                items.try_with_untracked(|shown| stories_not_shown(shown, &latest.items))
            else {
                return;
            };
            if !new_stories.is_empty() {
                added.try_set(false);
            }
            waiting.try_set(new_stories);
        },
        None,
        true,
    );

    Effect::new(move |_| show_count_in_title(waiting.with(Vec::len)));
    on_cleanup(|| show_count_in_title(0));

    let show = move |_| {
        let new_stories = waiting.get_untracked();
        if new_stories.is_empty() {
            return;
        }
        let feed = place
            .get_untracked()
            .and_then(|place| place.closest(".feed").ok().flatten());
        let anchor = feed.as_ref().and_then(card_at_top);
        let first_href = article_href(lang, &new_stories[0].slug);
        items.update(|shown| {
            let mut list = new_stories;
            list.append(shown);
            *shown = list;
        });
        // A reader who comes back to this list (Back) returns among as many cards.
        browser::remember_feed_depth(items.with_untracked(Vec::len));
        waiting.set(Vec::new());
        added.set(true);
        // Once the cards are in the page, the card that was at the top of the screen goes
        // back where it was, and keyboard focus moves to the first new story (unscrolled).
        next_frame(move || {
            let Some(feed) = feed else { return };
            if let Some((href, top_before)) = anchor {
                if let Some(card) = card_linking_to(&feed, &href) {
                    let moved = card.get_bounding_client_rect().top() - top_before;
                    if let Some(window) = web_sys::window() {
                        window.scroll_by_with_x_and_y(0.0, moved);
                    }
                }
            }
            if let Some(link) =
                card_linking_to(&feed, &first_href).and_then(|card| headline_link(&card))
            {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = link.focus_with_options(&options);
            }
        });
    };

    let count = move || waiting.with(Vec::len);
    let label = move || new_stories(lang, count());
    view! {
        <div class="live-updates" node_ref=place>
            // Said once when the count changes, and once when the stories are in.
            <p class="visually-hidden" role="status">
                {move || {
                    if count() > 0 {
                        label()
                    } else if added.get() {
                        texts.new_stories_added.to_owned()
                    } else {
                        String::new()
                    }
                }}
            </p>
            <Show when=move || { count() > 0 }>
                <button type="button" class="live-updates__button button" on:click=show>
                    <span aria-hidden="true">"↑ "</span>
                    {label}
                </button>
            </Show>
        </div>
    }
}

/// "Updated 14:05 — Show the new version" on an open article the newsroom changed since it
/// was loaded (`updated_at`: the change time the page shows); `on_show` loads it again.
#[component]
pub(super) fn ArticleUpdates(
    article: ReadArticle,
    updated_at: Option<String>,
    on_show: Callback<()>,
) -> impl IntoView {
    let lang = article.lang;
    let texts = live_texts(lang);
    let site = use_site();
    let time_zone: Signal<NewsroomZone> = site.time_zone_signal();
    let newer = RwSignal::new(None::<String>);
    let slug = article.slug;
    keep_asking(
        move |etag| {
            let slug = slug.clone();
            async move { api::article_again(lang, &slug, etag.as_deref()).await }
        },
        move |article: ArticleChange| {
            let changed = article.updated_at.filter(|at| {
                updated_at
                    .as_deref()
                    .is_none_or(|shown| at.as_str() > shown)
            });
            if changed.is_some() {
                newer.try_set(changed);
            }
        },
        None,
        true,
    );

    let when = move || {
        newer.get().map(|at| {
            let time = time_zone.with(|zone| format_update_time(&at, lang, zone));
            fill(texts.updated, "time", &time)
        })
    };
    view! {
        <div class="article-update" role="status">
            <Show when=move || newer.with(Option::is_some)>
                <p class="article-update__notice">
                    <span>{when}</span>
                    " — "
                    <button type="button" class="link-button" on:click=move |_| on_show.run(())>
                        {texts.show_new_version}
                    </button>
                </p>
            </Show>
        </div>
    }
}

/// The breaking stories the reader hid (slugs).
fn hidden_breaking() -> Vec<String> {
    browser::load(HIDDEN_BREAKING_KEY)
        .and_then(|kept| gazette_api_types::json::from_str::<Vec<String>>(&kept).ok())
        .unwrap_or_default()
}

/// Remembers that the reader hid the breaking story `slug`.
fn hide_breaking(slug: &str) {
    let mut hidden = hidden_breaking();
    hidden.retain(|kept| kept != slug);
    hidden.insert(0, slug.to_owned());
    hidden.truncate(HIDDEN_BREAKING_KEPT);
    if let Ok(text) = serde_json::to_string(&hidden) {
        browser::save(HIDDEN_BREAKING_KEY, &text);
    }
}

/// The newest breaking story in the reader's language that the reader has not hidden, as a
/// banner at the bottom of every page (fixed: appearing never moves the page), with "Hide".
/// `first`: the breaking news the page found before loading this (the banner starts from it
/// instead of asking again).
#[component]
pub(super) fn BreakingBanner(lang: Signal<Lang>, first: Option<ReceivedAnswer>) -> impl IntoView {
    let first = StoredValue::new(first);
    // A banner per language: a reader switching asks for the new language's news at once.
    move || {
        let lang = lang.get();
        let first = first.try_update_value(Option::take).flatten();
        view! { <LanguageBanner lang=lang first=first /> }
    }
}

/// The banner of [`BreakingBanner`] in one language.
#[component]
fn LanguageBanner(lang: Lang, first: Option<ReceivedAnswer>) -> impl IntoView {
    let stories = RwSignal::new(Vec::<Headline>::new());
    let hidden = RwSignal::new(hidden_breaking());
    // `Some(its ETag)` when the page's answer could be read.
    let from_page = first.and_then(|answer| match answer.decode::<Headlines>() {
        Ok(Revalidated::Changed { value, etag }) => {
            stories.set(value.items);
            Some(etag)
        }
        _ => None,
    });
    keep_asking(
        move |etag| async move { api::breaking::<Headlines>(lang, etag.as_deref()).await },
        move |breaking: Headlines| {
            stories.try_set(breaking.items);
        },
        from_page.clone().flatten(),
        from_page.is_none(),
    );
    // Each story says its language (the page's answer may be of the one before a switch).
    let story = move || {
        hidden.with(|hidden| {
            stories.with(|stories| {
                stories
                    .iter()
                    .find(|story| story.lang == lang && !hidden.contains(&story.slug))
                    .cloned()
            })
        })
    };
    move || {
        story().map(|story| {
            let texts = live_texts(story.lang);
            let slug = story.slug.clone();
            view! {
                <aside class="breaking" aria-label=texts.breaking_news lang=story.lang.code()>
                    <strong class="breaking__label">{texts.breaking}</strong>
                    <a class="breaking__link" href=article_href(story.lang, &story.slug)>
                        {story.title}
                    </a>
                    <button
                        type="button"
                        class="breaking__hide"
                        aria-label=texts.hide_breaking
                        title=texts.hide_breaking
                        on:click=move |_| {
                            hide_breaking(&slug);
                            hidden.set(hidden_breaking());
                        }
                    >
                        <span aria-hidden="true">"×"</span>
                    </button>
                </aside>
            }
        })
    }
}
