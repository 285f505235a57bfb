//! Thin, panic-free wrappers over the browser APIs the app uses: storage, document head,
//! clipboard, native share, print and visibility observation. Each returns an `Option` or a
//! `bool` instead of failing, because a missing API must never break the page.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// A value from localStorage (absent when storage is blocked).
pub fn load(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Stores a value in localStorage; returns whether it was stored.
pub fn save(key: &str, value: &str) -> bool {
    window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// The address of this history entry (path and query), as the scroll restorer in
/// `index.html` keys it.
fn history_address() -> Option<String> {
    let location = window()?.location();
    Some(location.pathname().ok()? + &location.search().ok()?)
}

/// Where the feed on `address` keeps its depth, in sessionStorage (per tab, like history).
fn feed_depth_key(address: &str) -> String {
    format!("gazette.feed:{address}")
}

/// This tab's sessionStorage; `None` where the browser refuses it.
pub fn session_storage() -> Option<web_sys::Storage> {
    window()?.session_storage().ok()?
}

/// How many cards a feed on this address showed when the reader left it, if the reader is
/// now coming back to it (Back, Forward, reload): `index.html`'s scroll restorer sets
/// `gazetteReturning` to the address while it brings the reader back. `None` on a fresh visit.
pub fn returning_feed_depth() -> Option<usize> {
    let address = history_address()?;
    let returning =
        js_sys::Reflect::get(&window()?.into(), &JsValue::from_str("gazetteReturning")).ok()?;
    if returning.as_string()? != address {
        return None;
    }
    session_storage()?
        .get_item(&feed_depth_key(&address))
        .ok()??
        .parse()
        .ok()
}

/// Remembers how many cards the feed on this address shows, for [`returning_feed_depth`].
pub fn remember_feed_depth(cards: usize) {
    if let (Some(address), Some(storage)) = (history_address(), session_storage()) {
        let _ = storage.set_item(&feed_depth_key(&address), &cards.to_string());
    }
}

/// The reader's anonymous id for view counting, made once and kept in localStorage.
pub fn visitor_id() -> String {
    const KEY: &str = "gazette.visitor";
    if let Some(id) = load(KEY).filter(|id| !id.is_empty()) {
        return id;
    }
    let id = format!(
        "{:x}{:x}",
        (js_sys::Math::random() * 4_294_967_296.0) as u64,
        js_sys::Date::now() as u64
    );
    save(KEY, &id);
    id
}

/// Sets the document title and the meta description, and the Open Graph and Twitter title
/// and description (what a link preview of the page shows after navigation in the app).
pub fn set_document_meta(title: &str, description: &str) {
    let Some(document) = document() else { return };
    document.set_title(title);
    set_head_attribute(
        &document,
        "meta",
        ("name", "description"),
        "content",
        description,
    );
    // What a link preview shows of a page shared after client navigation.
    set_head_attribute(
        &document,
        "meta",
        ("property", "og:title"),
        "content",
        title,
    );
    set_head_attribute(
        &document,
        "meta",
        ("property", "og:description"),
        "content",
        description,
    );
}

/// The page's canonical address and its address in each other language (`(hreflang, url)`),
/// as the server writes them on a full load, so they follow navigation inside the app.
pub fn set_page_links(canonical: &str, alternates: &[(String, String)]) {
    let Some(document) = document() else { return };
    set_head_attribute(&document, "link", ("rel", "canonical"), "href", canonical);
    set_head_attribute(
        &document,
        "meta",
        ("property", "og:url"),
        "content",
        canonical,
    );
    while let Ok(Some(old)) = document.query_selector("link[rel=alternate][hreflang]") {
        old.remove();
    }
    let Some(head) = document.head() else { return };
    for (hreflang, url) in alternates {
        if let Ok(link) = document.create_element("link") {
            let _ = link.set_attribute("rel", "alternate");
            let _ = link.set_attribute("hreflang", hreflang);
            let _ = link.set_attribute("href", url);
            let _ = head.append_child(&link);
        }
    }
}

/// Sets `attribute` of the head's `<tag key=value>`, adding the element when there is none.
fn set_head_attribute(
    document: &web_sys::Document,
    tag: &str,
    (key, value): (&str, &str),
    attribute: &str,
    content: &str,
) {
    let selector = format!("{tag}[{key}=\"{value}\"]");
    let element = match document.query_selector(&selector) {
        Ok(Some(element)) => Some(element),
        _ => document.create_element(tag).ok().inspect(|element| {
            let _ = element.set_attribute(key, value);
            if let Some(head) = document.head() {
                let _ = head.append_child(element);
            }
        }),
    };
    if let Some(element) = element {
        let _ = element.set_attribute(attribute, content);
    }
}

/// Loads the page again (the Retry of a part of the app that failed to load).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Moves keyboard focus to the page's main content (`<main id="main" tabindex="-1">`);
/// focusing also brings it into view.
pub fn focus_main() {
    if let Some(main) = document()
        .and_then(|document| document.get_element_by_id("main"))
        .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// Sets `<html lang>`.
pub fn set_html_lang(code: &str) {
    if let Some(root) = document().and_then(|document| document.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// This page's address without query or fragment: `origin + path`.
pub fn page_url(path: &str) -> String {
    let origin = window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}")
}

/// Writes text to the clipboard; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = window() else { return false };
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Whether the browser has the Web Share API (`navigator.share`).
pub fn can_share() -> bool {
    window().is_some_and(|window| {
        js_sys::Reflect::has(&window.navigator(), &JsValue::from_str("share")).unwrap_or(false)
    })
}

/// Opens the system share sheet; resolves when it closes (shared or cancelled).
pub async fn share(title: &str, url: &str) {
    let Some(window) = window() else { return };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let _ = JsFuture::from(window.navigator().share_with_data(&data)).await;
}

thread_local! {
    /// Whether a page has been revealed ([`reveal_page`]): the app's start is over.
    static START_IS_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the app's start is over (its first page is in place): from then on nothing is
/// deferred to cut the start into tasks (`components::AfterStart`), so a page rebuilt later
/// (an article's newer version, Back) is whole at once and keeps the reader's place.
pub fn start_is_over() -> bool {
    START_IS_OVER.get()
}

/// Removes the server's static first screen (`#first-screen`) once the page's content is in
/// place underneath; a moment later, so the app's images are painted first. What the reader
/// was doing on it carries over (the first screen's `gazetteHandOver` in `index.html`: the open
/// menu, the search text): a reader who had focus on one of its controls continues on the
/// app's same control, else in the app's content, not at the page's top.
pub fn reveal_page() {
    after(50, || {
        START_IS_OVER.set(true);
        let Some(document) = document() else { return };
        let Some(screen) = document.get_element_by_id("first-screen") else {
            return;
        };
        let had_focus = document
            .active_element()
            .is_some_and(|focused| screen.contains(Some(&focused)));
        let same_control = hand_over(&screen);
        screen.remove();
        match same_control {
            // Once the app has shown what was carried over (the menu opens in a later
            // microtask: its links cannot take focus before).
            Some(control) => after(0, move || {
                let _ = control.focus();
                let focused = document
                    .active_element()
                    .is_some_and(|active| control.is_same_node(Some(&active)));
                if !focused {
                    focus_main();
                }
            }),
            None if had_focus => focus_main(),
            None => {}
        }
    });
}

/// Calls the first screen's `window.gazetteHandOver(screen)`; the app's control matching the
/// one that has focus on the first screen, if any.
fn hand_over(screen: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    let window = window()?;
    let hand_over = js_sys::Reflect::get(&window, &JsValue::from_str("gazetteHandOver"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    hand_over.call1(&window, screen).ok()?.dyn_into().ok()
}

/// Whether the browser believes it has a network connection.
pub fn is_online() -> bool {
    window().is_none_or(|window| window.navigator().on_line())
}

/// Opens the print dialog.
pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}

/// Runs `callback` after `ms` milliseconds.
pub fn after(ms: i32, callback: impl FnOnce() + 'static) {
    let Some(window) = window() else { return };
    let closure = Closure::once_into_js(callback);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms);
}

/// Resolves in a later task of the browser's event loop (a `setTimeout` of 0), so work after
/// it does not lengthen the current task: a long task is one the reader waits on (a tap or a
/// key during it is not answered), so start-up work is cut into tasks at these points.
pub async fn next_task() {
    let wait = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(wait).await;
}

/// Calls `on_visible` whenever `element` scrolls into view (within 600 px); the returned
/// observer stops when dropped (`disconnect`).
pub struct VisibilityWatch {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl VisibilityWatch {
    /// Starts watching; `None` where IntersectionObserver is missing (the "Load more" link
    /// still works there).
    pub fn new(element: &web_sys::Element, mut on_visible: impl FnMut() + 'static) -> Option<Self> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let visible = entries.iter().any(|entry| {
                entry
                    .dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if visible {
                on_visible();
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("600px 0px");
        let observer = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
        observer.observe(element);
        Some(VisibilityWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for VisibilityWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
