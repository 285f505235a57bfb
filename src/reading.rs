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
//! mount points below: an article's tools are fetched once the reader starts reading (the
//! first scroll, touch, key or selection; at once after "Continue reading"), the front
//! page's "Continue reading" after paint, so the tools never delay the first view of a page
//! and a reader who only glances at it does not load them. A chunk that cannot be fetched (offline and never cached) leaves the page as it is,
//! without the tool. Without the feature the same tools render directly, after the first
//! paint as well.

mod listen;
mod live;
mod progress;
mod quotes;

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

use gazette_api_types::{ArticleSummary, Lang};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
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

/// Reading progress, "Back to top" and the remembered position on an article; from the
/// `reader_tools` chunk, once the reader starts reading (at once after "Continue reading",
/// which scrolls to the position).
#[component]
pub fn ReadingProgressTools(article: ReadArticle) -> impl IntoView {
    let resumed = resuming(&article);
    let load: LoadTool = Box::new(move || {
        let article = article.clone();
        Box::pin(async move { from_chunk!(reading_progress(article)) })
    });
    if resumed {
        after_paint(load).into_any()
    } else {
        when_reading_starts(load).into_any()
    }
}

/// "Continue reading" on the front page, for a reader with an article in `lang` to go back
/// to (no request otherwise); from the `reader_tools` chunk, after paint.
#[component]
pub fn ContinueReadingTools(lang: Lang) -> impl IntoView {
    may_have_position(lang).then(|| {
        after_paint(Box::new(move || {
            Box::pin(async move { from_chunk!(continue_reading(lang)) })
        }))
    })
}

/// Set (in sessionStorage) by "Continue reading" for the article page to scroll back.
const RESUME_KEY: &str = "gazette.resume";

/// The value "Continue reading" leaves for the article page.
fn resume_mark(lang: Lang, slug: &str) -> String {
    format!("{}:{slug}", lang.code())
}

/// Whether "Continue reading" led the reader to `article` (the mark is left for the tools,
/// which use it up).
fn resuming(article: &ReadArticle) -> bool {
    browser::session_storage()
        .and_then(|storage| storage.get_item(RESUME_KEY).ok().flatten())
        .is_some_and(|mark| mark == resume_mark(article.lang, &article.slug))
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
/// the `reader_tools` chunk, once the reader starts reading.
#[component]
pub fn QuoteTools(article: ReadArticle) -> impl IntoView {
    when_reading_starts(Box::new(move || {
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
/// the article's language; from the `reader_tools` chunk, once the reader starts reading.
#[component]
pub fn ListenTools(article: ReadArticle) -> impl IntoView {
    when_reading_starts(Box::new(move || {
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

/// What shows that the reader has started reading: scrolling, a touch or click, a key (Tab
/// included), a selection. Until one of them, an article's reader tools (progress, quote
/// links, Listen) are not fetched: a reader who only glances at the first screen does not
/// pay for them.
const READING_STARTS_ON: [(&str, bool); 4] = [
    ("scroll", true),
    ("pointerdown", false),
    ("keydown", false),
    ("selectionchange", false),
];

/// Renders the view `load` resolves to once the reader starts reading (the first of
/// [`READING_STARTS_ON`] after the page was painted); a tool that appears then never moves
/// the page (they are fixed or float over it).
fn when_reading_starts(load: LoadTool) -> AnyView {
    // A reader who has started reading in this tab (and so has the tools' code) gets the
    // tools of the next article at once.
    // So does one who is already down the page: the article's whole text is on the server's
    // first screen, so a reader may have scrolled (or been brought back to their place on a
    // reload) before the app was listening.
    let scrolled = web_sys::window()
        .and_then(|window| window.scroll_y().ok())
        .is_some_and(|y| y > 0.0);
    if scrolled || READING_STARTED.load(Ordering::Relaxed) {
        READING_STARTED.store(true, Ordering::Relaxed);
        return after_paint(load).into_any();
    }
    let started = RwSignal::new(false);
    let listeners = Rc::new(RefCell::new(Vec::<Listener>::new()));
    let start = {
        let listeners = Rc::downgrade(&listeners);
        move |_: web_sys::Event| {
            READING_STARTED.store(true, Ordering::Relaxed);
            started.try_set(true);
            // Not dropped while one of them is running: after this event.
            let listeners = listeners.clone();
            browser::after(0, move || {
                if let Some(listeners) = listeners.upgrade() {
                    listeners.borrow_mut().clear();
                }
            });
        }
    };
    if let Some(window) = web_sys::window() {
        let document = window.document();
        for (event, on_window) in READING_STARTS_ON {
            let target: Option<&web_sys::EventTarget> = if on_window {
                Some(&window)
            } else {
                document.as_ref().map(|document| document.as_ref())
            };
            if let Some(listener) =
                target.and_then(|target| Listener::new(target, event, start.clone()))
            {
                listeners.borrow_mut().push(listener);
            }
        }
    }
    let listeners = SendWrapper::new(listeners);
    on_cleanup(move || listeners.borrow_mut().clear());
    (move || started.get().then(|| Suspend::new(load()))).into_any()
}

/// Whether the reader has started reading an article in this tab (see `when_reading_starts`).
static READING_STARTED: AtomicBool = AtomicBool::new(false);

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
