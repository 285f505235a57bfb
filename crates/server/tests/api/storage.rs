//! Start-up against the database: what `--database` accepts, and an unreachable server.

use gazette_server::{AppState, Config};

use crate::common::TestSite;

#[tokio::test]
async fn a_database_that_is_neither_sqlite_nor_postgres_is_a_clear_start_error() {
    let dir = tempfile::tempdir().unwrap();
    for url in [
        "mysql://root@127.0.0.1/news",
        "postgre://db/news",
        "sqlite:",
    ] {
        let error = match AppState::new(Config::for_tests(url)).await {
            Ok(_) => panic!("{url} was accepted"),
            Err(error) => error.to_string(),
        };
        assert!(
            error.contains("postgres://") || error.contains("SQLite"),
            "{url}: {error}"
        );
    }
    // Nothing was created in the working directory or the test's folder.
    assert!(!std::path::Path::new("mysql:").exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn an_unreachable_postgres_is_retried_then_reported() {
    // Nothing listens on port 9 of the loopback: every attempt is refused at once.
    let mut config = Config::for_tests("postgres://gazette@127.0.0.1:9/gazette");
    config.database_connect_retry_secs = 1;
    let started = std::time::Instant::now();
    let error = match AppState::new(config).await {
        Ok(_) => panic!("a database nobody serves was opened"),
        Err(error) => error.to_string(),
    };
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(900),
        "retried for a second"
    );
    assert!(
        error.contains("cannot open database postgres://gazette@127.0.0.1:9/gazette"),
        "{error}"
    );
}

#[tokio::test]
async fn a_second_start_on_the_same_database_loads_nothing_twice() {
    let site = TestSite::new().await;
    let again = AppState::new(site.state.config.as_ref().clone())
        .await
        .expect("a second start");
    let first: gazette_api_types::ArticleList = site.get_json("/api/v1/articles?limit=50").await;
    let second = gazette_server::app(again);
    let response = tower::ServiceExt::oneshot(
        second,
        axum::http::Request::get("/api/v1/articles?limit=50")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
    .unwrap();
    let list: gazette_api_types::ArticleList =
        serde_json::from_slice(&crate::common::body_bytes(response).await).unwrap();
    assert_eq!(first.items.len(), list.items.len());
}

#[tokio::test]
async fn a_corrupt_database_file_is_a_clear_start_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gazette.db");
    std::fs::write(&path, "this is a text file, not a database\n".repeat(200)).unwrap();
    let error = match AppState::new(Config::for_tests(path.display().to_string())).await {
        Ok(_) => panic!("a corrupt database was opened"),
        Err(error) => error.to_string(),
    };
    assert!(error.contains("cannot open database"), "{error}");
    assert!(error.contains("not a database"), "{error}");
}

#[tokio::test]
async fn a_missing_front_end_stops_the_start_before_the_database_unless_api_only() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("gazette.db");
    let mut config = Config::for_tests(database.display().to_string());
    config.api_only = false;
    config.dist = dir.path().join("dist");
    let error = match AppState::new(config.clone()).await {
        Ok(_) => panic!("started without a front end"),
        Err(error) => error.to_string(),
    };
    assert!(error.contains("dist/index.html is missing"), "{error}");
    assert!(error.contains("--api-only"), "{error}");
    assert!(!database.exists(), "the database was touched");
    config.api_only = true;
    assert!(AppState::new(config).await.is_ok());
}

#[tokio::test]
async fn a_port_in_use_is_one_clear_line_and_exit_status_1() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("gazette.db").display().to_string();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_gazette-server"))
            .args(["--listen", &address, "--database", &database, "--api-only"])
            .output()
            .expect("run gazette-server")
    })
    .await
    .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("gazette-server: cannot listen on 127.0.0.1:") && last.contains("in use"),
        "{stderr}"
    );
    drop(taken);
}

/// A small filesystem of the test's own (tmpfs; needs root), unmounted when dropped: a disk
/// that fills up, and that can turn read-only under the running server.
struct SmallDisk {
    path: std::path::PathBuf,
}

impl SmallDisk {
    fn mount(path: &std::path::Path, megabytes: u32) -> Option<SmallDisk> {
        std::fs::create_dir_all(path).ok()?;
        let mounted = std::process::Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={megabytes}m"),
                "gazette-test",
            ])
            .arg(path)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        mounted.then(|| SmallDisk {
            path: path.to_owned(),
        })
    }

    /// Remounts with `mode` (`ro`, `rw`), retrying for a few seconds while files closed
    /// just now are still being let go of ("mount point is busy").
    async fn remount(&self, mode: &str) {
        for _ in 0..50 {
            let remounted = std::process::Command::new("mount")
                .args(["-o", &format!("remount,{mode}")])
                .arg(&self.path)
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|status| status.success());
            if remounted {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("cannot remount {mode}");
    }

    /// Fills the disk with one file until a write fails; returns the file.
    fn fill(&self) -> std::path::PathBuf {
        use std::io::Write;
        let filler = self.path.join("filler");
        let mut file = std::fs::File::create(&filler).expect("filler");
        let chunk = vec![7u8; 64 * 1024];
        while file
            .write_all(&chunk)
            .and_then(|()| file.sync_all())
            .is_ok()
        {}
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.path)
            .status();
    }
}

/// An article whose body takes ~100 KB, so a full disk is felt within a few writes.
fn bulky_article(slug: &str) -> serde_json::Value {
    let mut article = crate::common::hostile_article();
    article["slug"] = slug.into();
    article["body_html"] = format!(
        "<p>{}</p>",
        "The harbour board met again on Tuesday. ".repeat(2500)
    )
    .into();
    article
}

#[tokio::test]
async fn a_full_disk_refuses_writes_with_503_keeps_reads_and_a_read_only_one_stops_the_start() {
    use crate::common::{body_bytes, TOKEN};
    use axum::http::StatusCode;
    if crate::common::postgres_server().is_some() {
        eprintln!("full disk: SQLite only (runs in the SQLite suite)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&dir.path().join("disk"), 40) else {
        eprintln!("full disk: SKIPPED, cannot mount a tmpfs (needs root; CI runs as root)");
        return;
    };
    let database = disk.path.join("gazette.db").display().to_string();
    let site = {
        let database = database.clone();
        TestSite::configured(None, move |config, _| config.database = database).await
    };
    let write = |slug: String| {
        let site = &site;
        async move {
            let response = site
                .send_json(
                    "POST",
                    "/api/v1/admin/articles",
                    Some(TOKEN),
                    &bulky_article(&slug),
                )
                .await;
            let status = response.status();
            let retry_after = response.headers().get("retry-after").cloned();
            let body: serde_json::Value =
                serde_json::from_slice(&body_bytes(response).await).expect("JSON answer");
            (status, retry_after, body)
        }
    };
    // Reads that are not kept in memory: each asks the database.
    let read_from_the_database = |n: usize| {
        let site = &site;
        async move {
            let list = site
                .get(&format!("/api/v1/articles?lang=ru&limit={}", 1 + n % 50))
                .await;
            let search = site
                .get(&format!("/api/v1/search?q=baku&limit={}", 1 + n % 20))
                .await;
            (list.status(), search.status())
        }
    };

    let filler = disk.fill();
    let mut acknowledged = Vec::new();
    let mut refusal = None;
    for n in 0..400 {
        let (status, retry_after, body) = write(format!("disk-full-{n}")).await;
        match status {
            StatusCode::CREATED => acknowledged.push(format!("disk-full-{n}")),
            StatusCode::SERVICE_UNAVAILABLE => {
                refusal = Some((retry_after, body));
                break;
            }
            other => panic!("a write on a full disk answered {other}: {body}"),
        }
    }
    let (retry_after, body) = refusal.expect("a full disk refused a write");
    assert_eq!(body["error"]["code"], "unavailable", "{body}");
    assert!(retry_after.is_some(), "503 without Retry-After");
    for n in 0..10 {
        assert_eq!(
            read_from_the_database(n).await,
            (StatusCode::OK, StatusCode::OK),
            "reads on a full disk"
        );
    }
    // Views on a full disk: counted, or refused with 503; never a 500.
    for n in 0..20 {
        let view = site
            .request(
                axum::http::Request::post(format!(
                    "/api/v1/articles/{}/views",
                    crate::common::MEXICO
                ))
                .header(gazette_api_types::VISITOR_HEADER, format!("full-disk-{n}"))
                .body(axum::body::Body::empty())
                .unwrap(),
            )
            .await;
        assert!(
            matches!(
                view.status(),
                StatusCode::OK | StatusCode::SERVICE_UNAVAILABLE
            ),
            "a view on a full disk answered {}",
            view.status()
        );
    }

    // Room again: writes work without a restart.
    std::fs::remove_file(&filler).unwrap();
    let (status, _, body) = write("after-room-was-made".into()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    acknowledged.push("after-room-was-made".into());

    // Every acknowledged write is there after a restart on the same database.
    let site_config = site.state.config.as_ref().clone();
    site.state.store.close().await;
    drop(site);
    let restarted = AppState::new(site_config.clone()).await.expect("a restart");
    let restarted_store = restarted.store.clone();
    let app = gazette_server::app(restarted);
    for slug in &acknowledged {
        let response = tower::ServiceExt::oneshot(
            app.clone(),
            axum::http::Request::get(format!("/api/v1/articles/{slug}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{slug} was acknowledged, then lost"
        );
    }
    eprintln!(
        "full disk: {} writes acknowledged before the disk was full, all present after a restart",
        acknowledged.len() - 1
    );

    // Started on a read-only disk (a filesystem remounted read-only after errors): a copy
    // of the database on a disk of its own, which no process (not even another test's
    // child, which may have inherited this one's open files) holds open.
    drop(app);
    restarted_store.close().await;
    let Some(read_only) = SmallDisk::mount(&dir.path().join("read-only"), 40) else {
        panic!("a second tmpfs could not be mounted");
    };
    std::fs::copy(
        disk.path.join("gazette.db"),
        read_only.path.join("gazette.db"),
    )
    .unwrap();
    read_only.remount("ro").await;
    let mut config = site_config;
    config.database = read_only.path.join("gazette.db").display().to_string();
    let result = AppState::new(config).await;
    match result {
        Ok(_) => panic!("started on a read-only database"),
        Err(error) => {
            let error = error.to_string();
            assert!(
                error.contains("cannot open database") && error.contains("Read-only file system"),
                "{error}"
            );
        }
    }
}
