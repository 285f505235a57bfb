//! Several replicas on one PostgreSQL database, as real `gazette-server` processes: started
//! together on an empty database they set it up once; a write on one is read on the other;
//! views sent to both count one per reader; a replica stopped gracefully loses nothing.
//! Runs when the suite runs on PostgreSQL (`GAZETTE_TEST_POSTGRES`, as `make test` does).

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};

use gazette_api_types::VISITOR_HEADER;
use gazette_server::Config;
use serde_json::Value;

use crate::common::{
    hostile_article, new_database, postgres_server, raw_http, stored_number, MEXICO, TOKEN,
};

/// One `gazette-server` process and the address it serves on.
pub(crate) struct Replica {
    process: Child,
    pub(crate) address: SocketAddr,
}

impl Replica {
    /// Starts a replica on `database` with the test token; the views fold only on shutdown.
    /// Returns once it serves. Its output is drained to the end so that it never writes into a
    /// closed pipe.
    pub(crate) fn start(database: &str) -> Replica {
        Replica::start_with(database, &[])
    }

    /// [`Replica::start`] with more command-line arguments.
    pub(crate) fn start_with(database: &str, more: &[&str]) -> Replica {
        let mut process = Command::new(env!("CARGO_BIN_EXE_gazette-server"))
            .args(["--listen", "127.0.0.1:0", "--database", database])
            .args(more)
            .args(["--api-only", "--admin-token", TOKEN])
            .args(["--views-flush-secs", "3600"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start gazette-server");
        let stdout = process.stdout.take().expect("stdout");
        let (serving, address) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(address) = line.strip_prefix("Gazette is running at http://") {
                    let _ = serving.send(address.trim().to_owned());
                }
            }
        });
        let address = match address.recv_timeout(std::time::Duration::from_secs(60)) {
            Ok(address) => address.parse().expect("address"),
            Err(_) => {
                let _ = process.kill();
                panic!("the replica did not serve within a minute");
            }
        };
        Replica { process, address }
    }

    /// Sends a request; returns the status code and the JSON body.
    pub(crate) async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &str,
        body: &str,
    ) -> (u16, Value) {
        let response = raw_http(
            self.address,
            &format!(
                "{method} {path} HTTP/1.1\r\nHost: replica\r\n{headers}Content-Type: application/json\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            ),
        )
        .await;
        let status = response[9..12].parse().expect("status");
        let (_, body) = response.split_once("\r\n\r\n").expect("body");
        (status, serde_json::from_str(body).unwrap_or(Value::Null))
    }

    /// An editor creates the test's hostile article under `slug`; returns status and answer.
    pub(crate) async fn publish(&self, slug: &str) -> (u16, Value) {
        let mut article = hostile_article();
        article["slug"] = slug.into();
        let auth = format!("Authorization: Bearer {TOKEN}\r\n");
        self.send(
            "POST",
            "/api/v1/admin/articles",
            &auth,
            &article.to_string(),
        )
        .await
    }

    /// A reader's visit to the Mexico article; returns the count the replica answers.
    pub(crate) async fn view(&self, reader: &str) -> u64 {
        let (status, body) = self
            .send(
                "POST",
                &format!("/api/v1/articles/{MEXICO}/views"),
                &format!("{VISITOR_HEADER}: {reader}\r\n"),
                "",
            )
            .await;
        assert_eq!(status, 200, "{body}");
        body["views"].as_u64().expect("views")
    }

    /// SIGKILL, as a crash or the kernel's out-of-memory killer would: nothing runs after it.
    pub(crate) fn crash(&mut self) {
        self.process.kill().expect("SIGKILL");
        let exit = self.process.wait().expect("wait");
        assert!(!exit.success(), "killed: {exit}");
    }

    /// SIGTERM, then waits: the replica folds its views and exits cleanly.
    fn stop(&mut self) {
        let pid = self.process.id().to_string();
        let sent = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill");
        assert!(sent.success());
        let exit = self.process.wait().expect("wait");
        assert!(exit.success(), "graceful stop: {exit}");
    }
}

impl Drop for Replica {
    /// A failed test must not leave servers running (they hold the test runner's output open).
    fn drop(&mut self) {
        if let Ok(None) = self.process.try_wait() {
            let _ = self.process.kill();
            let _ = self.process.wait();
        }
    }
}

#[tokio::test]
async fn two_replicas_share_one_postgres_database() {
    if postgres_server().is_none() {
        eprintln!("replicas: runs on PostgreSQL only (set GAZETTE_TEST_POSTGRES)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let database = new_database(&dir).await;
    let config = Config::for_tests(database.clone());

    // Started together on an empty database: one migrates and loads the demo, the other
    // waits for it; both serve.
    let (first, second) = (database.clone(), database.clone());
    // Kept answers live ten minutes here: a replica sees another's write only because it
    // hears of it.
    let keep_long = ["--response-cache-secs", "600"];
    let a = std::thread::spawn(move || Replica::start_with(&first, &keep_long));
    let b = std::thread::spawn(move || Replica::start_with(&second, &keep_long));
    let (mut a, mut b) = (a.join().expect("replica a"), b.join().expect("replica b"));
    let migrations = stored_number(
        &config,
        "SELECT COUNT(*) FROM _sqlx_migrations WHERE description <> $1",
        "",
    )
    .await;
    let migration_files =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/postgres"))
            .expect("the migrations folder")
            .count();
    assert_eq!(
        migrations as usize, migration_files,
        "each migration ran once"
    );
    let mexico = stored_number(
        &config,
        "SELECT COUNT(*) FROM articles WHERE slug = $1",
        MEXICO,
    );
    assert_eq!(mexico.await, 1, "the demo loaded once");

    // A write on one replica is read on the other.
    let (status, created) = a.publish("written-on-replica-a").await;
    assert_eq!(status, 201, "{created}");
    let (status, read) = b
        .send("GET", "/api/v1/articles/written-on-replica-a", "", "")
        .await;
    assert_eq!(status, 200, "{read}");
    assert_eq!(read["title"], created["title"]);

    // b keeps the list it answered; a's next write makes it answer anew at once.
    let list_on_b = || b.send("GET", "/api/v1/articles?limit=50", "", "");
    let has = |list: &Value, slug: &str| {
        list["items"]
            .as_array()
            .is_some_and(|items| items.iter().any(|item| item["slug"] == slug))
    };
    let (_, before) = list_on_b().await;
    assert!(!has(&before, "announced-to-replica-b"));
    let (status, _) = a.publish("announced-to-replica-b").await;
    assert_eq!(status, 201);
    let heard = std::time::Instant::now();
    loop {
        let (_, list) = list_on_b().await;
        if has(&list, "announced-to-replica-b") {
            break;
        }
        assert!(
            heard.elapsed() < std::time::Duration::from_secs(3),
            "b still answers its kept list 3 s after a's write"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // Views: five readers on a, the same five and three more on b. Each reader counts once,
    // and each replica answers the count of both.
    for reader in ["r1", "r2", "r3", "r4", "r5"] {
        a.view(reader).await;
    }
    for reader in ["r1", "r2", "r3", "r4", "r5", "r6", "r7"] {
        b.view(reader).await;
    }
    assert_eq!(b.view("r8").await, 8);
    assert_eq!(a.view("r8").await, 8, "r8 again, on the other replica");

    // Nothing is folded yet (the fold runs hourly in this test); a graceful stop folds.
    let stored = || {
        stored_number(
            &config,
            "SELECT views FROM articles WHERE slug = $1",
            MEXICO,
        )
    };
    assert_eq!(stored().await, 0);
    a.stop();
    assert_eq!(
        stored().await,
        8,
        "the first replica's stop folded every recorded view"
    );
    let (_, article) = b
        .send("GET", &format!("/api/v1/articles/{MEXICO}"), "", "")
        .await;
    assert_eq!(article["views"], 8, "folded views are not counted twice");
    assert_eq!(b.view("r9").await, 9);
    b.stop();
    assert_eq!(stored().await, 9);
}
