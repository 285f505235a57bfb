//! Reader tools that load after the page is up: reading progress, "Back to top" and "Continue
//! reading" (`progress`), quote links (`quotes`), Listen (`listen`), and live updates and
//! breaking news (`live`).
//!
//! In the split build (cargo feature `split`, see `lazy_pages`) the article's tools are one
//! WebAssembly chunk, `reader_tools`; the live updates (the lists' "N new stories", the
//! article's "Updated 14:05") another, `live_news`, fetched only when their first check is
//! due, a minute after the page; the breaking-news banner, which every page may show, a
//! third, `breaking_news`, so that a page loads only the tools it shows. Not one chunk per tool: each split point that shares
//! code with the pages cuts their shared chunks into more, smaller files, which the pages
//! then load before their first paint. The pages keep only the small
//! mount points below, which fetch the chunk once the page around them has been painted, so
//! the tools never delay the first view of an article or the front page. A chunk that cannot be fetched (offline and never cached) leaves the page as it is,
//! without the tool. Without the feature the same tools render directly, after the first
//! paint as well.

mod listen;
mod live;
mod progress;
mod quotes;

use std::future::Future;
use std::pin::Pin;

use gazette_api_types::{ArticleSummary, Lang};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::api::ReceivedAnswer;
use crate::browser;
use crate::lazy_pages::ChunkUnavailable;

/// The article a tool works on, as its page shows it.
#[derive(Clone, Debug)]
pub struct ReadArticle {
    /// The article's language (its texts, the tools' texts).
    pub lang: Lang,
    /// The article's slug in that language.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// The article's own address (`origin + path`, no query or fragment).
    pub url: String,
}

/// Where the reading-progress tools are mounted: on an article (progress bar, "Back to
/// top", its position remembered) or on the front page ("Continue reading").
#[derive(Clone, Debug)]
pub enum ReadingPlace {
    /// An article being read.
    Article(ReadArticle),
    /// The front page in a language.
    Front(Lang),
}

/// Calls a split function and renders what it gives: in the split build the call first
/// fetches its chunk (`await`), and a chunk that cannot be fetched renders nothing.
macro_rules! from_chunk {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let loaded = $call.await;
        #[cfg(not(feature = "split"))]
        let loaded = $call;
        loaded.unwrap_or_else(|ChunkUnavailable| ().into_any())
    }};
}

/// Reading progress, "Back to top" and the remembered position (on an article), or
/// "Continue reading" (on the front page); from the `reader_tools` chunk, after paint.
#[component]
pub fn ReadingTools(place: ReadingPlace) -> impl IntoView {
    // The front page fetches the chunk only for a reader with an article to go back to.
    if let ReadingPlace::Front(lang) = &place {
        if !may_have_position(*lang) {
            return ().into_any();
        }
    }
    after_paint(Box::new(move || {
        let place = place.clone();
        Box::pin(async move {
            match place {
                ReadingPlace::Article(article) => from_chunk!(reading_progress(article)),
                ReadingPlace::Front(lang) => from_chunk!(continue_reading(lang)),
            }
        })
    }))
    .into_any()
}

/// Where reading positions are kept (localStorage): a JSON list, most recent first (`progress`).
const POSITIONS_KEY: &str = "gazette.reading";

/// Whether a position in an article in `lang` may be kept: the stored text is only searched
/// for the language, the chunk parses it.
fn may_have_position(lang: Lang) -> bool {
    browser::load(POSITIONS_KEY)
        .is_some_and(|kept| kept.contains(&format!("\"lang\":\"{}\"", lang.code())))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(reader_tools, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn reading_progress(article: ReadArticle) -> Result<AnyView, ChunkUnavailable> {
    Ok(view! { <progress::ReadingProgress article=article /> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(reader_tools, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn continue_reading(lang: Lang) -> Result<AnyView, ChunkUnavailable> {
    Ok(view! { <progress::ContinueReading lang=lang /> }.into_any())
}

/// "Copy link to this quote" and "Share quote" for a selection in the article's text; from
/// the `reader_tools` chunk, after paint.
#[component]
pub fn QuoteTools(article: ReadArticle) -> impl IntoView {
    after_paint(Box::new(move || {
        let article = article.clone();
        Box::pin(async move { from_chunk!(quote_links(article)) })
    }))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(reader_tools, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn quote_links(article: ReadArticle) -> Result<AnyView, ChunkUnavailable> {
    Ok(view! { <quotes::QuoteLinks article=article /> }.into_any())
}

/// Listen: the article read aloud by the browser's speech synthesis, when it has a voice for
/// the article's language; from the `reader_tools` chunk, after paint.
#[component]
pub fn ListenTools(article: ReadArticle) -> impl IntoView {
    after_paint(Box::new(move || {
        let article = article.clone();
        Box::pin(async move { from_chunk!(listen_aloud(article)) })
    }))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(reader_tools, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn listen_aloud(article: ReadArticle) -> Result<AnyView, ChunkUnavailable> {
    Ok(view! { <listen::Listen article=article /> }.into_any())
}

/// Which list a feed shows, for its live updates: the front page's (`None`) or a
/// section's (its slug).
#[derive(Clone, Debug, PartialEq)]
pub struct LiveFeed {
    /// The section's slug; `None` for the front page's latest news.
    pub category: Option<String>,
}

/// "3 new stories" over a list of news (`items`, the feed's cards; `category`: which list);
/// from the `live_news` chunk, fetched when the first check is due (a minute after the
/// page), so the first visit does not load it.
#[component]
pub fn FeedUpdatesTools(
    lang: Lang,
    category: Option<String>,
    items: RwSignal<Vec<ArticleSummary>>,
) -> impl IntoView {
    when_first_check_due(Box::new(move || {
        let category = category.clone();
        Box::pin(async move { from_chunk!(feed_updates(lang, category, items)) })
    }))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(live_news, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn feed_updates(
    lang: Lang,
    category: Option<String>,
    items: RwSignal<Vec<ArticleSummary>>,
) -> Result<AnyView, ChunkUnavailable> {
    Ok(view! { <live::FeedUpdates lang=lang category=category items=items /> }.into_any())
}

/// "Updated 14:05 — Show the new version" when the newsroom changes the open article
/// (`updated_at`: the change the page shows; `on_show` loads the article again); from the
/// `live_news` chunk, fetched when the first check is due (a minute after the page).
#[component]
pub fn ArticleUpdatesTools(
    article: ReadArticle,
    updated_at: Option<String>,
    on_show: Callback<()>,
) -> impl IntoView {
    when_first_check_due(Box::new(move || {
        let (article, updated_at) = (article.clone(), updated_at.clone());
        Box::pin(async move { from_chunk!(article_updates(article, updated_at, on_show)) })
    }))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(live_news, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn article_updates(
    article: ReadArticle,
    updated_at: Option<String>,
    on_show: Callback<()>,
) -> Result<AnyView, ChunkUnavailable> {
    Ok(
        view! { <live::ArticleUpdates article=article updated_at=updated_at on_show=on_show /> }
            .into_any(),
    )
}

/// The breaking-news banner of every page, in the reader's language; from the
/// `breaking_news` chunk: at once (after paint) when the newsroom has breaking news in the
/// language now, otherwise when the first check is due (a minute after the page), from when
/// the banner asks every minute itself.
#[component]
pub fn BreakingNewsTools(lang: Signal<Lang>) -> impl IntoView {
    let wanted = RwSignal::new(false);
    // The page's answer, handed to the banner so that it does not ask again at once.
    let found = StoredValue::new(None::<ReceivedAnswer>);
    let want = move || {
        if wanted.try_get_untracked() == Some(false) {
            wanted.try_set(true);
        }
    };
    next_frame(move || {
        browser::after(0, move || {
            leptos::task::spawn_local(async move {
                if let Some(answer) = crate::api::breaking_now(lang.get_untracked()).await {
                    found.try_set_value(Some(answer));
                    want();
                }
            });
        })
    });
    browser::after(live::CHECK_EVERY_MS, want);
    move || {
        wanted.get().then(|| {
            let first = found.try_update_value(Option::take).flatten();
            Suspend::new(async move { from_chunk!(breaking_banner(lang, first)) })
        })
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(breaking_news, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn breaking_banner(
    lang: Signal<Lang>,
    first: Option<ReceivedAnswer>,
) -> Result<AnyView, ChunkUnavailable> {
    Ok(view! { <live::BreakingBanner lang=lang first=first /> }.into_any())
}

/// How a mount point gets its tool's view (a split function's call). Boxed, so that all
/// mount points share one `after_paint`: its reactive view code is generic, and the pages
/// (which load it before their first paint) then carry one copy of it, not one per tool.
type LoadTool = Box<dyn Fn() -> Pin<Box<dyn Future<Output = AnyView> + Send>> + Send + Sync>;

/// Renders the view `load` resolves to when a live update's first check is due, a minute
/// after the page: its code is not part of the page's first load.
fn when_first_check_due(load: LoadTool) -> impl IntoView {
    let due = RwSignal::new(false);
    browser::after(live::CHECK_EVERY_MS, move || {
        due.try_set(true);
    });
    move || due.get().then(|| Suspend::new(load()))
}

/// Renders the view `load` resolves to once the page has been painted: the chunk is
/// requested in the task after the next frame, never before the page is on screen.
fn after_paint(load: LoadTool) -> impl IntoView {
    let painted = RwSignal::new(false);
    next_frame(move || {
        browser::after(0, move || {
            painted.try_set(true);
        })
    });
    move || painted.get().then(|| Suspend::new(load()))
}

/// Runs `callback` before the next frame is painted (`requestAnimationFrame`).
fn next_frame(callback: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let closure = Closure::once_into_js(callback);
        let _ = window.request_animation_frame(closure.unchecked_ref());
    }
}

/// Whether the reader asked the system for less motion (`prefers-reduced-motion: reduce`).
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// An event listener on a window, document or element, removed when dropped.
struct Listener {
    target: web_sys::EventTarget,
    event: &'static str,
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Listens (passively) for `event` on `target`; `None` when the browser refuses.
    fn new(
        target: &web_sys::EventTarget,
        event: &'static str,
        handler: impl FnMut(web_sys::Event) + 'static,
    ) -> Option<Listener> {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(true);
        target
            .add_event_listener_with_callback_and_add_event_listener_options(
                event,
                callback.as_ref().unchecked_ref(),
                &options,
            )
            .ok()?;
        Some(Listener {
            target: target.clone(),
            event,
            callback,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(
            self.event,
            self.callback.as_ref().unchecked_ref(),
        );
    }
}
