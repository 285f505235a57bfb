//! The app shell: the built front end's `index.html`, read once at start-up, rendered per
//! page with that page's head tags, `<html lang>` and first screen.
//!
//! The shell's Content-Security-Policy allows scripts only from this origin plus the inline
//! scripts of the built `index.html`, by their SHA-256 hashes computed at start-up.
//!
//! A split build (`crates/splitter`) also leaves `split-manifest.json`: the WebAssembly chunks
//! each page's code needs. The shell names the chunks of the page it renders, so they load
//! with the main module instead of after it has started.

use std::collections::HashMap;
use std::path::Path;

use axum::http::HeaderValue;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

use super::head::PageMeta;
use super::html::escape;

/// The built `index.html` and the CSP that fits it.
#[derive(Clone, Debug)]
pub struct Shell {
    template: String,
    csp: HeaderValue,
    chunks: SplitManifest,
}

/// What `split-manifest.json` says: the chunk loader script, and for each split point the
/// files it loads. Empty for an unsplit build.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct SplitManifest {
    #[serde(default)]
    pub loader: Option<String>,
    #[serde(default)]
    pub splits: HashMap<String, Vec<String>>,
    /// For each split point a page lands on, its landing bundle: the same files in one
    /// response, which a first visit (no service worker yet) fetches instead of each file.
    #[serde(default)]
    pub bundles: HashMap<String, LandingBundle>,
}

/// One split point's files back to back (`crates/splitter/src/bundle.rs`).
#[derive(Clone, Debug, serde::Deserialize)]
pub struct LandingBundle {
    pub href: String,
    /// The length of each of the split point's files, in the order of `splits`.
    pub lengths: Vec<u64>,
}

impl SplitManifest {
    /// The tags that let one split point's files load with the main module: the loader
    /// script is preloaded, and the chunks are listed in `<meta name="gazette-chunks">`
    /// (their landing bundle in `<meta name="gazette-bundle">`), which the boot script turns
    /// into preloads once the first screen's picture is in (so they do not compete with it),
    /// together with starting the main module: the bundle on a first visit, the chunks (from
    /// the service worker's cache) on a repeat visit.
    fn preload_tags(&self, split: &str) -> String {
        let Some(files) = self.splits.get(split) else {
            return String::new();
        };
        let mut tags = String::new();
        if let Some(loader) = &self.loader {
            tags.push_str(&format!(
                "<link rel=\"modulepreload\" href=\"{}\">\n",
                escape(loader)
            ));
        }
        tags.push_str(&format!(
            "<meta name=\"gazette-chunks\" content=\"{}\">\n",
            escape(&files.join(" "))
        ));
        if let Some(bundle) = self
            .bundles
            .get(split)
            .filter(|bundle| bundle.lengths.len() == files.len())
        {
            let lengths: Vec<String> = bundle.lengths.iter().map(u64::to_string).collect();
            tags.push_str(&format!(
                "<meta name=\"gazette-bundle\" content=\"{}\" data-lengths=\"{}\">\n",
                escape(&bundle.href),
                lengths.join(" ")
            ));
        }
        tags
    }
}

impl Shell {
    /// Reads `dist/index.html`; `None` when the front end has not been built.
    pub fn load(dist: &Path) -> Option<Shell> {
        let template = std::fs::read_to_string(dist.join("index.html")).ok()?;
        let mut shell = Shell::from_template(template);
        match std::fs::read_to_string(dist.join("split-manifest.json")) {
            Ok(text) => match serde_json::from_str(&text) {
                Ok(chunks) => shell.chunks = chunks,
                Err(error) => {
                    tracing::warn!(%error, "split-manifest.json is not valid; no chunk preloads")
                }
            },
            Err(_) => tracing::info!("unsplit front end (no split-manifest.json)"),
        }
        Some(shell)
    }

    /// A shell from an `index.html` text.
    pub fn from_template(template: String) -> Shell {
        let hashes: Vec<String> = inline_scripts(&template)
            .into_iter()
            .map(|script| {
                format!(
                    "'sha256-{}'",
                    STANDARD.encode(Sha256::digest(script.as_bytes()))
                )
            })
            .collect();
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; \
             worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
             frame-ancestors 'none'",
            hashes.join(" ")
        );
        let csp = HeaderValue::from_str(&csp)
            .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"));
        Shell {
            template,
            csp,
            chunks: SplitManifest::default(),
        }
    }

    /// The Content-Security-Policy every rendered page of this shell is sent with.
    pub fn csp(&self) -> &HeaderValue {
        &self.csp
    }

    /// The shell with `head` inserted before `</head>`, the title replaced and `<html lang>` set.
    pub fn render(&self, page: &PageMeta) -> String {
        let mut html = self.template.clone();
        // Trunk's minifier writes `<html lang=en>`; the source has `<html lang="en">`.
        if let Some(start) = html.find("<html") {
            if let Some(length) = html[start..].find('>') {
                html.replace_range(
                    start..start + length + 1,
                    &format!("<html lang=\"{}\">", page.lang.code()),
                );
            }
        }
        if let (Some(start), Some(end)) = (html.find("<title>"), html.find("</title>")) {
            if start < end {
                html.replace_range(
                    start..end + "</title>".len(),
                    &format!("<title>{}</title>", escape(&page.title)),
                );
            }
        }
        let mut head = page.head();
        if let Some(split) = page.split {
            head.push_str(&self.chunks.preload_tags(split));
        }
        match html.find("</head>") {
            Some(at) => html.insert_str(at, &head),
            None => html.push_str(&head),
        }
        if let Some(first_screen) = &page.first_screen {
            let body_start = html
                .find("<body")
                .and_then(|start| html[start..].find('>').map(|end| start + end + 1));
            if let Some(at) = body_start {
                html.insert_str(at, first_screen);
            }
        }
        html
    }
}

/// Finds the text of every inline `<script>` (one without `src`) that the browser executes.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let open_tag = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        let body = &after[body_start..body_start + close];
        let is_data =
            open_tag.contains("application/ld+json") || open_tag.contains("application/json");
        if !open_tag.contains(" src=") && !is_data {
            scripts.push(body);
        }
        rest = &after[body_start + close..];
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_preloads_the_chunks_of_its_split_point_only() {
        let mut shell = Shell::from_template("<html><head></head><body></body></html>".into());
        shell.chunks = serde_json::from_str(
            r#"{"loader":"/__wasm_split-1.js","splits":{"article_page":["/chunk_1-a.wasm","/split_article_page-b.wasm"],"home_page":["/chunk_1-a.wasm","/split_home_page-c.wasm"]},"bundles":{"article_page":{"href":"/bundle_article_page-d.bin","lengths":[54,208]},"home_page":{"href":"/bundle_home_page-e.bin","lengths":[54,99]}}}"#,
        )
        .unwrap();
        let page = PageMeta {
            split: Some("article_page"),
            ..PageMeta::default()
        };
        let html = shell.render(&page);
        assert!(html.contains("<link rel=\"modulepreload\" href=\"/__wasm_split-1.js\">"));
        assert!(html.contains(
            "<meta name=\"gazette-chunks\" content=\"/chunk_1-a.wasm /split_article_page-b.wasm\">"
        ));
        assert!(html.contains(
            "<meta name=\"gazette-bundle\" content=\"/bundle_article_page-d.bin\" data-lengths=\"54 208\">"
        ));
        assert!(!html.contains("split_home_page") && !html.contains("bundle_home_page"));
        let unsplit = Shell::from_template("<html><head></head></html>".into()).render(&page);
        assert!(!unsplit.contains("gazette-chunks"));
    }

    #[test]
    fn inline_scripts_are_hashed_but_not_external_or_data_ones() {
        let html = "<script src=\"/a.js\"></script><script type=\"module\">boot()</script>\
                    <script type=\"application/ld+json\">{}</script><script>theme()</script>";
        assert_eq!(inline_scripts(html), vec!["boot()", "theme()"]);
        let shell = Shell::from_template(html.to_owned());
        let csp = shell.csp.to_str().unwrap();
        assert!(csp.contains(&format!(
            "'sha256-{}'",
            STANDARD.encode(Sha256::digest(b"boot()"))
        )));
        assert!(!csp.contains("unsafe-inline"));
    }
}
