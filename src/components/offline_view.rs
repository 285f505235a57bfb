//! What a page shows instead of its content when the reader is offline and the page was
//! never kept: the articles that can be read without network.

use gazette_api_types::Lang;
use leptos::prelude::*;

use crate::i18n::t;
use crate::pwa;
use crate::urls::article_href;

/// "You are offline" with links to every article readable offline, and Retry; when the
/// network comes back the page retries by itself.
#[component]
pub fn OfflineView(
    lang: Lang,
    /// Called when the reader presses Retry, and when the browser is back online.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let strings = t(lang);
    let on_retry = std::rc::Rc::new(on_retry);
    let retry_when_online = on_retry.clone();
    let back_online = window_event_listener(leptos::ev::online, move |_| retry_when_online());
    on_cleanup(move || back_online.remove());
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
