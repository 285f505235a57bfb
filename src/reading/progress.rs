//! Reading progress and return. On an article: a thin bar at the top of the screen showing how
//! much of the text the reader has reached (its movement eased only when the reader allows
//! motion), a "Back to top" button once the reader is a screen down, and the position kept in
//! localStorage (so it survives reloads and works offline); on the front page, "Continue
//! reading" for the article in that language the reader last left half-read, which opens it
//! where they stopped.
//!
//! A position is the share of the article's text (`.article__text`) above the bottom of the
//! screen, so it means the same place after the text size or the window changed.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use gazette_api_types::Lang;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use super::{
    next_frame, reduced_motion, resume_mark, Listener, ReadArticle, POSITIONS_KEY, RESUME_KEY,
};
use crate::browser;
use crate::i18n::{fill, reading_texts};
use crate::urls::article_href;

/// How many articles' positions are kept.
const KEPT: usize = 20;
/// From this share of the text on (per mille), the article counts as read and is not
/// offered again.
const FINISHED: u16 = 970;
/// How often a position is written while the reader scrolls, in milliseconds.
const SAVE_EVERY_MS: i32 = 400;

/// Where the reader stopped in one article (whole numbers only: no float formatting code
/// in the chunk).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Position {
    lang: String,
    slug: String,
    title: String,
    /// Share of the text read, per mille.
    permille: u16,
    /// When, in milliseconds since 1970.
    at: u64,
}

/// A share (0 to 1) in per mille.
fn permille(share: f64) -> u16 {
    (share.clamp(0.0, 1.0) * 1000.0).round() as u16
}

/// The kept positions; none when storage is blocked or holds something else.
fn positions() -> Vec<Position> {
    browser::load(POSITIONS_KEY)
        .and_then(|raw| gazette_api_types::json::from_str::<Vec<Position>>(&raw).ok())
        .unwrap_or_default()
        .into_iter()
        .filter(|position| {
            position.permille <= 1000
                && Lang::from_code(&position.lang).is_some()
                && !position.slug.is_empty()
                && !position.title.is_empty()
        })
        .collect()
}

fn keep(positions: &[Position]) {
    if let Ok(raw) = serde_json::to_string(positions) {
        browser::save(POSITIONS_KEY, &raw);
    }
}

/// Keeps the reader's position in `article`, or forgets it once read to the end.
fn remember(article: &ReadArticle, progress: f64) {
    let mut kept = positions();
    kept.retain(|position| !is_of(position, article.lang, &article.slug));
    let read = permille(progress);
    if read < FINISHED {
        kept.insert(
            0,
            Position {
                lang: article.lang.code().to_owned(),
                slug: article.slug.clone(),
                title: article.title.clone(),
                permille: read,
                at: js_sys::Date::now() as u64,
            },
        );
        kept.truncate(KEPT);
    }
    keep(&kept);
}

/// Forgets the position in one article.
fn forget(lang: Lang, slug: &str) {
    let mut kept = positions();
    kept.retain(|position| !is_of(position, lang, slug));
    keep(&kept);
}

fn is_of(position: &Position, lang: Lang, slug: &str) -> bool {
    position.lang == lang.code() && position.slug == slug
}

/// Whether the reader came to this article by "Continue reading" (the mark is used up).
fn take_resume(lang: Lang, slug: &str) -> bool {
    let Some(storage) = browser::session_storage() else {
        return false;
    };
    let marked = storage.get_item(RESUME_KEY).ok().flatten();
    let _ = storage.remove_item(RESUME_KEY);
    marked.as_deref() == Some(resume_mark(lang, slug).as_str())
}

/// The article's text on the page and the height of the screen.
fn text_and_screen() -> Option<(web_sys::DomRect, f64)> {
    let window = web_sys::window()?;
    let text = window
        .document()?
        .query_selector("main .article__text")
        .ok()??;
    let screen = window.inner_height().ok()?.as_f64()?;
    Some((text.get_bounding_client_rect(), screen))
}

/// How much of the text is above the bottom of the screen, 0 to 1; `None` while there is no
/// text on the page.
fn progress_now() -> Option<f64> {
    let (text, screen) = text_and_screen()?;
    (text.height() > 0.0).then(|| ((screen - text.top()) / text.height()).clamp(0.0, 1.0))
}

/// Scrolls so that `progress` of the text is above the bottom of the screen.
fn scroll_to_progress(progress: f64) {
    let (Some(window), Some((text, screen))) = (web_sys::window(), text_and_screen()) else {
        return;
    };
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let target = scrolled + text.top() + progress * text.height() - screen;
    window.scroll_to_with_x_and_y(0.0, target.max(0.0));
}

/// Whether the reader is more than a screen down the page.
fn far_down() -> bool {
    web_sys::window().is_some_and(|window| {
        let screen = window
            .inner_height()
            .ok()
            .and_then(|height| height.as_f64())
            .unwrap_or(0.0);
        window.scroll_y().unwrap_or(0.0) > screen
    })
}

/// Scrolls to the top of the page (at once when the reader wants less motion) and puts
/// keyboard focus on the page's content, so the next Tab continues from there.
fn back_to_top() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let options = web_sys::ScrollToOptions::new();
    options.set_top(0.0);
    options.set_behavior(if reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    window.scroll_to_with_scroll_to_options(&options);
    if let Some(main) = window
        .document()
        .and_then(|document| document.get_element_by_id("main"))
        .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = main.focus_with_options(&focus);
    }
}

/// The progress bar and "Back to top" of an article; keeps the reader's position.
#[component]
pub(super) fn ReadingProgress(article: ReadArticle) -> impl IntoView {
    let texts = reading_texts(article.lang);
    if take_resume(article.lang, &article.slug) {
        if let Some(position) = positions()
            .into_iter()
            .find(|position| is_of(position, article.lang, &article.slug))
        {
            scroll_to_progress(f64::from(position.permille) / 1000.0);
        }
    }
    let progress = RwSignal::new(progress_now().unwrap_or(0.0));
    let down = RwSignal::new(far_down());

    // Shared with the page's cleanup (which must be Send): whether the page is still shown,
    // whether the reader has scrolled, whether they reached the end in this visit (scrolling
    // back up then does not offer it again), and the last progress seen (as f64 bits).
    let shown = Arc::new(AtomicBool::new(true));
    let scrolled = Arc::new(AtomicBool::new(false));
    let finished = Arc::new(AtomicBool::new(false));
    let last = Arc::new(AtomicU64::new(progress.get_untracked().to_bits()));
    let save = {
        let (article, shown, scrolled, finished, last) = (
            article.clone(),
            shown.clone(),
            scrolled.clone(),
            finished.clone(),
            last.clone(),
        );
        move || {
            if !shown.load(Ordering::Relaxed)
                || !scrolled.load(Ordering::Relaxed)
                || finished.load(Ordering::Relaxed)
            {
                return;
            }
            // Measured now: the last frame's value may be older than the last scroll.
            let now =
                progress_now().unwrap_or_else(|| f64::from_bits(last.load(Ordering::Relaxed)));
            last.store(now.to_bits(), Ordering::Relaxed);
            finished.store(permille(now) >= FINISHED, Ordering::Relaxed);
            remember(&article, now);
        }
    };
    let save = Rc::new(save);
    let frame_pending = Rc::new(Cell::new(false));
    let save_pending = Rc::new(Cell::new(false));
    // On every scroll (and resize): the bar and "Back to top" at the next frame, the
    // position a moment later (at most every SAVE_EVERY_MS).
    let update = {
        let (shown, scrolled, last) = (shown.clone(), scrolled.clone(), last.clone());
        move |by_reader: bool| {
            if by_reader {
                scrolled.store(true, Ordering::Relaxed);
            }
            if !frame_pending.replace(true) {
                let (frame_pending, shown, last) =
                    (frame_pending.clone(), shown.clone(), last.clone());
                next_frame(move || {
                    frame_pending.set(false);
                    if !shown.load(Ordering::Relaxed) {
                        return;
                    }
                    if let Some(now) = progress_now() {
                        last.store(now.to_bits(), Ordering::Relaxed);
                        progress.try_set(now);
                    }
                    down.try_set(far_down());
                });
            }
            if !save_pending.replace(true) {
                let (save_pending, save) = (save_pending.clone(), save.clone());
                browser::after(SAVE_EVERY_MS, move || {
                    save_pending.set(false);
                    save();
                });
            }
        }
    };
    let listeners = web_sys::window()
        .map(|window| {
            let on_resize = update.clone();
            [
                Listener::new(&window, "scroll", move |_| update(true)),
                Listener::new(&window, "resize", move |_| on_resize(false)),
            ]
        })
        .into_iter()
        .flatten()
        .flatten()
        .collect::<Vec<_>>();
    let listeners = StoredValue::new(SendWrapper::new(std::cell::RefCell::new(listeners)));
    {
        let article = SendWrapper::new(article);
        on_cleanup(move || {
            listeners.try_with_value(|listeners| listeners.borrow_mut().clear());
            // Leaving the article (another page, another article): where the reader is now.
            let was_shown = shown.swap(false, Ordering::Relaxed);
            if was_shown && scrolled.load(Ordering::Relaxed) && !finished.load(Ordering::Relaxed) {
                let now = f64::from_bits(last.load(Ordering::Relaxed));
                if permille(now) < FINISHED {
                    remember(&article, now);
                }
            }
        });
    }

    let percent = move || (progress.get() * 100.0).round() as u32;
    view! {
        <div
            class="reading-progress"
            role="progressbar"
            aria-label=texts.progress
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=move || percent().to_string()
            aria-valuetext=move || fill(texts.progress_now, "percent", &percent().to_string())
        >
            <div
                class="reading-progress__bar"
                style:transform=move || {
                    let read = permille(progress.get());
                    format!("scaleX({}.{:03})", read / 1000, read % 1000)
                }
            ></div>
        </div>
        <button
            type="button"
            class="button reader-dock__button back-to-top"
            hidden=move || (!down.get()).then_some("")
            on:click=move |_| back_to_top()
        >
            <span aria-hidden="true">"↑"</span>
            <span class="reader-dock__label">{texts.back_to_top}</span>
        </button>
    }
}

/// "Continue reading" on the front page: the article in `lang` the reader last left
/// unfinished, how far they got, and a way to stop suggesting it.
#[component]
pub(super) fn ContinueReading(lang: Lang) -> impl IntoView {
    let texts = reading_texts(lang);
    let latest = RwSignal::new(
        positions()
            .into_iter()
            .find(|position| position.lang == lang.code()),
    );
    move || {
        latest.get().map(|position| {
            let Position {
                slug,
                title,
                permille,
                ..
            } = position;
            let percent = (permille + 5) / 10;
            let read = fill(texts.progress_now, "percent", &percent.to_string());
            let href = article_href(lang, &slug);
            let mark = resume_mark(lang, &slug);
            view! {
                <section class="continue-reading" aria-labelledby="continue-reading-heading">
                    <h2 id="continue-reading-heading" class="continue-reading__heading">
                        {texts.continue_reading}
                    </h2>
                    <a
                        class="continue-reading__link"
                        href=href
                        on:click=move |_| {
                            if let Some(storage) = browser::session_storage() {
                                let _ = storage.set_item(RESUME_KEY, &mark);
                            }
                        }
                    >
                        {title}
                    </a>
                    <div class="continue-reading__meter" aria-hidden="true">
                        <div
                            class="continue-reading__meter-bar"
                            style:width=format!("{percent}%")
                        ></div>
                    </div>
                    <p class="continue-reading__progress">{read}</p>
                    <button
                        type="button"
                        class="continue-reading__dismiss"
                        aria-label=texts.hide_suggestion
                        title=texts.hide_suggestion
                        on:click=move |_| {
                            forget(lang, &slug);
                            latest.set(None);
                        }
                    >
                        <span aria-hidden="true">"×"</span>
                    </button>
                </section>
            }
        })
    }
}
