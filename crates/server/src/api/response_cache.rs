//! Hot API reads from memory: the encoded answers (brotli, gzip and plain, with their ETag)
//! of the public reads — site, categories, article lists, articles, related articles,
//! tags — kept by address, so a popular page costs one lookup instead of queries, JSON
//! encoding and compression per reader.
//!
//! When an answer may be stale, and what makes it fresh again:
//! - every editor write that succeeds forgets everything on this replica at once, and on
//!   PostgreSQL tells every other replica (`NOTIFY`), which forgets everything too; while a
//!   replica is not listening (connecting, connection lost) it does not use the cache;
//! - a view counted on this replica forgets that article's answers (the count is in them);
//! - every answer expires after `--response-cache-secs` (2 s by default), which bounds what
//!   nothing above covers: view counts moved by other replicas.
//!
//! A read that started before a write cannot store its (older) answer after the write:
//! every forgetting moves an epoch, and an answer is kept only if the epoch did not move
//! while it was being made. Search and most read are not kept, nor are errors.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::memory_cache::{MemoryCache, Weigh};
use crate::state::AppState;

/// Answers larger than this are not kept (an article list of 50 with pictures is ~60 KB).
const LARGEST_ANSWER: usize = 2 * 1024 * 1024;

/// The encoded answers of hot reads, shared by every request of a replica.
#[derive(Debug)]
pub struct ResponseCache {
    answers: MemoryCache<Arc<CachedAnswer>>,
    /// How long an answer is served before it is made again.
    lifetime: Duration,
    enabled: bool,
    /// Moved by every forgetting; see the module's documentation.
    epoch: AtomicU64,
    /// Whether this replica hears about every other replica's writes now (always on
    /// SQLite, whose database has one server).
    in_sync: AtomicBool,
}

/// One read's answer, in every encoding a browser may ask for.
#[derive(Debug)]
pub struct CachedAnswer {
    /// The handler's headers (content type, ETag, Cache-Control).
    headers: HeaderMap,
    plain: Bytes,
    /// `None` when the encoder failed: then answered plain.
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
    made: Instant,
}

impl Weigh for Arc<CachedAnswer> {
    fn weight(&self) -> usize {
        let encoded = |bytes: &Option<Bytes>| bytes.as_ref().map_or(0, Bytes::len);
        self.plain.len() + encoded(&self.gzip) + encoded(&self.brotli) + 512
    }
}

/// The content encodings answers are kept in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Plain,
}

impl ResponseCache {
    /// A cache of at most `budget_bytes` (0 turns it off) whose answers live `lifetime`.
    /// `in_sync` says whether it may be used before [`ResponseCache::listen_for_changes`]
    /// has started listening: true for a database only this process writes.
    pub fn new(budget_bytes: usize, lifetime: Duration, in_sync: bool) -> ResponseCache {
        ResponseCache {
            answers: MemoryCache::new(budget_bytes, LARGEST_ANSWER),
            lifetime,
            enabled: budget_bytes > 0 && !lifetime.is_zero(),
            epoch: AtomicU64::new(0),
            in_sync: AtomicBool::new(in_sync),
        }
    }

    /// Whether answers may be served from memory now.
    pub fn is_usable(&self) -> bool {
        self.enabled && self.in_sync.load(Ordering::Acquire)
    }

    /// Forgets every answer (the content changed).
    pub fn forget_all(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
        self.answers.clear();
    }

    /// Forgets the answers about one article (its view count changed).
    pub fn forget_article(&self, slug: &str) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
        let path = format!("{}/articles/{slug}", gazette_api_types::API_PREFIX);
        self.answers.retain(|key| key_path(key) != path);
    }

    /// Bytes kept now.
    pub fn kept_bytes(&self) -> usize {
        self.answers.kept_bytes()
    }

    fn fresh(&self, key: &str) -> Option<Arc<CachedAnswer>> {
        let answer = self.answers.get(key)?;
        if answer.made.elapsed() < self.lifetime {
            Some(answer)
        } else {
            self.answers.remove(key);
            None
        }
    }

    /// Keeps `answer` unless something was forgotten since `epoch` (then it may be older
    /// than a write this replica already acknowledged).
    fn keep(&self, key: &str, answer: Arc<CachedAnswer>, epoch: u64) {
        if self.epoch.load(Ordering::Acquire) == epoch {
            self.answers.put(key, answer);
        }
    }

    /// Listens on PostgreSQL for other replicas' writes, forgetting everything on each, for
    /// as long as the cache exists. Until listening works, and while its connection is
    /// lost, the cache is not used (a write could go unheard). Returns once the first
    /// attempt to listen succeeded or failed (at most a few seconds), so a replica that
    /// starts serving already hears the others when it can.
    /// `own`: this replica's name ([`crate::db::Store::replica_name`]): its own
    /// announcements, heard back, are not acted on (its writes forgot already).
    pub async fn listen_for_changes(
        cache: &Arc<ResponseCache>,
        database_url: String,
        own: Arc<str>,
    ) {
        let (first_attempt, attempted) = tokio::sync::oneshot::channel::<()>();
        let cache = Arc::downgrade(cache);
        tokio::spawn(async move {
            let mut first_attempt = Some(first_attempt);
            let mut wait = Duration::from_millis(200);
            loop {
                match listen_until_lost(&cache, &database_url, &own, &mut first_attempt).await {
                    Ok(()) => return, // the cache is gone with its state
                    Err(error) => {
                        tracing::warn!(%error, "not hearing other replicas' writes; reads skip the response cache until reconnected");
                    }
                }
                if let Some(first_attempt) = first_attempt.take() {
                    let _ = first_attempt.send(());
                }
                let Some(live) = cache.upgrade() else { return };
                live.in_sync.store(false, Ordering::Release);
                live.forget_all();
                drop(live);
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(5));
            }
        });
        let _ = tokio::time::timeout(Duration::from_secs(5), attempted).await;
    }
}

/// Listens until the connection is lost (an error) or the cache is dropped (`Ok`).
/// `first_attempt` is told once listening works.
async fn listen_until_lost(
    cache: &Weak<ResponseCache>,
    database_url: &str,
    own: &str,
    first_attempt: &mut Option<tokio::sync::oneshot::Sender<()>>,
) -> Result<(), crate::db::StoreError> {
    let mut listener = crate::db::ChangeListener::connect(database_url).await?;
    match cache.upgrade() {
        Some(live) => {
            // Writes made before listening began are in the database, not in memory.
            live.forget_all();
            live.in_sync.store(true, Ordering::Release);
        }
        None => return Ok(()),
    }
    if let Some(first_attempt) = first_attempt.take() {
        let _ = first_attempt.send(());
    }
    loop {
        let heard = listener.next_change().await;
        let Some(live) = cache.upgrade() else {
            return Ok(());
        };
        if heard.as_deref().is_ok_and(|by| by == own) {
            continue;
        }
        live.forget_all();
        heard?;
    }
}

impl CachedAnswer {
    /// Encodes a handler's successful answer once, in every encoding.
    fn encode(mut headers: HeaderMap, plain: Bytes) -> CachedAnswer {
        headers.remove(header::CONTENT_LENGTH);
        headers.remove(header::CONTENT_ENCODING);
        CachedAnswer {
            headers,
            gzip: gzip(&plain),
            brotli: brotli(&plain),
            plain,
            made: Instant::now(),
        }
    }

    /// The answer for a client that accepts `encoding` and may have the answer already.
    fn answer(&self, encoding: Encoding, if_none_match: Option<&HeaderValue>) -> Response {
        let mut headers = self.headers.clone();
        let varies_by_encoding = headers.get_all(header::VARY).iter().any(|value| {
            value
                .to_str()
                .is_ok_and(|value| value.to_ascii_lowercase().contains("accept-encoding"))
        });
        if !varies_by_encoding {
            headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        let etag = headers
            .get(header::ETAG)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        if super::cache::etag_matches(if_none_match, etag) {
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            *response.headers_mut() = headers;
            return response;
        }
        // An encoding that failed when the answer was kept is answered plain (every client
        // takes that), never as an empty body.
        let body = match (encoding, &self.brotli, &self.gzip) {
            (Encoding::Brotli, Some(brotli), _) => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
                brotli.clone()
            }
            (Encoding::Gzip, _, Some(gzip)) => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                gzip.clone()
            }
            _ => self.plain.clone(),
        };
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = headers;
        response
    }
}

/// Whether the API path (after the `/api/v1` prefix) is a public read kept in memory: not
/// the editor's, not search (endless distinct queries), not most read (moved by every view).
fn is_kept(api_path: &str) -> bool {
    !api_path.starts_with("/admin") && api_path != "/search" && api_path != "/most-read"
}

/// Where an answer is kept: [`Layer::Outside`] every layer of the application, for reads
/// without an `Origin` (the front end on the server's own origin), whole as the application
/// made it; [`Layer::InsideCors`] the API's CORS layer, for other origins' reads, which
/// that layer then gives their own CORS headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layer {
    Outside,
    InsideCors,
}

/// Marks a request whose answer the outside layer keeps, so the inside one does not too.
#[derive(Clone, Copy, Debug)]
struct KeptOutside;

/// The cache key of an API read: the layer, then the full path and query.
fn key(layer: Layer, path_and_query: &str) -> String {
    let layer = match layer {
        Layer::Outside => "outside",
        Layer::InsideCors => "cors",
    };
    format!("{layer} {path_and_query}")
}

/// The path of a cache key (without the layer and the query).
fn key_path(key: &str) -> &str {
    let path_and_query = key.split_once(' ').map_or(key, |(_, rest)| rest);
    path_and_query.split('?').next().unwrap_or(path_and_query)
}

/// The encoding to answer in: brotli when accepted, else gzip, else none.
pub fn preferred_encoding(headers: &HeaderMap) -> Encoding {
    let accepted = |name: &str| {
        headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .any(|item| {
                let mut parts = item.split(';');
                let coding = parts.next().unwrap_or_default().trim();
                let refused = parts.any(|parameter| {
                    parameter
                        .trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                coding.eq_ignore_ascii_case(name) && !refused
            })
    };
    if accepted("br") {
        Encoding::Brotli
    } else if accepted("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Plain
    }
}

/// The fast path of hot reads, outside every layer of the application: a same-origin read
/// (no `Origin` header) of a public API address is answered from memory with the headers the
/// application gave it (security headers, CORS's `Vary`, ETag, cache lifetime), plus
/// Strict-Transport-Security when this request came over HTTPS; a miss goes through the whole
/// application uncompressed and is kept.
pub async fn serve_same_origin_reads(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let cache = &state.response_cache;
    let api_path = request
        .uri()
        .path()
        .strip_prefix(gazette_api_types::API_PREFIX);
    if request.method() != Method::GET
        || !api_path.is_some_and(is_kept)
        || request.headers().contains_key(header::ORIGIN)
        || !cache.is_usable()
    {
        return next.run(request).await;
    }
    let over_https = crate::came_over_https(request.headers(), state.config.behind_proxy);
    let key = key(Layer::Outside, &path_and_query(&request));
    let encoding = preferred_encoding(request.headers());
    let if_none_match = request.headers_mut().remove(header::IF_NONE_MATCH);
    let mut response = match cache.fresh(&key) {
        Some(answer) => answer.answer(encoding, if_none_match.as_ref()),
        None => {
            // Made plain (compressed here, once) and without the request's HTTPS-only header.
            request.headers_mut().remove(header::ACCEPT_ENCODING);
            request.extensions_mut().insert(KeptOutside);
            let epoch = cache.epoch.load(Ordering::Acquire);
            let mut made = next.run(request).await;
            made.headers_mut().remove(header::STRICT_TRANSPORT_SECURITY);
            keep_and_answer(cache, &key, epoch, made, encoding, if_none_match).await
        }
    };
    crate::add_security_headers(response.headers_mut(), over_https);
    response
}

/// Serves other origins' public API reads from the cache, inside the API's CORS layer, and
/// keeps the answers of those it had to make.
pub async fn serve_from_memory(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let cache = &state.response_cache;
    if request.method() != Method::GET
        || !is_kept(request.uri().path())
        || request.extensions().get::<KeptOutside>().is_some()
        || !cache.is_usable()
    {
        return next.run(request).await;
    }
    // Inside the API's nest the path has lost its prefix: keys name the full address.
    let key = key(
        Layer::InsideCors,
        &format!(
            "{}{}",
            gazette_api_types::API_PREFIX,
            path_and_query(&request)
        ),
    );
    let encoding = preferred_encoding(request.headers());
    let if_none_match = request.headers_mut().remove(header::IF_NONE_MATCH);
    if let Some(answer) = cache.fresh(&key) {
        return answer.answer(encoding, if_none_match.as_ref());
    }
    let epoch = cache.epoch.load(Ordering::Acquire);
    let made = next.run(request).await;
    keep_and_answer(cache, &key, epoch, made, encoding, if_none_match).await
}

fn path_and_query(request: &Request) -> String {
    request.uri().path_and_query().map_or_else(
        || request.uri().path().to_owned(),
        |pq| pq.as_str().to_owned(),
    )
}

/// Keeps a successful plain answer the application made (unless a write came meanwhile)
/// and answers it in `encoding`; anything else is answered as it is.
async fn keep_and_answer(
    cache: &ResponseCache,
    key: &str,
    epoch: u64,
    made: Response,
    encoding: Encoding,
    if_none_match: Option<HeaderValue>,
) -> Response {
    if made.status() != StatusCode::OK || made.headers().contains_key(header::CONTENT_ENCODING) {
        return made;
    }
    let (parts, body) = made.into_parts();
    let plain = match axum::body::to_bytes(body, LARGEST_ANSWER).await {
        Ok(plain) => plain,
        Err(cause) => {
            tracing::error!(%cause, "could not read an answer to keep it");
            return super::error::error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the server could not complete the request".into(),
            );
        }
    };
    let answer = Arc::new(CachedAnswer::encode(parts.headers, plain));
    cache.keep(key, answer.clone(), epoch);
    answer.answer(encoding, if_none_match.as_ref())
}

/// After every editor write that succeeded, forgets every kept answer here and on every
/// other replica.
pub async fn forget_after_writes(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let is_write = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let response = next.run(request).await;
    if is_write && response.status().is_success() {
        state.response_cache.forget_all();
        if let Err(error) = state.store.announce_content_changed().await {
            // Other replicas then serve the older answers until they expire.
            tracing::warn!(%error, "could not tell other replicas about a write");
        }
    }
    response
}

/// Brotli at quality 5: close to the best size of JSON for a fraction of quality 11's time;
/// `None` if the encoder failed.
fn brotli(plain: &[u8]) -> Option<Bytes> {
    let mut out = Vec::with_capacity(plain.len() / 4 + 64);
    let params = ::brotli::enc::BrotliEncoderParams {
        quality: 5,
        ..Default::default()
    };
    match ::brotli::BrotliCompress(&mut &plain[..], &mut out, &params) {
        Ok(_) => Some(Bytes::from(out)),
        Err(error) => {
            tracing::warn!(%error, "could not compress an answer with brotli");
            None
        }
    }
}

/// Gzip at level 6; `None` if the encoder failed.
fn gzip(plain: &[u8]) -> Option<Bytes> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(plain.len() / 3 + 64),
        flate2::Compression::new(6),
    );
    match encoder.write_all(plain).and_then(|()| encoder.finish()) {
        Ok(out) => Some(Bytes::from(out)),
        Err(error) => {
            tracing::warn!(%error, "could not compress an answer with gzip");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(accept: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        headers
    }

    #[test]
    fn the_encoding_follows_accept_encoding() {
        assert_eq!(
            preferred_encoding(&headers("gzip, deflate, br, zstd")),
            Encoding::Brotli
        );
        assert_eq!(preferred_encoding(&headers("gzip")), Encoding::Gzip);
        assert_eq!(
            preferred_encoding(&headers("br;q=0, gzip;q=0.5")),
            Encoding::Gzip
        );
        assert_eq!(preferred_encoding(&headers("identity")), Encoding::Plain);
        assert_eq!(preferred_encoding(&HeaderMap::new()), Encoding::Plain);
    }

    #[test]
    fn every_encoding_holds_the_same_answer() {
        use std::io::Read;
        let plain = Bytes::from(r#"{"items":[{"title":"Բաքու"}],"next_cursor":null}"#.repeat(20));
        let answer = CachedAnswer::encode(HeaderMap::new(), plain.clone());
        let (gzip, brotli) = (answer.gzip.clone().unwrap(), answer.brotli.clone().unwrap());
        let mut from_gzip = Vec::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_end(&mut from_gzip)
            .unwrap();
        let mut from_brotli = Vec::new();
        ::brotli::BrotliDecompress(&mut &brotli[..], &mut from_brotli).unwrap();
        assert_eq!(from_gzip, plain);
        assert_eq!(from_brotli, plain);
        assert!(brotli.len() < plain.len() / 4);
    }

    #[tokio::test]
    async fn an_encoding_that_failed_is_answered_plain_never_empty() {
        let plain = Bytes::from_static(br#"{"items":[]}"#);
        let answer = CachedAnswer {
            gzip: None,
            brotli: None,
            ..CachedAnswer::encode(HeaderMap::new(), plain.clone())
        };
        for encoding in [Encoding::Brotli, Encoding::Gzip, Encoding::Plain] {
            let response = answer.answer(encoding, None);
            assert!(!response.headers().contains_key(header::CONTENT_ENCODING));
            let body = axum::body::to_bytes(response.into_body(), 1 << 20)
                .await
                .unwrap();
            assert_eq!(body, plain, "{encoding:?}");
        }
    }

    #[test]
    fn an_answer_made_before_a_write_is_not_kept() {
        let cache = ResponseCache::new(1 << 20, Duration::from_secs(60), true);
        let answer = Arc::new(CachedAnswer::encode(HeaderMap::new(), Bytes::from("{}")));
        let epoch = cache.epoch.load(Ordering::Acquire);
        cache.forget_all();
        let site = key(Layer::Outside, "/api/v1/site");
        cache.keep(&site, answer.clone(), epoch);
        assert!(cache.fresh(&site).is_none());
        cache.keep(&site, answer, cache.epoch.load(Ordering::Acquire));
        assert!(cache.fresh(&site).is_some());
        for layer in [Layer::Outside, Layer::InsideCors] {
            cache.keep(
                &key(layer, "/api/v1/articles/a?lang=ru"),
                Arc::new(CachedAnswer::encode(HeaderMap::new(), Bytes::from("{}"))),
                cache.epoch.load(Ordering::Acquire),
            );
        }
        cache.keep(
            &key(Layer::Outside, "/api/v1/articles/ab"),
            Arc::new(CachedAnswer::encode(HeaderMap::new(), Bytes::from("{}"))),
            cache.epoch.load(Ordering::Acquire),
        );
        cache.forget_article("a");
        assert!(cache
            .fresh(&key(Layer::Outside, "/api/v1/articles/a?lang=ru"))
            .is_none());
        assert!(cache
            .fresh(&key(Layer::InsideCors, "/api/v1/articles/a?lang=ru"))
            .is_none());
        assert!(cache
            .fresh(&key(Layer::Outside, "/api/v1/articles/ab"))
            .is_some());
        assert!(cache.fresh(&site).is_some());
    }
}
