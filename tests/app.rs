//! Browser tests of the app as a whole, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

#[path = "support/dom.rs"]
mod support;

use gazette::App;
use support::{container, sleep, wait_for, wait_for_in};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
    sleep(50).await;
    assert!(wait_for(".error-view").await.is_some());
}

/// The one language route group serves every prefix: each address opens its page, in the
/// language of its prefix, and unknown addresses open "Page not found". (There is no API
/// here, so the category and the article are "not found" inside their pages.)
#[wasm_bindgen_test]
async fn every_address_opens_its_page_in_its_language() {
    let history = web_sys::window().unwrap().history().unwrap();
    let cases = [
        ("/", ".home__latest", "Latest news"),
        ("/ru", ".home__latest", "Последние новости"),
        ("/hy", ".home__latest", "Վերջին լուրեր"),
        (
            "/category/x",
            ".category-header-slot .not-found",
            "Page not found",
        ),
        (
            "/ru/category/x",
            ".category-header-slot .not-found",
            "Страница не найдена",
        ),
        (
            "/hy/article/x",
            ".article-column .not-found",
            "Էջը չի գտնվել",
        ),
        ("/search", ".search__title", "Search"),
        ("/ru/saved", ".saved__title", "Сохранённые статьи"),
        (
            "/ru/nothing/here",
            "main > .not-found",
            "Страница не найдена",
        ),
        ("/rugby", "main > .not-found", "Page not found"),
        ("/en/search", "main > .not-found", "Page not found"),
    ];
    for (path, selector, text) in cases {
        history
            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
            .unwrap();
        let root = container();
        let handle = leptos::mount::mount_to(root.clone(), App);
        let found = wait_for_in(&root, selector).await;
        let found = found.unwrap_or_else(|| panic!("{path}: {selector} appears"));
        assert!(
            found.text_content().unwrap_or_default().contains(text),
            "{path}: {selector} says {text:?}"
        );
        drop(handle);
        root.remove();
    }
    history
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
}

/// Switching language in the app (the router, no reload) makes the page again in the new
/// language: each language prefix is its own route, so its page is a new page.
#[wasm_bindgen_test]
async fn the_language_switch_rebuilds_the_page_in_the_new_language() {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/category/x"))
        .unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    let heading = wait_for_in(&root, ".category-header-slot .not-found h1")
        .await
        .expect("the category page");
    assert_eq!(heading.text_content().as_deref(), Some("Page not found"));
    let russian = wait_for_in(&root, "a.languages__link[hreflang=ru]")
        .await
        .expect("the language switch");
    assert_eq!(
        russian.get_attribute("href").as_deref(),
        Some("/ru/category/x")
    );
    russian.unchecked_ref::<web_sys::HtmlElement>().click();
    let mut text = None;
    for _ in 0..100 {
        text = root
            .query_selector(".category-header-slot .not-found h1")
            .ok()
            .flatten()
            .and_then(|heading| heading.text_content());
        if text.as_deref() == Some("Страница не найдена") {
            break;
        }
        sleep(50).await;
    }
    assert_eq!(text.as_deref(), Some("Страница не найдена"));
    drop(handle);
    root.remove();
    history
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
}
