//! Accepting and serving HTTP connections with bounds no client can stretch: a request's
//! headers must arrive within a time limit (also the wait for the next request on a kept-alive
//! connection), the server holds at most so many connections in all and from one address, and
//! a graceful shutdown lets running requests finish for a bounded time, then closes the rest.
//!
//! `axum::serve` has none of these knobs (a half-sent request stays open forever and holds
//! its graceful shutdown), so this is its accept loop on hyper-util's connection builder, with
//! the same HTTP/1 + HTTP/2 support and the peer address given to handlers as `ConnectInfo`.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::connect_info::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tower::ServiceExt;

/// The bounds of [`serve_connections`], from the server's flags.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// Most connections open at once; further clients wait in the listen backlog.
    pub max_connections: usize,
    /// Most connections open at once from one client address; more are closed at once.
    /// `None` when every connection comes from a reverse proxy (its address is not a client's).
    pub max_per_address: Option<usize>,
    /// Longest wait for a request's headers, from the first byte or from the end of the
    /// previous response on a kept-alive connection.
    pub header_read_timeout: Duration,
    /// Longest a graceful shutdown waits for open connections before closing them.
    pub shutdown_grace: Duration,
}

/// Serves `app` on `listener` within `limits` until `shutdown` completes; then stops
/// accepting, asks every connection to finish its request and close, and returns once all
/// have closed or `limits.shutdown_grace` has passed (the rest are dropped).
pub async fn serve_connections(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) {
    let open = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let per_address = PerAddress::new(limits.max_per_address);
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(limits.header_read_timeout)
        .keep_alive_timeout(limits.header_read_timeout);
    let builder = Arc::new(builder);
    tokio::pin!(shutdown);

    loop {
        while connections.try_join_next().is_some() {}
        let permit = tokio::select! {
            permit = open.clone().acquire_owned() => permit,
            () = &mut shutdown => break,
        };
        let Ok(permit) = permit else { break };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(%error, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(slot) = per_address.take(peer.ip()) else {
            tracing::debug!(%peer, "too many connections from one address; closed");
            continue;
        };
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "could not set TCP_NODELAY");
        }
        let service = app
            .clone()
            .map_request(move |mut request: axum::http::Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request.map(Body::new)
            });
        let builder = builder.clone();
        let watcher = graceful.watcher();
        connections.spawn(async move {
            let connection = builder
                .serve_connection_with_upgrades(
                    TokioIo::new(stream),
                    TowerToHyperService::new(service),
                )
                .into_owned();
            if let Err(error) = watcher.watch(connection).await {
                tracing::debug!(%error, %peer, "connection ended with an error");
            }
            drop(slot);
            drop(permit);
        });
    }

    drop(listener);
    let still_open = connections.len();
    tracing::info!(
        connections = still_open,
        "no longer accepting; finishing open requests"
    );
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            connections = connections.len(),
            grace_secs = limits.shutdown_grace.as_secs_f32(),
            "connections still open after the shutdown grace; closing them"
        );
    }
    connections.shutdown().await;
}

/// How many connections each client address holds, to refuse one address more than its share.
#[derive(Clone)]
struct PerAddress {
    limit: Option<usize>,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// One connection's place in its address's count, given back when dropped.
struct AddressSlot {
    address: IpAddr,
    owner: Option<PerAddress>,
}

impl PerAddress {
    fn new(limit: Option<usize>) -> Self {
        Self {
            limit,
            open: Arc::default(),
        }
    }

    /// A slot for one more connection from `address`, or `None` when it holds its limit.
    fn take(&self, address: IpAddr) -> Option<AddressSlot> {
        let Some(limit) = self.limit else {
            return Some(AddressSlot {
                address,
                owner: None,
            });
        };
        let mut open = self
            .open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = open.entry(address).or_insert(0);
        if *count >= limit {
            return None;
        }
        *count += 1;
        Some(AddressSlot {
            address,
            owner: Some(self.clone()),
        })
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let Some(owner) = &self.owner else { return };
        let mut open = owner
            .open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(count) = open.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PerAddress;

    #[test]
    fn an_address_holds_at_most_its_share_and_gets_it_back_when_connections_close() {
        let per_address = PerAddress::new(Some(2));
        let one = "192.0.2.1".parse().unwrap();
        let other = "192.0.2.2".parse().unwrap();
        let first = per_address.take(one).expect("first");
        let second = per_address.take(one).expect("second");
        assert!(per_address.take(one).is_none(), "third from one address");
        assert!(per_address.take(other).is_some(), "another address");
        drop(first);
        assert!(per_address.take(one).is_some(), "a slot came back");
        drop(second);
        assert!(PerAddress::new(None).take(one).is_some());
    }
}
