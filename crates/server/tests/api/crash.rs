//! A real `gazette-server` process killed with SIGKILL in the middle of traffic (readers'
//! views from several connections at once, and an editor's write), then started again on the
//! same database: every view and every write it acknowledged is there. Views are recorded in
//! the database before they are answered; only the fold into the counters waits (hourly in
//! this test, so the crash always comes before it).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use gazette_api_types::VISITOR_HEADER;

use crate::common::{new_database, MEXICO};
use crate::replicas::Replica;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_mid_traffic_loses_nothing_that_was_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let database = new_database(&dir).await;
    let mut server = {
        let database = database.clone();
        // Without rate limits: the traffic below is one client sending as fast as it can.
        tokio::task::spawn_blocking(move || Replica::start_with(&database, &["--no-rate-limits"]))
            .await
            .unwrap()
    };
    let server_address = server.address;
    let (_, before) = server
        .send("GET", &format!("/api/v1/articles/{MEXICO}"), "", "")
        .await;
    let before = before["views"].as_u64().expect("views");

    // An editor's write, acknowledged.
    let (status, _) = server.publish("written-before-the-crash").await;
    assert_eq!(status, 201);

    // Eight readers' connections send views, each from a new reader, until the crash.
    let acknowledged = Arc::new(AtomicU64::new(0));
    let sent = Arc::new(AtomicU64::new(0));
    let running = Arc::new(AtomicBool::new(true));
    let mut senders = Vec::new();
    for connection in 0..8 {
        let (acknowledged, sent, running) = (acknowledged.clone(), sent.clone(), running.clone());
        senders.push(tokio::spawn(async move {
            let mut n = 0;
            while running.load(Ordering::SeqCst) {
                n += 1;
                let request = format!(
                    "POST /api/v1/articles/{MEXICO}/views HTTP/1.1\r\nHost: crash\r\n\
                     {VISITOR_HEADER}: reader-{connection}-{n}\r\nContent-Length: 0\r\n\
                     Connection: close\r\n\r\n"
                );
                // A connection the crash cuts off is simply not acknowledged.
                let answered = tokio::time::timeout(Duration::from_secs(5), async {
                    use tokio::io::{AsyncReadExt, AsyncWriteExt};
                    let mut stream = tokio::net::TcpStream::connect(server_address).await.ok()?;
                    // Sent: the server has the request (refused connections do not count).
                    stream.write_all(request.as_bytes()).await.ok()?;
                    sent.fetch_add(1, Ordering::SeqCst);
                    let mut response = Vec::new();
                    stream.read_to_end(&mut response).await.ok()?;
                    Some(response.starts_with(b"HTTP/1.1 200"))
                })
                .await;
                if let Ok(Some(true)) = answered {
                    acknowledged.fetch_add(1, Ordering::SeqCst);
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    tokio::task::block_in_place(|| server.crash());
    running.store(false, Ordering::SeqCst);
    for sender in senders {
        sender.await.unwrap();
    }
    let (acknowledged, sent) = (
        acknowledged.load(Ordering::SeqCst),
        sent.load(Ordering::SeqCst),
    );
    assert!(
        acknowledged > 20,
        "traffic before the crash: {acknowledged} views"
    );
    drop(server);

    let restarted = tokio::task::spawn_blocking(move || Replica::start(&database))
        .await
        .unwrap();
    let (_, after) = restarted
        .send("GET", &format!("/api/v1/articles/{MEXICO}"), "", "")
        .await;
    let counted = after["views"].as_u64().expect("views") - before;
    eprintln!("crash: {sent} views sent, {acknowledged} acknowledged, {counted} counted after the restart");
    assert!(
        counted >= acknowledged,
        "{acknowledged} views were acknowledged, {counted} survived the crash"
    );
    // A view can be recorded and the process killed before its answer is sent: counted but
    // not acknowledged. Never more than were sent.
    assert!(counted <= sent, "{counted} counted of {sent} sent");
    let (status, _) = restarted
        .send("GET", "/api/v1/articles/written-before-the-crash", "", "")
        .await;
    assert_eq!(status, 200, "the acknowledged write survived");
}
