//! Helpers the browser tests share: the document, a fresh element to mount into, waiting.
//! Each file in `tests/` is its own crate and includes this module with
//! `#[path = "support/dom.rs"] mod support;`, so not every helper is used by every test.
#![allow(dead_code)]

use wasm_bindgen::JsCast;

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("document")
}

/// A fresh element at the end of `<body>` to mount one test's view into.
pub fn container() -> web_sys::HtmlElement {
    let element = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&element)
        .expect("append");
    element.unchecked_into()
}

/// Waits `ms` milliseconds (a browser timer, so the page renders meanwhile).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Polls `root` until `selector` matches, for up to about five seconds.
pub async fn wait_for_in(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    for _ in 0..100 {
        if let Ok(Some(found)) = root.query_selector(selector) {
            return Some(found);
        }
        sleep(50).await;
    }
    None
}

/// Polls the whole document until `selector` matches, for up to about five seconds.
pub async fn wait_for(selector: &str) -> Option<web_sys::Element> {
    let root = document().document_element()?;
    wait_for_in(&root, selector).await
}
