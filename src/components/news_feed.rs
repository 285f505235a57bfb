//! A list of article cards that loads more as the reader scrolls (IntersectionObserver on a
//! sentinel below the list), with a real "Load more" link to the next page's URL as the
//! fallback, a loading skeleton, an error view with Retry and an empty state.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use gazette_api_types::{ArticleList, ArticleSummary, Lang};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use send_wrapper::SendWrapper;

use super::{ArticleCard, CardSize, CardsSkeleton, ErrorView};
use crate::api::ApiError;
use crate::browser::VisibilityWatch;
use crate::i18n::{t, NewsroomZone};
use crate::reading::{FeedUpdatesTools, LiveFeed};

/// Loads the page of articles after a cursor (`None`: the first page).
pub type PageLoader =
    Rc<dyn Fn(Option<String>) -> Pin<Box<dyn Future<Output = Result<ArticleList, ApiError>>>>>;

/// How many cards come before the feed's interlude (shared with the server's first screen).
pub use gazette_api_types::FEED_CARDS_BEFORE_INTERLUDE as INTERLUDE_AFTER;

#[derive(Clone, Debug, PartialEq)]
enum FeedState {
    Loading,
    Ready,
    Failed(ApiError),
}

/// The paged list of cards.
#[component]
pub fn NewsFeed(
    lang: Lang,
    /// The newsroom's time zone for card times.
    time_zone: Signal<NewsroomZone>,
    /// Fetches one page.
    loader: PageLoader,
    /// Where the list starts (the `after` query parameter of a "Load more" URL).
    start: Option<String>,
    /// Makes the URL of the page after a cursor, for the "Load more" link.
    more_href: Rc<dyn Fn(&str) -> String>,
    /// Shows the first article as the lead story.
    #[prop(optional)]
    lead: bool,
    /// How many pages load by themselves on scrolling before the reader has to press
    /// "Load more" (so content below the feed stays reachable); `None`: no limit.
    #[prop(optional)]
    auto_pages: Option<usize>,
    /// Shown inside the list after the first [`INTERLUDE_AFTER`] cards (the front page puts
    /// "Most read" there for phones, where the sidebar would come after the whole feed).
    #[prop(optional, into)]
    interlude: Option<ViewFn>,
    /// Which list this is, for "N new stories" (loaded after paint); only a feed that
    /// starts at the newest story offers them.
    #[prop(default = None)]
    live: Option<LiveFeed>,
) -> impl IntoView {
    let items = RwSignal::new(Vec::<ArticleSummary>::new());
    let next = RwSignal::new(None::<String>);
    let state = RwSignal::new(FeedState::Loading);
    let started = RwSignal::new(false);
    let strings = t(lang);
    let more_href = SendWrapper::new(more_href);
    // Coming back (Back, Forward, reload) to a feed scrolled deep: load as many cards as it
    // showed, page after page, before the scroll restorer puts the reader back among them.
    let catch_up = crate::browser::returning_feed_depth().unwrap_or(0);
    let catching_up = RwSignal::new(catch_up > 0);

    // The loader, for the catch-up to call again from inside itself.
    let again = StoredValue::new_local(None::<Rc<dyn Fn()>>);
    let load = {
        let loader = SendWrapper::new(loader);
        let start = start.clone();
        move || {
            let cursor = if started.get_untracked() {
                next.get_untracked()
            } else {
                start.clone()
            };
            let future = (loader)(cursor);
            state.set(FeedState::Loading);
            spawn_local_scoped(async move {
                match future.await {
                    Ok(page) => {
                        items.try_update(|items| items.extend(page.items));
                        next.try_set(page.next_cursor);
                        started.try_set(true);
                        state.try_set(FeedState::Ready);
                    }
                    Err(error) => {
                        state.try_set(FeedState::Failed(error));
                    }
                }
                crate::browser::reveal_page();
                let shown = items.try_with_untracked(Vec::len).unwrap_or(0);
                let more = next.try_with_untracked(Option::is_some).unwrap_or(false);
                let ready = state.try_get_untracked() == Some(FeedState::Ready);
                if catching_up.try_get_untracked() == Some(true) {
                    if ready && more && shown < catch_up {
                        if let Some(Some(load)) = again.try_get_value() {
                            load();
                        }
                        return;
                    }
                    catching_up.try_set(false);
                }
                if ready {
                    crate::browser::remember_feed_depth(shown);
                }
            });
        }
    };
    let load: Rc<dyn Fn()> = Rc::new(load);
    again.set_value(Some(load.clone()));
    let load = StoredValue::new_local(load);
    load.with_value(|load| load());

    let load_more = move || {
        if state.get_untracked() == FeedState::Ready && next.get_untracked().is_some() {
            load.with_value(|load| load());
        }
    };

    // Load the next page when the sentinel below the list comes near the viewport.
    let auto_loaded = StoredValue::new(0_usize);
    let auto_load = move || {
        let allowed = auto_pages.is_none_or(|limit| auto_loaded.get_value() < limit);
        if allowed && state.get_untracked() == FeedState::Ready && next.get_untracked().is_some() {
            auto_loaded.update_value(|count| *count += 1);
            load_more();
        }
    };
    let sentinel = NodeRef::<Div>::new();
    let watch = StoredValue::new(SendWrapper::new(std::cell::RefCell::new(
        None::<VisibilityWatch>,
    )));
    Effect::new(move |_| {
        if let Some(element) = sentinel.get() {
            let created = VisibilityWatch::new(&element, auto_load);
            watch.with_value(|slot| *slot.borrow_mut() = created);
        }
    });
    on_cleanup(move || {
        watch.try_with_value(|slot| slot.borrow_mut().take());
    });

    // The first page's skeleton stands where the cards will be, so nothing moves.
    let first_loading =
        Memo::new(move |_| items.with(Vec::is_empty) && state.get() == FeedState::Loading);
    let cards = move || {
        if first_loading.get() {
            return view! { <CardsSkeleton count=6 lang=lang /> }.into_any();
        }
        // Keyed by position and slug: a further page only adds cards, the ones shown stay.
        let interlude = interlude.clone();
        view! {
            <For
                each=move || items.get().into_iter().enumerate()
                key=|(index, article)| (*index, article.slug.clone())
                children=move |(index, article)| {
                    let size = if lead && index == 0 { CardSize::Lead } else { CardSize::Regular };
                    let interlude = interlude
                        .clone()
                        .filter(|_| index + 1 == INTERLUDE_AFTER)
                        .map(|interlude| view! { <div class="feed__interlude">{interlude.run()}</div> });
                    view! {
                        <ArticleCard article=article time_zone=time_zone size=size />
                        {interlude}
                    }
                }
            />
        }
        .into_any()
    };

    let footer = move || match state.get() {
        FeedState::Loading if items.with(Vec::is_empty) => ().into_any(),
        FeedState::Loading => view! {
            <p class="feed__loading" role="status">
                {strings.loading}
            </p>
        }
        .into_any(),
        FeedState::Failed(error) => view! {
            <ErrorView error=error lang=lang on_retry=move || load.with_value(|load| load()) />
        }
        .into_any(),
        FeedState::Ready if items.with(Vec::is_empty) => {
            view! { <p class="feed__empty">{strings.empty_list}</p> }.into_any()
        }
        FeedState::Ready => match next.get() {
            Some(cursor) => {
                let href = more_href(&cursor);
                view! {
                    <a
                        class="button feed__more"
                        href=href
                        on:click=move |event| {
                            event.prevent_default();
                            load_more();
                        }
                    >
                        {strings.load_more}
                    </a>
                }
                .into_any()
            }
            None => view! { <p class="feed__end">{strings.no_more}</p> }.into_any(),
        },
    };

    let updates = live.filter(|_| start.is_none()).map(|live| {
        view! { <FeedUpdatesTools lang=lang category=live.category items=items /> }
    });
    view! {
        <div class="feed" data-restoring=move || catching_up.get().then_some("")>
            {updates}
            <div class="feed__cards">{cards}</div>
            <div class="feed__footer">{footer}</div>
            <div class="feed__sentinel" node_ref=sentinel aria-hidden="true"></div>
        </div>
    }
}
