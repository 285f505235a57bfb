//! Browser tests of the app as a whole, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use gazette::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Polls the document until `selector` matches, for up to about five seconds.
async fn wait_for(selector: &str) -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    for _ in 0..100 {
        if let Ok(Some(found)) = document.query_selector(selector) {
            return Some(found);
        }
        gloo_timers_sleep(50).await;
    }
    None
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// With no API behind the test page's origin, the home page shows the error view with a
/// working Retry button instead of a blank page.
#[wasm_bindgen_test]
async fn home_without_api_shows_error_with_retry() {
    leptos::mount::mount_to_body(App);
    let alert = wait_for(".error-view").await.expect("error view appears");
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("could not answer"));
    let retry = wait_for(".error-view__retry").await.expect("retry button");
    retry
        .dyn_ref::<web_sys::HtmlElement>()
        .expect("button")
        .click();
    // The retried request fails the same way and the error view comes back.
    gloo_timers_sleep(50).await;
    assert!(wait_for(".error-view").await.is_some());
}
