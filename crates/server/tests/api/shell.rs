//! The app shell: per-page head tags, the first screen, CSP, and the static files.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};

use crate::common::{body_bytes, body_text, hostile_article, TestSite, MEXICO, SHELL, TOKEN};

#[tokio::test]
async fn the_shell_carries_per_page_meta_and_a_strict_csp() {
    let site = TestSite::with_dist(Some(SHELL)).await;
    let response = site.get(&format!("/article/{MEXICO}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-cache");
    let html = body_text(response).await;
    assert!(html.contains("<title>Mexico"), "{html}");
    assert!(html.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"https://gazette.test/article/{MEXICO}\">"
    )));
    assert!(html.contains("hreflang=\"ru\" href=\"https://gazette.test/ru/article/"));
    assert!(html.contains("\"@type\":\"NewsArticle\""));
    // The link preview messengers show: a 1200 × 630 JPEG (they do not show SVG), with its
    // size and alt text, and the large Twitter card.
    let article: gazette_api_types::Article =
        site.get_json(&format!("/api/v1/articles/{MEXICO}")).await;
    let image = article.summary.image.expect("the article's picture");
    let id = image.url.split('/').nth(3).expect("an image id");
    let preview = format!("https://gazette.test/media/images/{id}/og.jpg");
    for tag in [
        format!("<meta property=\"og:image\" content=\"{preview}\">"),
        format!("<meta property=\"og:image:secure_url\" content=\"{preview}\">"),
        "<meta property=\"og:image:type\" content=\"image/jpeg\">".to_owned(),
        "<meta property=\"og:image:width\" content=\"1200\">".to_owned(),
        "<meta property=\"og:image:height\" content=\"630\">".to_owned(),
        format!("<meta property=\"og:image:alt\" content=\"{}\">", image.alt),
        format!("<meta name=\"twitter:image\" content=\"{preview}\">"),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_owned(),
    ] {
        assert!(html.contains(&tag), "{tag}");
    }
    let jpeg =
        crate::common::body_bytes(site.get(&format!("/media/images/{id}/og.jpg")).await).await;
    let decoded =
        image::load_from_memory_with_format(&jpeg, image::ImageFormat::Jpeg).expect("a JPEG");
    assert_eq!((decoded.width(), decoded.height()), (1200, 630));
    // The lead picture is preloaded as the same WebP file the page's <picture> picks.
    assert!(html.contains(&format!(
        "<link rel=\"preload\" as=\"image\" type=\"image/webp\" imagesrcset=\"{}\" imagesizes=\"{}\" fetchpriority=\"high\">",
        image.srcset(gazette_api_types::ImageFormat::Webp),
        gazette_api_types::ARTICLE_PICTURE_SIZES
    )));
    assert!(html.contains(&format!(
        "<source type=\"image/webp\" srcset=\"{}\" sizes=\"{}\">",
        image.srcset(gazette_api_types::ImageFormat::Webp),
        gazette_api_types::ARTICLE_PICTURE_SIZES
    )));
    assert!(html.contains(&format!(
        "<link rel=\"preload\" href=\"/api/v1/articles/{MEXICO}?lang=en\""
    )));
    // The first screen, static HTML at the start of the body, for this address only.
    assert!(html.contains(&format!(
        "<body><div id=\"first-screen\" class=\"first-screen\" data-path=\"/article/{MEXICO}\""
    )));
    assert!(html.contains(
        "<h1 class=\"article__title\">Mexico and Azerbaijan mark 33 years of diplomatic relations</h1>"
    ));
    // On every page with a lead picture the preload and the first screen's <source> name the
    // same sizes (a section's first card is a regular card: another file than a lead card's).
    for path in [
        "/",
        "/category/politics",
        "/tag/diplomacy",
        &format!("/article/{MEXICO}"),
    ] {
        let page = body_text(site.get(path).await).await;
        let between = |text: &str, start: &str| {
            let from = text.find(start).map(|at| at + start.len())?;
            Some(text[from..from + text[from..].find('"')?].to_owned())
        };
        let preloaded = between(&page, "imagesizes=\"").expect("a preloaded picture");
        let first_screen = between(&page, "<source type=\"image/webp\" srcset=\"")
            .and_then(|_| between(&page[page.find("<source").unwrap()..], "sizes=\""));
        assert_eq!(Some(preloaded), first_screen, "{path}");
    }
    let home = body_text(site.get("/").await).await;
    assert!(home.contains("data-path=\"/\""), "{home}");
    assert!(home.contains("class=\"card card--lead\""));
    // The list's first stories down to the feed's interlude, the lead's picture alone fetched
    // at once.
    assert_eq!(
        home.matches("<article class=\"card").count(),
        gazette_api_types::FEED_CARDS_BEFORE_INTERLUDE
    );
    assert_eq!(home.matches("class=\"card card--lead\"").count(), 1);
    assert_eq!(home.matches("loading=\"eager\"").count(), 1, "{home}");

    let ru = body_text(site.get("/ru/category/politics").await).await;
    assert!(ru.starts_with("<!doctype html><html lang=\"ru\""));
    assert!(ru.contains("<title>Политика — Gazette</title>"));

    let missing = site.get("/article/no-such-story").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(body_text(missing).await.contains("noindex"));
    assert_eq!(
        site.get("/missing.js").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(site.get("/search?q=x").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn hostile_articles_cannot_break_out_of_the_head_or_the_first_screen() {
    let site = TestSite::with_dist(Some(SHELL)).await;
    let created = site
        .send_json(
            "POST",
            "/api/v1/admin/articles",
            Some(TOKEN),
            &hostile_article(),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let html = body_text(site.get("/article/hostile-test").await).await;
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("&lt;/title&gt;&lt;script&gt;alert"));
    assert!(!html.contains("</title><script>"));
    assert!(html.contains(
        "<h1 class=\"article__title\">&lt;/title&gt;&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; Budget</h1>"
    ));
    assert!(html.contains("<p class=\"article__lead\">A lead &lt;b&gt;with&lt;/b&gt; markup</p>"));
    // The body is on the first screen as elements, its hostile parts gone or inert text.
    let body = html
        .split("<div class=\"article__body\">")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .expect("the first screen has the article body");
    assert!(body.starts_with("<p>Safe "), "{body}");
    assert!(body.contains("<a href=\"https://example.org/ok\" rel=\"noopener noreferrer\">ok</a>"));
    assert!(body.contains("<h2>Sub</h2>"), "{body}");
    for hostile in [
        "javascript:",
        "onclick",
        "onerror",
        "<iframe",
        "<script",
        "alert(2)",
        "alert(3)",
    ] {
        assert!(!body.contains(hostile), "{hostile} in {body}");
    }
    assert!(html.contains("<p class=\"article__byline\">By Desk</p>"));
    assert!(html.contains("<span class=\"article__reading\">Reading time: 1 min</span>"));
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_precompressed() {
    let site = TestSite::with_dist(Some(SHELL)).await;
    let response = site
        .request(
            Request::get("/app-0123456789abcdef.js")
                .header(header::ACCEPT_ENCODING, "br, gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(body_bytes(response).await, b"brotli bytes");
}

#[tokio::test]
async fn a_search_page_shows_its_heading_at_once_and_preloads_its_results() {
    let site = TestSite::with_dist(Some(SHELL)).await;
    let first_screen = |html: &str| {
        let start = html
            .find("<div id=\"first-screen\"")
            .expect("a first screen");
        html[start..].to_owned()
    };
    // A form's address ('+' for spaces), in Russian, second page of results.
    let html = body_text(site.get("/ru/search?q=+oil++price+&after=20").await).await;
    assert!(
        first_screen(&html)
            .contains("<h1 class=\"search__title\">Результаты по запросу «oil  price»</h1>"),
        "{html}"
    );
    // The header of the app is there too (with its sections), and the results the app will
    // ask for are already on their way.
    assert!(first_screen(&html).contains("href=\"/ru/category/politics\""));
    assert!(
        html.contains(
            "<link rel=\"preload\" href=\"/api/v1/search?lang=ru&amp;q=oil%20%20price&amp;cursor=20\""
        ),
        "{html}"
    );
    assert!(html.contains("<meta name=\"robots\" content=\"noindex"));
    // The same text the app sends gets the same answer: the preload is used, not repeated.
    let results = site
        .get("/api/v1/search?lang=ru&q=oil%20%20price&cursor=20")
        .await;
    assert_eq!(results.status(), StatusCode::OK);

    // The reader's text is text, never markup.
    let html = body_text(
        site.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22")
            .await,
    )
    .await;
    let screen = first_screen(&html);
    assert!(
        screen.contains("Results for «&lt;script&gt;alert(1)&lt;/script&gt;&quot;»"),
        "{screen}"
    );
    assert!(!screen.contains("<script>alert"));
    // The header's search field holds the text, as the app's does.
    assert!(
        screen.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;\""),
        "{screen}"
    );

    // No text: the plain heading, and nothing to preload; nor for a text the API refuses.
    for address in [
        "/search",
        "/search?q=%20%20",
        &format!("/search?q={}", "a".repeat(201)),
    ] {
        let html = body_text(site.get(address).await).await;
        assert!(!html.contains("/api/v1/search?"), "{address}");
        if !address.contains("aaaa") {
            assert!(
                first_screen(&html).contains("<h1 class=\"search__title\">Search</h1>"),
                "{address}"
            );
        }
    }
}
