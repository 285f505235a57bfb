//! `AfterStart`: while the app starts, renders its children in a later task of the browser
//! than the one building the view around them. Start-up work is cut into tasks this way: a
//! long task is one the reader waits on (a tap or a key during it is not answered), and
//! Lighthouse counts every task over 50 ms on a phone as blocking.

use leptos::prelude::*;

use crate::browser;

/// Renders `children` in the task after the one that builds this: parts of a view a reader
/// does not see yet (the footer, below the page; the bottom stack, empty until something is
/// announced; an article's text below its picture; the header's menu), so the task building
/// the rest is shorter. Where the server's first screen covers the page, the deferred part is
/// in place long before the first screen goes. Once the start is over
/// ([`browser::start_is_over`]) the children are rendered at once: a view rebuilt while the
/// reader is on it must not be short for a moment (the scroll position would be clamped).
#[component]
pub fn AfterStart(children: Children) -> impl IntoView {
    let ready = RwSignal::new(browser::start_is_over());
    if !ready.get_untracked() {
        leptos::task::spawn_local(async move {
            browser::next_task().await;
            ready.try_set(true);
        });
    }
    let children = StoredValue::new_local(Some(children));
    // Only `ready` is tracked: the children are made once (untracked, so a signal they read
    // cannot run this again, which would find them taken).
    move || {
        ready
            .get()
            .then(|| children.try_update_value(Option::take).flatten())
            .flatten()
            .map(untrack)
    }
}
