//! Quote links. Selecting text in an article offers "Copy link to this quote" and, where the
//! browser has a share sheet, "Share quote": the article's address with a text fragment
//! (`#:~:text=`, percent-encoded), so the receiver's browser scrolls to the quote and
//! highlights it. A quote within one paragraph of a few words is named whole; a longer one,
//! or one over several paragraphs, by its first and last words (`text=start,end`), each made
//! long enough to be found once on the page. The toast says which quote the link is to. The
//! share bar keeps the plain article address.

use gazette_api_types::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

use super::{Listener, ReadArticle};
use crate::browser;
use crate::i18n::{fill, quote_texts, t};
use crate::state::use_toaster;

/// A quote of at most this many words within one paragraph is named whole.
const WHOLE_QUOTE_WORDS: usize = 8;
/// The first and last words naming a longer quote: at least this many each.
const EDGE_WORDS: usize = 4;
/// How long the selection must rest before the quote tools appear, in milliseconds.
const SETTLE_MS: i32 = 250;
/// How much of the quote the toast repeats, in characters.
const TOAST_QUOTE_CHARS: usize = 60;

/// The text directive naming `selected` (as `Selection.toString()` gives it: paragraphs on
/// lines of their own) on a page whose visible text is `page_text`: `text=…` or
/// `text=start,end`, percent-encoded. `None` when nothing but spaces is selected.
pub fn text_directive(selected: &str, page_text: &str) -> Option<String> {
    let lines: Vec<Vec<&str>> = selected
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>())
        .filter(|words| !words.is_empty())
        .collect();
    let (first, last) = (lines.first()?, lines.last()?);
    if lines.len() == 1 && first.len() <= WHOLE_QUOTE_WORDS {
        return Some(format!("text={}", encode(&first.join(" "))));
    }
    let page = normalized(page_text);
    // The start: the first words of the first paragraph, more of them until they are found
    // only once on the page (the browser takes the first place they occur).
    let mut start_words = EDGE_WORDS.min(first.len());
    while start_words < first.len()
        && page
            .matches(&normalized(&first[..start_words].join(" ")))
            .count()
            > 1
    {
        start_words += 1;
    }
    let start = first[..start_words].join(" ");
    // In one paragraph the end's words come after the start's; none left: the whole quote.
    let room = if lines.len() == 1 {
        last.len() - start_words
    } else {
        last.len()
    };
    if room == 0 {
        return Some(format!("text={}", encode(&start)));
    }
    // The end: the last words of the last paragraph, more of them until they occur in the
    // quote only at its end (the browser takes the first place after the start).
    let quote = normalized(&selected.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut end_words = EDGE_WORDS.min(room);
    loop {
        let end = normalized(&last[last.len() - end_words..].join(" "));
        if end_words == room || quote.find(&end) == Some(quote.len() - end.len()) {
            break;
        }
        end_words += 1;
    }
    let end = last[last.len() - end_words..].join(" ");
    Some(format!("text={},{}", encode(&start), encode(&end)))
}

/// Lower case with every run of white space one space: how the browser compares.
fn normalized(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Percent-encodes a text directive's term: everything but letters and digits of ASCII and
/// `._~!*'()`, so that `-`, `,` and `&` (the directive's own syntax) and spaces are escaped.
pub fn encode(term: &str) -> String {
    let mut encoded = String::with_capacity(term.len() * 3);
    for byte in term.bytes() {
        if byte.is_ascii_alphanumeric() || b"._~!*'()".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// The start of a quote for the toast: its first characters, cut at a word.
fn quote_excerpt(quote: &str) -> String {
    let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    if quote.chars().count() <= TOAST_QUOTE_CHARS {
        return quote;
    }
    let cut: String = quote.chars().take(TOAST_QUOTE_CHARS).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(words, _)| words);
    format!("{cut}…")
}

/// A quote the reader has selected, and where its tools go on the screen.
#[derive(Clone, Debug, PartialEq)]
struct Quote {
    /// The selected text.
    text: String,
    /// The article's address with the quote's text fragment.
    url: String,
    top: i32,
    left: i32,
}

/// Whether a UTF-16 unit is part of a word (letters and digits of any script).
fn is_word(unit: u16) -> bool {
    char::from_u32(u32::from(unit)).is_some_and(char::is_alphanumeric)
}

/// Widens a range that starts or ends inside a word to the whole word (a text fragment only
/// matches whole words); whether it changed.
fn widen_to_words(range: &web_sys::Range) -> bool {
    let mut changed = false;
    if let (Ok(node), Ok(offset)) = (range.start_container(), range.start_offset()) {
        if node.node_type() == web_sys::Node::TEXT_NODE {
            let units: Vec<u16> = node
                .node_value()
                .unwrap_or_default()
                .encode_utf16()
                .collect();
            let mut start = (offset as usize).min(units.len());
            if start < units.len() && is_word(units[start]) {
                while start > 0 && is_word(units[start - 1]) {
                    start -= 1;
                }
            }
            if start != offset as usize && range.set_start(&node, start as u32).is_ok() {
                changed = true;
            }
        }
    }
    if let (Ok(node), Ok(offset)) = (range.end_container(), range.end_offset()) {
        if node.node_type() == web_sys::Node::TEXT_NODE {
            let units: Vec<u16> = node
                .node_value()
                .unwrap_or_default()
                .encode_utf16()
                .collect();
            let mut end = (offset as usize).min(units.len());
            if end > 0 && is_word(units[end - 1]) {
                while end < units.len() && is_word(units[end]) {
                    end += 1;
                }
            }
            if end != offset as usize && range.set_end(&node, end as u32).is_ok() {
                changed = true;
            }
        }
    }
    changed
}

/// The reader's selection when it lies in the article's text (widened to whole words):
/// the range and its text.
fn selected_in_article() -> Option<(web_sys::Range, String)> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let text = window
        .document()?
        .query_selector("main .article__text")
        .ok()??;
    let range = selection.get_range_at(0).ok()?;
    let inside = |node: Option<web_sys::Node>| node.is_some_and(|node| text.contains(Some(&node)));
    if !inside(range.start_container().ok()) || !inside(range.end_container().ok()) {
        return None;
    }
    if widen_to_words(&range) {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
    let selected = String::from(selection.to_string());
    (!selected.trim().is_empty()).then_some((range, selected))
}

/// Where the quote tools go: below the selection, or above it near the bottom of the
/// screen; inside the screen's width and above the reader dock (Listen, Back to top), which
/// they would otherwise cover (`top`, `left` in CSS pixels of the viewport).
fn place_below(range: &web_sys::Range) -> Option<(i32, i32)> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let rect = range.get_bounding_client_rect();
    let screen_height = window.inner_height().ok()?.as_f64()?;
    let screen_width = f64::from(document.document_element()?.client_width());
    // On a phone the two buttons may take two rows.
    let tools_height = if screen_width < 480.0 { 104.0 } else { 56.0 };
    const TOOLS_WIDTH: f64 = 360.0;
    let dock_top = document
        .query_selector("main .reader-dock")
        .ok()
        .flatten()
        .map(|dock| dock.get_bounding_client_rect().top())
        .filter(|top| *top > 0.0)
        .unwrap_or(screen_height);
    let lowest = screen_height.min(dock_top) - 8.0;
    // Kept on the screen even when the selection is not (still reachable from the keyboard).
    let top = if rect.bottom() + 8.0 + tools_height < lowest {
        rect.bottom() + 8.0
    } else {
        rect.top() - 8.0 - tools_height
    }
    .clamp(8.0, (lowest - tools_height).max(8.0));
    let widest_left = (screen_width - TOOLS_WIDTH.min(screen_width - 16.0) - 8.0).max(8.0);
    let left = rect.left().clamp(8.0, widest_left);
    Some((top.round() as i32, left.round() as i32))
}

/// The text of the page as the reader sees it (what a text fragment is searched in).
fn page_text() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
        .map(|body| body.inner_text())
        .unwrap_or_default()
}

/// Opens the system share sheet with the quote and its link.
async fn share_quote(title: &str, quote: &str, url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_text(&format!(
        "«{}»",
        quote.split_whitespace().collect::<Vec<_>>().join(" ")
    ));
    data.set_url(url);
    let _ = wasm_bindgen_futures::JsFuture::from(window.navigator().share_with_data(&data)).await;
}

/// The quote tools of an article: shown by a selection in its text.
#[component]
pub(super) fn QuoteLinks(article: ReadArticle) -> impl IntoView {
    let lang: Lang = article.lang;
    let texts = quote_texts(lang);
    let strings = t(lang);
    let toaster = use_toaster();
    let quote = RwSignal::new(None::<Quote>);
    let range = StoredValue::new(SendWrapper::new(std::cell::RefCell::new(
        None::<web_sys::Range>,
    )));
    let url = article.url.clone();
    // The tools follow the selection once it has rested (not at every step of a drag).
    let changes = std::rc::Rc::new(std::cell::Cell::new(0_u32));
    let follow_selection = std::rc::Rc::new(move || {
        let change = changes.get().wrapping_add(1);
        changes.set(change);
        let (changes, url) = (changes.clone(), url.clone());
        browser::after(SETTLE_MS, move || {
            if changes.get() != change {
                return;
            }
            let found = selected_in_article().and_then(|(selected, text)| {
                let directive = text_directive(&text, &page_text())?;
                let (top, left) = place_below(&selected)?;
                range.try_with_value(|slot| *slot.borrow_mut() = Some(selected));
                Some(Quote {
                    text,
                    url: format!("{url}#:~:{directive}"),
                    top,
                    left,
                })
            });
            if quote.try_get_untracked().flatten() != found {
                quote.try_set(found);
            }
        });
    });
    // A selection made before the tools arrived (selecting is one of the ways their chunk
    // is asked for) is followed too.
    follow_selection();
    let on_change = move |_: web_sys::Event| follow_selection();
    // Scrolling moves the tools with the quote.
    let on_scroll = move |_: web_sys::Event| {
        if quote.with_untracked(Option::is_none) {
            return;
        }
        let placed = range
            .try_with_value(|slot| slot.borrow().as_ref().and_then(place_below))
            .flatten();
        if let Some((top, left)) = placed {
            quote.update(|shown| {
                if let Some(shown) = shown {
                    shown.top = top;
                    shown.left = left;
                }
            });
        }
    };
    let listeners = web_sys::window()
        .map(|window| {
            let document = window.document();
            [
                document
                    .and_then(|document| Listener::new(&document, "selectionchange", on_change)),
                Listener::new(&window, "scroll", on_scroll),
            ]
        })
        .into_iter()
        .flatten()
        .flatten()
        .collect::<Vec<_>>();
    let listeners = StoredValue::new(SendWrapper::new(std::cell::RefCell::new(listeners)));
    on_cleanup(move || {
        listeners.try_with_value(|listeners| listeners.borrow_mut().clear());
    });

    let copy = move |_| {
        let Some(shown) = quote.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let copied = browser::copy_text(&shown.url).await;
            toaster.show(if copied {
                fill(texts.quote_copied, "quote", &quote_excerpt(&shown.text))
            } else {
                strings.copy_failed.to_owned()
            });
        });
    };
    let title = article.title.clone();
    let share = browser::can_share().then(|| {
        view! {
            <button
                type="button"
                class="button quote-tools__share"
                on:click=move |_| {
                    if let Some(shown) = quote.get_untracked() {
                        let title = title.clone();
                        spawn_local(async move { share_quote(&title, &shown.text, &shown.url).await });
                    }
                }
            >
                {texts.share_quote}
            </button>
        }
    });
    view! {
        <div
            class="quote-tools"
            role="toolbar"
            aria-label=texts.tools
            hidden=move || quote.with(Option::is_none).then_some("")
            style:top=move || format!("{}px", quote.with(|shown| shown.as_ref().map_or(0, |shown| shown.top)))
            style:left=move || format!("{}px", quote.with(|shown| shown.as_ref().map_or(0, |shown| shown.left)))
            // Pressing a button must not clear the selection it is about.
            on:mousedown=|event| event.prevent_default()
        >
            <button type="button" class="button quote-tools__copy" on:click=copy>
                {texts.copy_quote_link}
            </button>
            {share}
        </div>
    }
}
