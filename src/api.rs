//! The only place the front end speaks HTTP: one typed function per endpoint of the JSON
//! contract (`gazette-api-types`), each returning `Result<T, ApiError>`. Every request path
//! comes from `gazette_api_types::routes::api`, the functions the server's preloads use too, so
//! a preloaded answer is the one the app asks for.
//!
//! Requests go to the same origin unless the page names another API origin in
//! `<meta name="gazette-api-origin" content="https://api.example">` (or the build sets
//! `GAZETTE_API_ORIGIN`), so the front end can drive any backend implementing the contract.
//! A request made while a page is rendering is aborted when that page goes away. Nothing from
//! the network is unwrapped: a failed request, an error status or a body that is not the
//! expected JSON all become an [`ApiError`] that pages show with a Retry button.

use gazette_api_types::routes::api;
use gazette_api_types::{
    Article, ArticleList, Category, CategoryList, ErrorBody, Lang, SearchResults, SiteInfo, Tag,
    ViewCount, VISITOR_HEADER,
};
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a request did not give the expected data.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No response: offline, DNS, connection refused, aborted.
    Network,
    /// The server answered with an error status; `message` is its JSON error message if any.
    Status {
        /// The HTTP status code.
        status: u16,
        /// The message of the contract's error body (`ErrorBody`), empty without one.
        message: String,
    },
    /// The response was not the JSON this version of the front end understands.
    Malformed,
}

impl ApiError {
    /// Whether the server said the thing does not exist (the page shows "not found").
    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiError::Status { status: 404, .. })
    }
}

/// How long a request may take before it is abandoned as failed.
pub const REQUEST_TIMEOUT_MS: i32 = 10_000;

/// How many related articles an article page shows.
const RELATED_LIMIT: u32 = 4;

/// How many articles the "Most read" list shows.
const MOST_READ_LIMIT: u32 = 5;
/// The window of "Most read", in days (its heading says so).
const MOST_READ_DAYS: u32 = 7;

/// Where the API lives: the page's `gazette-api-origin` meta tag, the build's
/// `GAZETTE_API_ORIGIN`, or this origin.
fn api_origin() -> String {
    let from_page = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("meta[name=gazette-api-origin]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"));
    from_page
        .or_else(|| option_env!("GAZETTE_API_ORIGIN").map(str::to_owned))
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned()
}

/// What a request for a live update found ([`revalidate`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Revalidated<T> {
    /// The answer is the one the caller has (`304 Not Modified`).
    Unchanged,
    /// A new answer, with its ETag to send next time.
    Changed {
        /// The decoded answer.
        value: T,
        /// The answer's `ETag`, if the server sent one.
        etag: Option<String>,
    },
}

/// A header of a request.
type Header<'a> = (&'a str, &'a str);

/// Sends a request to `path` (an API path from `routes::api`, with its prefix) and decodes the JSON answer as `T`.
async fn request<T: DeserializeOwned>(
    method: &str,
    path: &str,
    visitor: Option<&str>,
) -> Result<T, ApiError> {
    let header = visitor.map(|visitor| (VISITOR_HEADER, visitor));
    let (response, text) = send(method, path, header, false).await?;
    decode(&response, &text)
}

/// Sends a request and reads its whole answer. `fresh`: past the browser's HTTP cache and
/// the service worker (live updates must see the server's current answer).
async fn send(
    method: &str,
    path: &str,
    header: Option<Header<'_>>,
    fresh: bool,
) -> Result<(web_sys::Response, String), ApiError> {
    let controller = web_sys::AbortController::new().ok();
    if let Some(controller) = controller.as_ref().filter(|_| method == "GET") {
        // Abort the request if the page that asked for it goes away (registered now, while
        // that page's owner is current; it may be gone by the next task).
        let controller = SendWrapper::new(controller.clone());
        on_cleanup(move || controller.abort());
    }
    // Sent from a task of its own: setting a request up (and the browser's `fetch`) does not
    // lengthen the task that renders the page asking for it. A preloaded answer is waiting.
    crate::browser::next_task().await;
    if controller
        .as_ref()
        .is_some_and(|controller| controller.signal().aborted())
    {
        // The page went away meanwhile: nothing is sent.
        return Err(ApiError::Network);
    }
    let window = web_sys::window().ok_or(ApiError::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some((name, value)) = header {
        let headers = web_sys::Headers::new().map_err(|_| ApiError::Network)?;
        let _ = headers.set(name, value);
        init.set_headers(&headers);
    }
    if fresh {
        init.set_cache(web_sys::RequestCache::NoCache);
    }
    if let Some(controller) = controller {
        init.set_signal(Some(&controller.signal()));
        // Give up on a request that hangs, so the reader gets the error view and Retry.
        crate::browser::after(REQUEST_TIMEOUT_MS, move || controller.abort());
    }
    let url = format!("{}{path}", api_origin());
    let response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .map_err(|_| ApiError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ApiError::Malformed)?;
    let text_promise = response.text().map_err(|_| ApiError::Malformed)?;
    let text = JsFuture::from(text_promise)
        .await
        .map_err(|_| ApiError::Network)?
        .as_string()
        .unwrap_or_default();
    Ok((response, text))
}

/// The JSON answer of `response` (its body `text`) as `T`, or the error it says.
fn decode<T: DeserializeOwned>(response: &web_sys::Response, text: &str) -> Result<T, ApiError> {
    if !response.ok() {
        let message = gazette_api_types::json::from_str::<ErrorBody>(text)
            .map(|body| body.error.message)
            .unwrap_or_default();
        return Err(ApiError::Status {
            status: response.status(),
            message,
        });
    }
    gazette_api_types::json::from_str(text).map_err(|_| ApiError::Malformed)
}

/// `GET path` from the server itself (never a cached copy), sending the ETag of the answer
/// the caller has, if any: live updates ask every minute, and an unchanged answer costs a
/// `304` without a body.
async fn revalidate<T: DeserializeOwned>(
    path: &str,
    etag: Option<&str>,
) -> Result<Revalidated<T>, ApiError> {
    let header = etag.map(|etag| ("If-None-Match", etag));
    let (response, text) = send("GET", path, header, true).await?;
    if response.status() == 304 {
        return Ok(Revalidated::Unchanged);
    }
    let value = decode(&response, &text)?;
    let etag = response.headers().get("ETag").ok().flatten();
    Ok(Revalidated::Changed { value, etag })
}

/// `GET path`, decoded as `T`.
async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    request("GET", path, None).await
}

/// The site's name, links, footer texts and ad slots in `lang`.
pub async fn site(lang: Lang) -> Result<SiteInfo, ApiError> {
    get(&api::site(lang)).await
}

/// The categories in navigation order.
pub async fn categories(lang: Lang) -> Result<CategoryList, ApiError> {
    get(&api::categories(lang)).await
}

/// One category with its name and description.
pub async fn category(lang: Lang, slug: &str) -> Result<Category, ApiError> {
    get(&api::category(lang, slug)).await
}

/// One page of the newest articles, optionally of one category, after `cursor`.
pub async fn articles(
    lang: Lang,
    category: Option<&str>,
    cursor: Option<&str>,
    limit: Option<u32>,
) -> Result<ArticleList, ApiError> {
    get(&api::articles(lang, category, cursor, limit)).await
}

/// One tag, named in `lang`.
pub async fn tag(lang: Lang, slug: &str) -> Result<Tag, ApiError> {
    get(&api::tag(lang, slug)).await
}

/// One page of the newest articles with a tag, after `cursor`.
pub async fn tagged(lang: Lang, tag: &str, cursor: Option<&str>) -> Result<ArticleList, ApiError> {
    get(&api::tagged(lang, tag, cursor)).await
}

/// The few newest articles (the not-found page's suggestions).
pub async fn latest(lang: Lang) -> Result<ArticleList, ApiError> {
    get(&api::articles(lang, None, None, Some(MOST_READ_LIMIT))).await
}

/// One article.
pub async fn article(lang: Lang, slug: &str) -> Result<Article, ApiError> {
    get(&api::article(lang, slug)).await
}

/// The full address `article` requests, under which the reader's saved copy is kept.
pub fn article_url(lang: Lang, slug: &str) -> String {
    format!("{}{}", api_origin(), api::article(lang, slug))
}

/// Newest articles of the same category as `slug`.
pub async fn related(lang: Lang, slug: &str) -> Result<ArticleList, ApiError> {
    get(&api::related(lang, slug, RELATED_LIMIT)).await
}

/// The articles most viewed in the last [`MOST_READ_DAYS`] days.
pub async fn most_read(lang: Lang) -> Result<ArticleList, ApiError> {
    get(&api::most_read(lang, MOST_READ_LIMIT, MOST_READ_DAYS)).await
}

/// Search results for `query`, after `cursor`.
pub async fn search(
    lang: Lang,
    query: &str,
    cursor: Option<&str>,
) -> Result<SearchResults, ApiError> {
    get(&api::search(lang, query, cursor)).await
}

/// An answer received before the code that reads it was loaded: its text and ETag, decoded
/// by that code ([`ReceivedAnswer::decode`]), so the main module carries no decoder for it.
#[derive(Clone, Debug)]
pub struct ReceivedAnswer {
    text: String,
    etag: Option<String>,
}

impl ReceivedAnswer {
    /// The answer as `T`, with its ETag for the next conditional request.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<Revalidated<T>, ApiError> {
        let value =
            gazette_api_types::json::from_str(&self.text).map_err(|_| ApiError::Malformed)?;
        Ok(Revalidated::Changed {
            value,
            etag: self.etag.clone(),
        })
    }
}

/// The newsroom's breaking news in `lang`, if it has any now (the banner's code is fetched
/// only then, and starts from this answer instead of asking again): the answer is only
/// searched for a story here. `None` also when it cannot be asked.
pub async fn breaking_now(lang: Lang) -> Option<ReceivedAnswer> {
    let (response, text) = send("GET", &api::breaking(lang), None, true).await.ok()?;
    (response.ok() && text.contains("\"slug\"")).then(|| ReceivedAnswer {
        etag: response.headers().get("ETag").ok().flatten(),
        text,
    })
}

/// The first page of the newest articles (of a category), if it changed since `etag`.
pub async fn latest_again(
    lang: Lang,
    category: Option<&str>,
    etag: Option<&str>,
) -> Result<Revalidated<ArticleList>, ApiError> {
    revalidate(&api::articles(lang, category, None, None), etag).await
}

/// One article, if it changed since `etag`, read as `T`: the part of the contract's
/// `Article` the caller needs (a smaller decoder than the whole article's).
pub async fn article_again<T: DeserializeOwned>(
    lang: Lang,
    slug: &str,
    etag: Option<&str>,
) -> Result<Revalidated<T>, ApiError> {
    revalidate(&api::article(lang, slug), etag).await
}

/// The breaking news in `lang`, if they changed since `etag`, read as `T`: the part of the
/// contract's `ArticleList` the caller needs.
pub async fn breaking<T: DeserializeOwned>(
    lang: Lang,
    etag: Option<&str>,
) -> Result<Revalidated<T>, ApiError> {
    revalidate(&api::breaking(lang), etag).await
}

/// Counts this reader's visit to an article and returns the new counter.
pub async fn count_view(lang: Lang, slug: &str, visitor: &str) -> Result<ViewCount, ApiError> {
    request("POST", &api::views(lang, slug), Some(visitor)).await
}
