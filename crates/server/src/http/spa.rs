//! Hosting the front end: Trunk's hashed, precompressed files from `dist/`, and the app shell
//! (`index.html`) for every app route, rewritten per URL with the page's title, description,
//! canonical and hreflang links, Open Graph / Twitter card tags and NewsArticle JSON-LD, so a
//! link pasted into a messenger shows a preview and crawlers see the headline.
//!
//! The shell's Content-Security-Policy allows scripts only from this origin plus the inline
//! scripts of the built `index.html`, by their SHA-256 hashes computed at start-up.

use std::path::Path;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use gazette_api_types::{Article, Lang};
use sha2::{Digest, Sha256};
use tower_http::services::ServeDir;

use super::first_screen;
use crate::{db, media, AppState};

/// The built `index.html` and the CSP that fits it.
#[derive(Clone, Debug)]
pub struct Shell {
    template: String,
    csp: HeaderValue,
}

impl Shell {
    /// Reads `dist/index.html`; `None` when the front end has not been built.
    pub fn load(dist: &Path) -> Option<Shell> {
        let template = std::fs::read_to_string(dist.join("index.html")).ok()?;
        Some(Shell::from_template(template))
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
        Shell { template, csp }
    }

    /// The shell with `head` inserted before `</head>`, the title replaced and `<html lang>` set.
    fn render(&self, page: &PageMeta) -> String {
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
        let head = page.head();
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

/// HTML text and attribute escaping.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// What the head of one page says about it.
#[derive(Debug, Default)]
struct PageMeta {
    lang: Lang,
    title: String,
    description: String,
    canonical: String,
    /// (hreflang, absolute URL) of this page in each language.
    alternates: Vec<(String, String)>,
    image: Option<String>,
    og_type: &'static str,
    json_ld: Option<serde_json::Value>,
    /// API requests the page makes first, preloaded so they start with the HTML.
    preloads: Vec<String>,
    /// The page's largest image (its LCP element), fetched early at high priority.
    lead_image: Option<String>,
    robots_noindex: bool,
    /// The page's first screen as static HTML (`first_screen`), shown until the app is ready.
    first_screen: Option<String>,
}

impl PageMeta {
    fn head(&self) -> String {
        let mut head = String::new();
        let mut tag = |text: String| {
            head.push_str(&text);
            head.push('\n');
        };
        tag(format!(
            "<meta name=\"description\" content=\"{}\">",
            escape(&self.description)
        ));
        if self.robots_noindex {
            tag("<meta name=\"robots\" content=\"noindex\">".into());
        } else {
            tag(format!(
                "<link rel=\"canonical\" href=\"{}\">",
                escape(&self.canonical)
            ));
        }
        for (hreflang, url) in &self.alternates {
            tag(format!(
                "<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">",
                escape(url)
            ));
        }
        for url in &self.preloads {
            tag(format!(
                "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">",
                escape(url)
            ));
        }
        if let Some(url) = &self.lead_image {
            tag(format!(
                "<link rel=\"preload\" href=\"{}\" as=\"image\" fetchpriority=\"high\">",
                escape(url)
            ));
        }
        tag(format!(
            "<meta property=\"og:type\" content=\"{}\">",
            self.og_type
        ));
        tag(format!(
            "<meta property=\"og:title\" content=\"{}\">",
            escape(&self.title)
        ));
        tag(format!(
            "<meta property=\"og:description\" content=\"{}\">",
            escape(&self.description)
        ));
        tag(format!(
            "<meta property=\"og:url\" content=\"{}\">",
            escape(&self.canonical)
        ));
        tag("<meta property=\"og:site_name\" content=\"Gazette\">".into());
        tag(format!(
            "<meta property=\"og:locale\" content=\"{}\">",
            og_locale(self.lang)
        ));
        tag(format!(
            "<meta name=\"twitter:card\" content=\"{}\">",
            if self.image.is_some() {
                "summary_large_image"
            } else {
                "summary"
            }
        ));
        tag(format!(
            "<meta name=\"twitter:title\" content=\"{}\">",
            escape(&self.title)
        ));
        tag(format!(
            "<meta name=\"twitter:description\" content=\"{}\">",
            escape(&self.description)
        ));
        if let Some(image) = &self.image {
            tag(format!(
                "<meta property=\"og:image\" content=\"{}\">",
                escape(image)
            ));
            tag(format!(
                "<meta name=\"twitter:image\" content=\"{}\">",
                escape(image)
            ));
        }
        if let Some(json_ld) = &self.json_ld {
            // `<` is escaped so no text can close the script element early.
            let json = json_ld.to_string().replace('<', "\\u003c");
            tag(format!(
                "<script type=\"application/ld+json\">{json}</script>"
            ));
        }
        head
    }
}

fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en_US",
        Lang::Ru => "ru_RU",
        Lang::Hy => "hy_AM",
    }
}

/// The URL path prefix of a language: empty for English, `/ru` and `/hy` otherwise.
pub fn lang_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "",
        Lang::Ru => "/ru",
        Lang::Hy => "/hy",
    }
}

/// The app's routes, as the front end's route table defines them.
#[derive(Debug, PartialEq)]
enum AppRoute<'a> {
    Home,
    Category(&'a str),
    Article(&'a str),
    Search,
    Saved,
    Unknown,
}

fn parse_route(path: &str) -> (Lang, AppRoute<'_>) {
    let trimmed = path.trim_matches('/').trim_end_matches("index.html");
    let mut segments: Vec<&str> = if trimmed.is_empty() {
        Vec::new()
    } else {
        trimmed.split('/').collect()
    };
    let mut lang = Lang::En;
    if let Some(first) = segments.first() {
        if let Some(found) = Lang::from_code(first).filter(|found| *found != Lang::En) {
            lang = found;
            segments.remove(0);
        }
    }
    let route = match segments.as_slice() {
        [] => AppRoute::Home,
        ["category", slug] => AppRoute::Category(slug),
        ["article", slug] => AppRoute::Article(slug),
        ["search"] => AppRoute::Search,
        ["saved"] => AppRoute::Saved,
        _ => AppRoute::Unknown,
    };
    (lang, route)
}

pub fn router(state: &AppState) -> Router<AppState> {
    let files = ServeDir::new(&state.config.dist)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false);
    Router::new()
        .route("/media/stories/{file}", get(media::story_image))
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(crate::http::feeds::sitemap))
        .route("/", get(app_shell))
        .route("/index.html", get(app_shell))
        .fallback_service(
            Router::new()
                .fallback_service(files.fallback(get(app_shell).with_state(state.clone())))
                .layer(middleware::from_fn(static_cache_headers)),
        )
}

/// Hashed file names (`name-0123456789abcdef.ext`, as Trunk writes them) never change
/// content, so browsers may keep them for a year; everything else is revalidated.
async fn static_cache_headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(request.uri().path());
    let is_worker = request.uri().path() == "/sw.js";
    let mut response = next.run(request).await;
    if is_worker {
        // A service worker runs under its own script's policy: it must reach this origin.
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; connect-src 'self'"),
        );
    }
    if response.status().is_success() && !response.headers().contains_key(header::CACHE_CONTROL) {
        let value = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// Whether the last path segment carries a Trunk content hash before its extension.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        hash.len() == 16 && hash.bytes().all(|byte| byte.is_ascii_hexdigit())
    })
}

/// The app shell for an app route, with the page's meta tags; 404 for unknown files.
async fn app_shell(State(state): State<AppState>, uri: Uri) -> Response {
    let path = uri.path();
    let last = path.rsplit('/').next().unwrap_or("");
    if path.starts_with("/api/") || (last.contains('.') && path != "/index.html") {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let Some(shell) = state.shell.as_ref() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "The front end is not built: run `make run`, which builds it into dist/.",
        )
            .into_response();
    };
    let (status, meta) = match page_meta(&state, path).await {
        Ok(found) => found,
        Err(cause) => {
            tracing::error!(%cause, "could not read page data for the shell");
            (
                StatusCode::OK,
                PageMeta {
                    title: state.site.name.clone(),
                    ..PageMeta::default()
                },
            )
        }
    };
    let mut response = Response::new(Body::from(shell.render(&meta)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::CONTENT_SECURITY_POLICY, shell.csp.clone());
    response
}

async fn page_meta(state: &AppState, path: &str) -> Result<(StatusCode, PageMeta), sqlx::Error> {
    let (lang, route) = parse_route(path);
    let base = state.config.base_url.trim_end_matches('/').to_owned();
    let site = state.site.info(lang, &base, 2000);
    let prefix = lang_prefix(lang);
    let site_api = format!("/api/v1/site?lang={}", lang.code());
    let mut meta = PageMeta {
        lang,
        title: format!("{} — {}", site.name, site.tagline),
        description: site.tagline.clone(),
        canonical: format!("{base}{prefix}/"),
        og_type: "website",
        preloads: vec![site_api],
        ..PageMeta::default()
    };
    let same_in_every_language = |suffix: &str| {
        Lang::ALL
            .iter()
            .map(|&other| {
                (
                    other.code().to_owned(),
                    format!("{base}{}{suffix}", lang_prefix(other)),
                )
            })
            .chain(std::iter::once((
                "x-default".to_owned(),
                format!("{base}{suffix}"),
            )))
            .collect::<Vec<_>>()
    };
    match route {
        AppRoute::Home => {
            meta.alternates = same_in_every_language("/");
            meta.preloads
                .push(format!("/api/v1/articles?lang={}", lang.code()));
            if let Some(lead) = newest_story(state, lang, None).await? {
                meta.lead_image = lead.image.as_ref().map(|image| image.url.clone());
                meta.first_screen = Some(first_screen::home(path, &site.name, &lead));
            }
        }
        AppRoute::Category(slug) => match db::categories::get(&state.pool, slug, lang).await? {
            Some(category) => {
                let newest = newest_story(state, lang, Some(slug)).await?;
                meta.lead_image = newest
                    .as_ref()
                    .and_then(|newest| newest.image.as_ref())
                    .map(|image| image.url.clone());
                meta.first_screen = Some(first_screen::category(
                    path,
                    &site.name,
                    &category,
                    newest.as_ref(),
                ));
                meta.title = format!("{} — {}", category.name, site.name);
                meta.description = category.description;
                meta.canonical = format!("{base}{prefix}/category/{slug}");
                meta.alternates = same_in_every_language(&format!("/category/{slug}"));
            }
            None => return Ok((StatusCode::NOT_FOUND, not_found_meta(meta))),
        },
        AppRoute::Article(slug) => {
            let Some(row) = db::articles::get(&state.pool, lang, slug).await? else {
                return Ok((StatusCode::NOT_FOUND, not_found_meta(meta)));
            };
            let article = db::articles::to_article(&state.pool, row, 0).await?;
            meta.preloads
                .push(format!("/api/v1/articles/{slug}?lang={}", lang.code()));
            meta.lead_image = article.image.as_ref().map(|image| image.url.clone());
            meta.first_screen = Some(first_screen::article(path, &site.name, &article));
            meta = article_meta(meta, &article, &base, &site.name);
        }
        AppRoute::Search | AppRoute::Saved => {
            meta.robots_noindex = true;
        }
        AppRoute::Unknown => return Ok((StatusCode::NOT_FOUND, not_found_meta(meta))),
    }
    Ok((StatusCode::OK, meta))
}

/// The newest published story in `lang`, of one category or of all: a page's lead.
async fn newest_story(
    state: &AppState,
    lang: Lang,
    category: Option<&str>,
) -> Result<Option<gazette_api_types::ArticleSummary>, sqlx::Error> {
    let filter = db::articles::ListFilter {
        lang,
        category,
        limit: 1,
        ..Default::default()
    };
    Ok(db::articles::list(&state.pool, &filter)
        .await?
        .into_iter()
        .next()
        .map(db::articles::SummaryRow::into_summary))
}

fn not_found_meta(meta: PageMeta) -> PageMeta {
    PageMeta {
        title: format!("404 — {}", meta.title),
        robots_noindex: true,
        ..meta
    }
}

fn article_meta(mut meta: PageMeta, article: &Article, base: &str, site_name: &str) -> PageMeta {
    let url = |lang: Lang, slug: &str| format!("{base}{}/article/{slug}", lang_prefix(lang));
    let canonical = url(article.lang, &article.slug);
    let image = article
        .image
        .as_ref()
        .map(|image| format!("{base}{}", image.url));
    meta.title = format!("{} — {site_name}", article.title);
    meta.description = article.lead.clone();
    meta.canonical = canonical.clone();
    meta.og_type = "article";
    meta.image = image.clone();
    meta.alternates = std::iter::once((article.lang.code().to_owned(), canonical.clone()))
        .chain(
            article
                .translations
                .iter()
                .map(|other| (other.lang.code().to_owned(), url(other.lang, &other.slug))),
        )
        .collect();
    meta.json_ld = Some(serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.lead,
        "datePublished": article.published_at,
        "dateModified": article.updated_at.as_ref().unwrap_or(&article.published_at),
        "inLanguage": article.lang.code(),
        "articleSection": article.category.name,
        "author": [{ "@type": "Person", "name": article.author }],
        "publisher": { "@type": "Organization", "name": site_name },
        "mainEntityOfPage": canonical,
        "image": image.map(|image| vec![image]).unwrap_or_default(),
        "keywords": article.tags.join(", "),
    }));
    meta
}

async fn robots(State(state): State<AppState>) -> impl IntoResponse {
    let base = state.config.base_url.trim_end_matches('/');
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search\nSitemap: {base}/sitemap.xml\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_are_parsed_with_their_language() {
        assert_eq!(parse_route("/"), (Lang::En, AppRoute::Home));
        assert_eq!(parse_route("/ru"), (Lang::Ru, AppRoute::Home));
        assert_eq!(
            parse_route("/hy/article/abc"),
            (Lang::Hy, AppRoute::Article("abc"))
        );
        assert_eq!(
            parse_route("/category/politics"),
            (Lang::En, AppRoute::Category("politics"))
        );
        assert_eq!(parse_route("/ru/saved"), (Lang::Ru, AppRoute::Saved));
        assert_eq!(parse_route("/en/search"), (Lang::En, AppRoute::Unknown));
        assert_eq!(parse_route("/nope/x/y"), (Lang::En, AppRoute::Unknown));
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

    #[test]
    fn hashed_assets_are_recognised() {
        assert!(is_hashed_asset("/gazette-3f2a9c0d1e4b5a69_bg.wasm"));
        assert!(is_hashed_asset("/gazette-3f2a9c0d1e4b5a69.js"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/manifest.json"));
    }
}
