//! The installable app: the service worker and its updates, the browser's install offer, the
//! reader's saved articles and the list of articles readable offline.
//!
//! The browser work is in `src/pwa.js` (promise- and event-heavy APIs are smaller there than
//! through web-sys); this module gives the app typed, panic-free functions over it. Saved
//! articles live in the Cache API (`gazette-saved-v1`), which the service worker reads when the
//! network is gone and never clears, so they survive reloads, browser restarts and new builds.

use gazette_api_types::routes::{api::ARTICLES, encode};
use gazette_api_types::{ArticleSummary, Image, API_PREFIX};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/pwa.js")]
extern "C" {
    #[wasm_bindgen(js_name = startWorker)]
    fn start_worker(script_url: &str, on_update: &js_sys::Function);
    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_update_js();
    #[wasm_bindgen(js_name = watchInstall)]
    fn watch_install(on_change: &js_sys::Function);
    #[wasm_bindgen(js_name = install)]
    fn install_js() -> js_sys::Promise;
    #[wasm_bindgen(catch, js_name = saveArticle)]
    async fn save_article_js(article_url: &str, image_files: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = removeArticle)]
    async fn remove_article_js(article_url: &str, image_files: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = isSaved)]
    async fn is_saved_js(article_url: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = savedArticles)]
    async fn saved_articles_js(articles: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = offlineArticles)]
    async fn offline_articles_js(articles: &str) -> Result<JsValue, JsValue>;
}

/// What the app knows about new builds and installation, for the prompts at the bottom.
#[derive(Clone, Copy)]
pub struct AppStatus {
    /// A new build is installed and waiting: offer "Refresh".
    pub update_ready: RwSignal<bool>,
    /// The browser offers to install the app: show "Install app".
    pub can_install: RwSignal<bool>,
}

/// The service worker's address: `/sw.js` told the contract's API paths, so the worker caches
/// exactly the API (`api=`) and keeps articles (`articles=`) network-first.
fn worker_url() -> String {
    format!(
        "/sw.js?api={}&articles={}",
        encode(API_PREFIX),
        encode(ARTICLES)
    )
}

/// Registers the service worker (`/sw.js`, written by the release build; development builds
/// have none and go without) and starts listening for new builds and install offers.
pub fn start() -> AppStatus {
    let status = AppStatus {
        update_ready: RwSignal::new(false),
        can_install: RwSignal::new(false),
    };
    // These listeners live as long as the page, so their closures are never dropped.
    let on_update = Closure::<dyn Fn()>::new(move || status.update_ready.set(true));
    // In a task of its own, not in the one that starts the app.
    crate::browser::after(0, move || {
        start_worker(&worker_url(), on_update.as_ref().unchecked_ref());
        on_update.forget();
    });
    let on_install = Closure::<dyn Fn(bool)>::new(move |offered| status.can_install.set(offered));
    watch_install(on_install.as_ref().unchecked_ref());
    on_install.forget();
    status
}

/// Switches to the waiting new build and reloads the page with it.
pub fn apply_update() {
    apply_update_js();
}

/// Opens the browser's install dialog.
pub fn install() {
    let _ = install_js();
}

/// The files of a picture kept with a saved article (`Image::offline_files`; empty without
/// a picture).
pub fn image_files(image: Option<&Image>) -> String {
    image.map(Image::offline_files).unwrap_or_default()
}

/// Saves an article (`article_url` is its API address, see `api::article_url`) and its
/// picture's files ([`image_files`]) for reading offline; returns whether it worked.
pub async fn save_article(article_url: &str, image_files: &str) -> bool {
    save_article_js(article_url, image_files).await.is_ok()
}

/// Forgets a saved article and its picture's files; returns whether it worked.
pub async fn remove_article(article_url: &str, image_files: &str) -> bool {
    remove_article_js(article_url, image_files).await.is_ok()
}

/// Whether the article at `article_url` is saved.
pub async fn is_saved(article_url: &str) -> bool {
    is_saved_js(article_url)
        .await
        .is_ok_and(|saved| saved.is_truthy())
}

/// The saved articles, newest first; `None` when the browser's storage is unavailable.
pub async fn saved_articles() -> Option<Vec<ArticleSummary>> {
    decode(saved_articles_js(ARTICLES).await)
}

/// Every article the app can show without network (saved, or kept by the service worker).
pub async fn offline_articles() -> Vec<ArticleSummary> {
    decode(offline_articles_js(ARTICLES).await).unwrap_or_default()
}

/// The summaries in a JSON array of stored article answers (their other fields are ignored).
fn decode(json: Result<JsValue, JsValue>) -> Option<Vec<ArticleSummary>> {
    gazette_api_types::json::from_str(&json.ok()?.as_string()?).ok()
}
