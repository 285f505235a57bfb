//! Hot reads from memory (`api::response_cache`): answers kept encoded, the same bytes in
//! every encoding, forgotten by every editor write and by a counted view, expiring on time.

use std::io::Read;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::Value;

use crate::common::{body_bytes, execute_sql, hostile_article, TestSite, MEXICO, TOKEN};

const LIST: &str = "/api/v1/articles?lang=en&limit=5";

/// A test site whose kept answers live `seconds`, once its cache may be used (on PostgreSQL
/// only after it listens for other replicas' writes).
async fn site_keeping_answers_for(seconds: u64) -> TestSite {
    let site = TestSite::configured(None, |config, _| config.response_cache_secs = seconds).await;
    for _ in 0..100 {
        if site.state.response_cache.is_usable() {
            return site;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the response cache never became usable (not listening for changes?)");
}

async fn get_with(site: &TestSite, uri: &str, name: &str, value: &str) -> axum::response::Response {
    site.request(
        Request::get(uri)
            .header(name, value)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

async fn first_title(site: &TestSite) -> String {
    let list: Value = site.get_json(LIST).await;
    list["items"][0]["title"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Changes the newest English article's title in the database, behind the server's back.
async fn retitle_newest_behind_the_server(site: &TestSite, title: &str) {
    let list: Value = site.get_json(LIST).await;
    let slug = list["items"][0]["slug"].as_str().unwrap().to_owned();
    execute_sql(
        &site.state.config,
        &format!("UPDATE articles SET title = $1 WHERE lang = 'en' AND slug = '{slug}'"),
        title,
    )
    .await;
}

#[tokio::test]
async fn every_encoding_carries_the_same_answer_with_one_etag() {
    let site = site_keeping_answers_for(600).await;
    let plain = get_with(&site, LIST, "accept-encoding", "identity").await;
    assert_eq!(plain.status(), StatusCode::OK);
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    let etag = plain.headers()[header::ETAG].clone();
    let plain = body_bytes(plain).await;

    let brotli = get_with(&site, LIST, "accept-encoding", "gzip, deflate, br").await;
    assert_eq!(brotli.headers()[header::CONTENT_ENCODING], "br");
    assert!(brotli
        .headers()
        .get_all(header::VARY)
        .iter()
        .any(|value| value == "accept-encoding"));
    assert_eq!(brotli.headers()[header::ETAG], etag);
    assert!(brotli.headers()[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("max-age"));
    let mut unbrotli = Vec::new();
    brotli::BrotliDecompress(&mut &body_bytes(brotli).await[..], &mut unbrotli).unwrap();
    assert_eq!(unbrotli, plain);

    let gzip = get_with(&site, LIST, "accept-encoding", "gzip").await;
    assert_eq!(gzip.headers()[header::CONTENT_ENCODING], "gzip");
    let mut ungzip = Vec::new();
    flate2::read::GzDecoder::new(&body_bytes(gzip).await[..])
        .read_to_end(&mut ungzip)
        .unwrap();
    assert_eq!(ungzip, plain);

    let again = get_with(&site, LIST, "if-none-match", etag.to_str().unwrap()).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()[header::ETAG], etag);
    assert!(body_bytes(again).await.is_empty());
    assert!(site.state.response_cache.kept_bytes() > 0);
}

#[tokio::test]
async fn a_kept_answer_is_served_until_an_editor_write_forgets_it() {
    let site = site_keeping_answers_for(600).await;
    let before = first_title(&site).await;
    retitle_newest_behind_the_server(&site, "Changed behind the server's back").await;
    // Served from memory: the database's change is not read.
    assert_eq!(first_title(&site).await, before);

    // Any editor write forgets every kept answer: the next read is made anew.
    let mut article = hostile_article();
    article["slug"] = "forgets-kept-answers".into();
    article["published_at"] = "2020-01-01T10:00:00Z".into();
    let created = site
        .send_json("POST", "/api/v1/admin/articles", Some(TOKEN), &article)
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(first_title(&site).await, "Changed behind the server's back");
    if crate::common::postgres_server().is_some() {
        // On PostgreSQL the replica also hears its own write announced, a moment later: it
        // knows its own name there and forgets nothing more (what follows fails otherwise).
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    // A write the editor got an error for forgets nothing (and changes nothing).
    retitle_newest_behind_the_server(&site, "Second change").await;
    let refused = site
        .send_json("POST", "/api/v1/admin/articles", Some(TOKEN), &article)
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(first_title(&site).await, "Changed behind the server's back");
}

#[tokio::test]
async fn kept_answers_expire() {
    let site = site_keeping_answers_for(1).await;
    let before = first_title(&site).await;
    retitle_newest_behind_the_server(&site, "Seen after a second").await;
    assert_eq!(first_title(&site).await, before);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(first_title(&site).await, "Seen after a second");
}

#[tokio::test]
async fn a_counted_view_is_in_the_next_read_of_the_article() {
    let site = site_keeping_answers_for(600).await;
    let uri = format!("/api/v1/articles/{MEXICO}?lang=en");
    let article: Value = site.get_json(&uri).await;
    let views = article["views"].as_u64().unwrap();
    let counted = site
        .request(
            Request::post(format!("/api/v1/articles/{MEXICO}/views?lang=en"))
                .header(gazette_api_types::VISITOR_HEADER, "cache-reader")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(counted.status(), StatusCode::OK);
    let article: Value = site.get_json(&uri).await;
    assert_eq!(article["views"].as_u64().unwrap(), views + 1);
}

#[tokio::test]
async fn search_and_errors_are_not_kept() {
    let site = site_keeping_answers_for(600).await;
    let missing = site.get("/api/v1/articles/not-written-yet").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let _ = site.get("/api/v1/search?q=baku").await;
    assert_eq!(site.state.response_cache.kept_bytes(), 0);
}

/// The headers of an answer by name, each with all its values in order (`Vary` as a set of
/// names); without those that differ between two makings of the same answer (length of a
/// compressed body, ETag).
fn comparable_headers(response: &axum::response::Response) -> Vec<(String, Vec<String>)> {
    let mut names: Vec<String> = response
        .headers()
        .keys()
        .map(|name| name.as_str().to_owned())
        .filter(|name| !["content-length", "etag"].contains(&name.as_str()))
        .collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let mut values: Vec<String> = response
                .headers()
                .get_all(name.as_str())
                .iter()
                .map(|value| value.to_str().unwrap_or_default().to_owned())
                .collect();
            if name == "vary" {
                // A set of header names, however they are split into values and ordered.
                values = values
                    .iter()
                    .flat_map(|value| value.split(','))
                    .map(|token| token.trim().to_ascii_lowercase())
                    .collect();
                values.sort();
            }
            (name, values)
        })
        .collect()
}

#[tokio::test]
async fn a_kept_answer_carries_the_headers_the_application_gives_without_the_cache() {
    let origin = "https://front.example";
    let configure = |cache_mb: usize| {
        move |config: &mut gazette_server::Config, _: &std::path::Path| {
            config.response_cache_mb = cache_mb;
            config.response_cache_secs = 600;
            config.cors_origins = vec![origin.to_owned()];
            config.behind_proxy = true;
        }
    };
    let kept = TestSite::configured(None, configure(64)).await;
    let plain = TestSite::configured(None, configure(0)).await;
    let uris = [
        LIST.to_owned(),
        "/api/v1/site?lang=hy".to_owned(),
        format!("/api/v1/articles/{MEXICO}?lang=en"),
        "/api/v1/categories".to_owned(),
    ];
    let request = |uri: &str, from: Option<&str>, proto: &str| {
        let mut request = Request::get(uri)
            .header("accept-encoding", "gzip, br")
            .header("x-forwarded-proto", proto);
        if let Some(from) = from {
            request = request.header("origin", from);
        }
        request.body(Body::empty()).unwrap()
    };
    for uri in &uris {
        for from in [None, Some(origin)] {
            for proto in ["https", "http"] {
                let _made = kept.request(request(uri, from, proto)).await;
                let hit = kept.request(request(uri, from, proto)).await;
                let reference = plain.request(request(uri, from, proto)).await;
                assert_eq!(hit.status(), StatusCode::OK, "{uri} {from:?}");
                assert_eq!(reference.status(), StatusCode::OK, "{uri} {from:?}");
                assert_eq!(
                    comparable_headers(&hit),
                    comparable_headers(&reference),
                    "{uri} from {from:?} over {proto}"
                );
                let mut from_hit = Vec::new();
                brotli::BrotliDecompress(&mut &body_bytes(hit).await[..], &mut from_hit).unwrap();
                let mut from_reference = Vec::new();
                brotli::BrotliDecompress(
                    &mut &body_bytes(reference).await[..],
                    &mut from_reference,
                )
                .unwrap();
                let hit: Value = serde_json::from_slice(&from_hit).unwrap();
                let reference: Value = serde_json::from_slice(&from_reference).unwrap();
                // Two databases loaded a moment apart: the same content.
                assert_eq!(
                    hit["items"].as_array().map(Vec::len),
                    reference["items"].as_array().map(Vec::len)
                );
                assert_eq!(hit["title"], reference["title"], "{uri}");
            }
        }
    }
}

#[tokio::test]
async fn a_replica_does_not_forget_on_hearing_its_own_announcement() {
    if crate::common::postgres_server().is_none() {
        return; // one SQLite server announces nothing
    }
    let site = site_keeping_answers_for(600).await;
    let before = first_title(&site).await;
    retitle_newest_behind_the_server(&site, "Changed by another replica").await;
    // Its own announcement comes back from PostgreSQL: the kept answer stays.
    site.state.store.announce_content_changed().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(first_title(&site).await, before);
    // Another replica's announcement forgets it.
    execute_sql(
        &site.state.config,
        "SELECT pg_notify('gazette_content_changed', $1)",
        "another-replica",
    )
    .await;
    let mut seen = String::new();
    for _ in 0..30 {
        seen = first_title(&site).await;
        if seen != before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(seen, "Changed by another replica");
}
