//! Per-client rate limits on what costs the server work or can be abused: counting views,
//! searching, and every editor write (which also bounds guessing the editor token). A client
//! over its limit gets `429 Too Many Requests` with `Retry-After` (seconds) and the contract's
//! JSON error. Limits are token buckets per client address (tower_governor): a burst is
//! allowed, then one request per period.
//!
//! The client address is the TCP peer, or with `--behind-proxy` the last address of
//! `X-Forwarded-For` (the one the proxy in front of the server appended; anything before it
//! the client could have written itself). `--no-rate-limits` turns them off (benchmarks
//! that drive the server from one address).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode};
use axum::response::Response;
use governor::middleware::NoOpMiddleware;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

use super::error::error_response;

/// How many requests a client may send at once, and how fast the allowance comes back.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub burst: u32,
    /// One more request is allowed per this many milliseconds.
    pub every_ms: u64,
}

/// Views: a reader opens a few articles a minute; a burst covers a quick succession of tabs.
pub const VIEWS: Limit = Limit {
    burst: 60,
    every_ms: 500,
};
/// Search: a reader types and submits; a burst covers refining a query.
pub const SEARCH: Limit = Limit {
    burst: 60,
    every_ms: 200,
};
/// Editor writes and uploads (and so guesses of the token): an import script may send many.
pub const WRITES: Limit = Limit {
    burst: 100,
    every_ms: 100,
};

/// The address a request comes from, as the rate limits and the view counter see it.
pub fn client_address(
    headers: &HeaderMap,
    peer: Option<SocketAddr>,
    behind_proxy: bool,
) -> Option<IpAddr> {
    if behind_proxy {
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .last()
            .and_then(|last| last.trim().parse().ok());
        if forwarded.is_some() {
            return forwarded;
        }
    }
    peer.map(|peer| peer.ip())
}

/// Rate-limit key: the client address (requests with no address known share one key).
#[derive(Clone, Copy, Debug)]
pub struct ClientKey {
    behind_proxy: bool,
}

impl KeyExtractor for ClientKey {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        let peer = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| *peer);
        Ok(client_address(request.headers(), peer, self.behind_proxy)
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)))
    }
}

/// The rate limit `limit` on the `methods` of the routes it wraps, per client address.
pub fn layer(
    limit: Limit,
    methods: &[Method],
    behind_proxy: bool,
) -> GovernorLayer<ClientKey, NoOpMiddleware, axum::body::Body> {
    let config = GovernorConfigBuilder::default()
        .burst_size(limit.burst.max(1))
        .per_millisecond(limit.every_ms.max(1))
        .methods(methods.to_vec())
        .key_extractor(ClientKey { behind_proxy })
        .finish()
        .map(Arc::new)
        .unwrap_or_else(|| unreachable!("burst and period are at least 1"));
    forget_quiet_clients(&config);
    GovernorLayer::new(config).error_handler(too_many_requests)
}

/// Drops the buckets of clients that have been quiet long enough to be full again, once a
/// minute, so a flood from many addresses does not keep growing memory.
fn forget_quiet_clients(config: &Arc<GovernorConfig<ClientKey, NoOpMiddleware>>) {
    let limiter = Arc::downgrade(config);
    if tokio::runtime::Handle::try_current().is_err() {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            let Some(config) = limiter.upgrade() else {
                return;
            };
            config.limiter().retain_recent();
        }
    });
}

/// The contract's JSON error for a client over its limit, with `Retry-After`.
fn too_many_requests(error: GovernorError) -> Response {
    let wait_secs = match &error {
        GovernorError::TooManyRequests { wait_time, .. } => (*wait_time).max(1),
        _ => 1,
    };
    let mut response = error_response(
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_requests",
        format!("too many requests from your address; try again in {wait_secs} s"),
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(wait_secs));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_address_is_the_peer_unless_a_trusted_proxy_names_it() {
        let peer: SocketAddr = "10.0.0.1:5000".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "6.6.6.6, 203.0.113.7".parse().unwrap());
        // Without a proxy the header is the client's own words: ignored.
        assert_eq!(client_address(&headers, Some(peer), false), Some(peer.ip()));
        // Behind the proxy: the address it appended (the last), not one the client wrote.
        assert_eq!(
            client_address(&headers, Some(peer), true),
            "203.0.113.7".parse().ok()
        );
        headers.append("x-forwarded-for", "198.51.100.2".parse().unwrap());
        assert_eq!(
            client_address(&headers, Some(peer), true),
            "198.51.100.2".parse().ok()
        );
        headers.insert("x-forwarded-for", "not an address".parse().unwrap());
        assert_eq!(client_address(&headers, Some(peer), true), Some(peer.ip()));
        assert_eq!(client_address(&HeaderMap::new(), None, true), None);
    }
}
