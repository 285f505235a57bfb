//! The OpenAPI guard: every route the API serves is in the document, and every operation the
//! document lists is served (answers something other than the API's "no endpoint" 404 or a
//! 405), so the document cannot drift from the router.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use gazette_api_types::{API_PREFIX, VISITOR_HEADER};
use serde_json::Value;

use crate::common::{body_bytes, TestSite};

const METHODS: [&str; 5] = ["get", "post", "put", "delete", "patch"];

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// The text of one call starting at `text`'s first `(`, up to its closing parenthesis.
fn call_text(text: &str) -> &str {
    let mut depth = 0;
    for (at, ch) in text.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return &text[..at];
                }
            }
            _ => {}
        }
    }
    text
}

/// The HTTP methods a `.route(...)` call's method router names (`get(..).delete(..)`).
fn methods_in(call: &str) -> Vec<&'static str> {
    METHODS
        .into_iter()
        .filter(|method| {
            call.match_indices(&format!("{method}(")).any(|(at, _)| {
                call[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|before| !(before.is_alphanumeric() || before == '_'))
            })
        })
        .collect()
}

/// (method, full path) of every `.route("path", method(handler)...)` in the API's sources,
/// with the prefix of the router it is nested under (`.nest("/admin", admin::router())`).
fn served_operations() -> BTreeSet<(String, String)> {
    let api_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api");
    let api_rs = std::fs::read_to_string(api_dir.with_extension("rs")).expect("src/api.rs");
    let nested: Vec<(String, String)> = api_rs
        .match_indices(".nest(")
        .filter_map(|(at, _)| {
            let call = call_text(&api_rs[at + ".nest".len()..]);
            let prefix = call.split('"').nth(1)?.to_owned();
            // The module whose `router()` is nested (also inside a wrapper such as
            // `limited(admin::router(), …)`).
            let module = call
                .split("::router()")
                .next()?
                .rsplit(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .next()?
                .to_owned();
            Some((module, prefix))
        })
        .collect();
    let mut served = BTreeSet::new();
    for file in rust_files(&api_dir) {
        if file.file_stem().is_some_and(|stem| stem == "openapi") {
            continue; // serves the document itself, outside the API prefix
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let relative = file.strip_prefix(&api_dir).unwrap();
        let module = relative
            .components()
            .next()
            .and_then(|first| first.as_os_str().to_str())
            .map(|first| first.trim_end_matches(".rs").to_owned())
            .unwrap_or_default();
        let prefix = nested
            .iter()
            .find(|(name, _)| *name == module)
            .map(|(_, prefix)| prefix.as_str())
            .unwrap_or("");
        for (at, _) in text.match_indices(".route(") {
            let call = call_text(&text[at + ".route".len()..]);
            let path = call.split('"').nth(1).expect("route path literal");
            let methods = methods_in(call);
            assert!(!methods.is_empty(), "no method in {call} ({file:?})");
            for method in methods {
                served.insert((method.to_owned(), format!("{API_PREFIX}{prefix}{path}")));
            }
        }
    }
    served
}

fn documented_operations(document: &Value) -> BTreeSet<(String, String)> {
    document["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            METHODS
                .into_iter()
                .filter(|method| item.get(*method).is_some())
                .map(|method| (method.to_owned(), path.clone()))
        })
        .collect()
}

#[tokio::test]
async fn every_api_route_is_documented_and_every_documented_path_answers() {
    let site = TestSite::new().await;
    let document: Value = site.get_json("/api/openapi.json").await;
    let documented = documented_operations(&document);
    let served = served_operations();
    assert!(served.len() >= 15, "found only {served:?}");
    let undocumented: Vec<_> = served.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "served but not documented: {undocumented:?}"
    );

    for (method, path) in &documented {
        let uri = path
            .replace("{lang}", "en")
            .replace("{slug}", "no-such-slug");
        let request = Request::builder()
            .method(Method::from_bytes(method.to_uppercase().as_bytes()).unwrap())
            .uri(&uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{}"))
            .unwrap();
        let response = site.request(request).await;
        let status = response.status();
        let body: Value = serde_json::from_slice(&body_bytes(response).await).unwrap_or_default();
        let message = body["error"]["message"].as_str().unwrap_or("");
        assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
        assert!(
            !message.starts_with("no endpoint"),
            "{method} {uri} is documented but not served"
        );
    }

    let views = &document["paths"]["/api/v1/articles/{slug}/views"]["post"]["parameters"];
    assert!(
        views
            .as_array()
            .expect("parameters")
            .iter()
            .any(|parameter| parameter["name"] == VISITOR_HEADER && parameter["in"] == "header"),
        "the visitor header is documented under its contract name"
    );
}
