//! What a page shows instead of its content when the reader is offline and the page was
//! never kept: the articles that can be read without network.

use std::cell::Cell;
use std::rc::Rc;

use gazette_api_types::Lang;
use leptos::prelude::*;

use crate::i18n::t;
use crate::pwa;
use crate::urls::article_href;

/// How long after the browser says it is online again a failed retry still counts as "the
/// connection is coming back": the browser's `online` event can come before requests get
/// through (the service worker's network may follow the page's a moment later).
const RECONNECT_WINDOW_MS: f64 = 30_000.0;
/// How often the offline view tries again within that window.
const RECONNECT_RETRY_MS: i32 = 1_000;

thread_local! {
    /// When the browser last said it was back online (`Date.now()`), if ever.
    static BACK_ONLINE_AT: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Whether the browser came back online within the last [`RECONNECT_WINDOW_MS`]: a network
/// error now means the connection is not through yet, so the page keeps the offline view and
/// keeps trying instead of showing an error.
pub fn reconnecting() -> bool {
    BACK_ONLINE_AT.with(|at| {
        at.get()
            .is_some_and(|since| js_sys::Date::now() - since < RECONNECT_WINDOW_MS)
    })
}

/// "You are offline" with links to every article readable offline, and Retry; when the
/// network comes back the page retries by itself, every second until it gets through (for
/// [`RECONNECT_WINDOW_MS`]).
#[component]
pub fn OfflineView(
    lang: Lang,
    /// Called when the reader presses Retry, and when the browser is back online.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let strings = t(lang);
    let on_retry = Rc::new(on_retry);
    let retry_when_online = on_retry.clone();
    let back_online = window_event_listener(leptos::ev::online, move |_| {
        BACK_ONLINE_AT.with(|at| at.set(Some(js_sys::Date::now())));
        retry_when_online();
    });
    on_cleanup(move || back_online.remove());
    if crate::browser::is_online() && reconnecting() {
        // Shown again after a retry that did not get through: try once more in a moment,
        // unless the view is gone by then (its owner disposes `shown`).
        let shown = StoredValue::new(());
        let retry = on_retry.clone();
        crate::browser::after(RECONNECT_RETRY_MS, move || {
            if shown.try_get_value().is_some() {
                retry();
            }
        });
    }
    let available = RwSignal::new(None::<Vec<gazette_api_types::ArticleSummary>>);
    leptos::task::spawn_local(async move {
        let articles = pwa::offline_articles().await;
        available.try_set(Some(articles));
    });
    let list = move || {
        available.get().map(|articles| {
            if articles.is_empty() {
                return view! { <p>{strings.offline_nothing}</p> }.into_any();
            }
            let links = articles
                .into_iter()
                .map(|article| {
                    view! {
                        <li lang=article.lang.code()>
                            <a href=article_href(article.lang, &article.slug)>{article.title}</a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p>{strings.offline_page}</p>
                <ul class="offline-view__list">{links}</ul>
            }
            .into_any()
        })
    };
    view! {
        <section class="offline-view">
            <h2 class="offline-view__title">{strings.offline_title}</h2>
            {list}
            <button type="button" class="button" on:click=move |_| on_retry()>
                {strings.retry}
            </button>
        </section>
    }
}
