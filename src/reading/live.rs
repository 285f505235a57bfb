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

use gazette_api_types::{ArticleSummary, Lang};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use serde::Deserialize;
use wasm_bindgen::JsCast;

use super::{next_frame, Listener, ReadArticle};
use crate::api::{self, Revalidated};
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

/// Calls `check` every [`CHECK_EVERY_MS`] while the page is visible and the browser online,
/// and at once when the reader comes back to the tab or the network returns (and right away
/// if `check_now` is set: the mount points load a tool when its first check is due);
/// everything stops with the component that called it.
fn keep_checking(check: impl Fn() + Clone + 'static, check_now: bool) {
    let visible_and_online = || {
        let hidden = web_sys::window()
            .and_then(|window| window.document())
            .is_some_and(|document| document.hidden());
        !hidden && browser::is_online()
    };
    if check_now && visible_and_online() {
        check();
    }
    let every = check.clone();
    let timer = set_interval_with_handle(
        move || {
            if visible_and_online() {
                every();
            }
        },
        std::time::Duration::from_millis(CHECK_EVERY_MS.unsigned_abs().into()),
    )
    .ok();
    let listeners = web_sys::window().map(|window| {
        let on_return = check.clone();
        let document = window.document().map(|document| {
            Listener::new(&document, "visibilitychange", move |_| {
                if visible_and_online() {
                    on_return();
                }
            })
        });
        let online = Listener::new(&window, "online", move |_| {
            if visible_and_online() {
                check();
            }
        });
        (document.flatten(), online)
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

/// The card of the feed at the top of the screen (the first whose bottom is below the top
/// edge): its headline link's address and its distance from the top of the screen.
fn card_at_top(feed: &web_sys::Element) -> Option<(String, f64)> {
    let cards = feed.query_selector_all(".feed__cards > article").ok()?;
    (0..cards.length())
        .filter_map(|index| cards.item(index)?.dyn_into::<web_sys::Element>().ok())
        .find(|card| card.get_bounding_client_rect().bottom() > 0.0)
        .and_then(|card| {
            let href = card
                .query_selector(".card__title a")
                .ok()??
                .get_attribute("href")?;
            Some((href, card.get_bounding_client_rect().top()))
        })
}

/// The card whose headline links to `href`.
fn card_linking_to(feed: &web_sys::Element, href: &str) -> Option<web_sys::Element> {
    let cards = feed.query_selector_all(".feed__cards > article").ok()?;
    (0..cards.length())
        .filter_map(|index| cards.item(index)?.dyn_into::<web_sys::Element>().ok())
        .find(|card| {
            card.query_selector(".card__title a")
                .ok()
                .flatten()
                .and_then(|link| link.get_attribute("href"))
                .as_deref()
                == Some(href)
        })
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
    let etag = StoredValue::new(None::<String>);
    let asking = StoredValue::new(false);
    let place = NodeRef::<Div>::new();

    let check = move || {
        if asking.get_value() {
            return;
        }
        asking.set_value(true);
        let category = category.clone();
        spawn_local_scoped(async move {
            let known = etag.try_get_value().flatten();
            let answer = api::latest_again(lang, category.as_deref(), known.as_deref()).await;
            if let Ok(Revalidated::Changed { value, etag: new }) = answer {
                etag.try_set_value(new);
                if let Some(new_stories) =
                    items.try_with_untracked(|shown| stories_not_shown(shown, &value.items))
                {
                    if !new_stories.is_empty() {
                        added.try_set(false);
                    }
                    waiting.try_set(new_stories);
                }
            }
            asking.try_set_value(false);
        });
    };
    keep_checking(check, true);

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
            let link = card_linking_to(&feed, &first_href)
                .and_then(|card| card.query_selector(".card__title a").ok().flatten())
                .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(link) = link {
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
    let etag = StoredValue::new(None::<String>);
    let asking = StoredValue::new(false);
    let slug = article.slug;
    let check = move || {
        if asking.get_value() {
            return;
        }
        asking.set_value(true);
        let (slug, shown) = (slug.clone(), updated_at.clone());
        spawn_local_scoped(async move {
            let known = etag.try_get_value().flatten();
            if let Ok(Revalidated::Changed::<ArticleChange> { value, etag: new }) =
                api::article_again(lang, &slug, known.as_deref()).await
            {
                etag.try_set_value(new);
                let changed = value
                    .updated_at
                    .filter(|at| shown.as_deref().is_none_or(|shown| at.as_str() > shown));
                if changed.is_some() {
                    newer.try_set(changed);
                }
            }
            asking.try_set_value(false);
        });
    };
    keep_checking(check, true);

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
        .and_then(|kept| serde_json::from_str::<Vec<String>>(&kept).ok())
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
#[component]
pub(super) fn BreakingBanner(lang: Signal<Lang>) -> impl IntoView {
    let stories = RwSignal::new(None::<(Lang, Vec<Headline>)>);
    let hidden = RwSignal::new(hidden_breaking());
    let etag = StoredValue::new(None::<(Lang, String)>);
    let asking = StoredValue::new(false);
    let check = move || {
        if asking.get_value() {
            return;
        }
        asking.set_value(true);
        let lang = lang.get_untracked();
        spawn_local_scoped(async move {
            let known = etag
                .try_get_value()
                .flatten()
                .filter(|(of, _)| *of == lang)
                .map(|(_, etag)| etag);
            let answer = api::breaking::<Headlines>(lang, known.as_deref()).await;
            if let Ok(Revalidated::Changed { value, etag: new }) = answer {
                etag.try_set_value(new.map(|new| (lang, new)));
                stories.try_set(Some((lang, value.items)));
            }
            asking.try_set_value(false);
        });
    };
    // At once, then every minute; again when the reader switches language.
    keep_checking(check, true);
    Effect::new(move |previous: Option<Lang>| {
        let now = lang.get();
        if previous.is_some_and(|previous| previous != now) {
            check();
        }
        now
    });

    let story = move || {
        let current = lang.get();
        let hidden = hidden.get();
        stories.with(|stories| {
            stories
                .as_ref()
                .filter(|(of, _)| *of == current)
                .and_then(|(_, list)| {
                    list.iter()
                        .find(|story| !hidden.contains(&story.slug))
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
                        "×"
                    </button>
                </aside>
            }
        })
    }
}
