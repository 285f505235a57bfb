//! Slow and greedy clients on a real socket: a request whose headers never finish and an idle
//! kept-alive connection are closed after the header timeout, one address cannot hold more
//! than its share of connections, and a graceful shutdown ends within its grace whatever the
//! open connections do.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use gazette_server::{AppState, Config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::common::{raw_http, test_config};

/// A server on a socket, stopped by sending on `stop`.
struct Served {
    address: SocketAddr,
    stop: oneshot::Sender<()>,
    server: JoinHandle<Result<(), gazette_server::StartError>>,
    _dir: tempfile::TempDir,
}

async fn serve(adjust: impl FnOnce(&mut Config)) -> Served {
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(&dir).await;
    adjust(&mut config);
    let state = AppState::new(config).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(gazette_server::serve_on(listener, state, async {
        let _ = stopped.await;
    }));
    Served {
        address,
        stop,
        server,
        _dir: dir,
    }
}

/// Waits until the server closes `stream` (or 10 s pass); returns how long that took and what
/// the server sent before closing.
async fn until_closed(stream: &mut TcpStream) -> (Duration, String) {
    let started = Instant::now();
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(read)) => received.extend_from_slice(&buffer[..read]),
            Err(_) => panic!("the server kept the connection open for 10 s"),
        }
    }
    (
        started.elapsed(),
        String::from_utf8_lossy(&received).into_owned(),
    )
}

#[tokio::test]
async fn half_sent_headers_and_idle_connections_are_closed_after_the_header_timeout() {
    let served = serve(|config| config.header_timeout_secs = 1).await;

    let mut half_sent = TcpStream::connect(served.address).await.unwrap();
    half_sent
        .write_all(b"GET /api/v1/site HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .await
        .unwrap();
    let (waited, _) = until_closed(&mut half_sent).await;
    assert!(
        waited < Duration::from_secs(4),
        "half-sent headers held the connection {waited:?}"
    );

    // A kept-alive connection: one request answered, then silence.
    let mut idle = TcpStream::connect(served.address).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let (waited, received) = until_closed(&mut idle).await;
    assert!(received.starts_with("HTTP/1.1 200"), "{received}");
    assert!(
        waited < Duration::from_secs(4),
        "an idle connection stayed {waited:?}"
    );

    // Requests that finish in time are answered as before.
    let answered = raw_http(
        served.address,
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(answered.starts_with("HTTP/1.1 200"), "{answered}");
    served.stop.send(()).unwrap();
    served.server.await.unwrap().unwrap();
}

#[tokio::test]
async fn one_address_holds_at_most_its_share_of_connections() {
    let served = serve(|config| {
        config.max_connections_per_address = 3;
        config.header_timeout_secs = 30;
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..3 {
        let stream = TcpStream::connect(served.address).await.unwrap();
        held.push(stream);
    }
    // Let the server accept all three before the fourth arrives.
    let health = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut fourth = TcpStream::connect(served.address).await.unwrap();
    let _ = fourth.write_all(health.as_bytes()).await;
    let (_, received) = until_closed(&mut fourth).await;
    assert_eq!(received, "", "the fourth connection is closed unanswered");

    // The three held connections still work, and when one closes its place comes back.
    let first = held.first_mut().unwrap();
    first.write_all(health.as_bytes()).await.unwrap();
    let (_, received) = until_closed(first).await;
    assert!(received.starts_with("HTTP/1.1 200"), "{received}");
    drop(held.remove(0));
    tokio::time::sleep(Duration::from_millis(200)).await;
    let answered = raw_http(served.address, health).await;
    assert!(answered.starts_with("HTTP/1.1 200"), "{answered}");
    served.stop.send(()).unwrap();
    served.server.await.unwrap().unwrap();
}

#[tokio::test]
async fn a_graceful_shutdown_ends_within_its_grace_whatever_clients_hold_open() {
    let served = serve(|config| {
        config.header_timeout_secs = 60;
        config.shutdown_grace_secs = 1;
    })
    .await;
    let mut slow = Vec::new();
    for n in 0..20 {
        let mut stream = TcpStream::connect(served.address).await.unwrap();
        stream
            .write_all(
                format!("POST /api/v1/articles/x/views HTTP/1.1\r\nHost: x\r\nX-{n}: ").as_bytes(),
            )
            .await
            .unwrap();
        slow.push(stream);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    served.stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), served.server)
        .await
        .expect("the shutdown waited more than 10 s")
        .unwrap()
        .unwrap();
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(4),
        "shutdown took {took:?} with a grace of 1 s"
    );
    for stream in &mut slow {
        let (_, received) = until_closed(stream).await;
        assert_eq!(received, "");
    }
}
