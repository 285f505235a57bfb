//! The storage seam: every query of the server, behind one [`Store`] and one [`StoreError`].
//!
//! Two backends sit behind it: SQLite (the embedded default, one file, one replica) and
//! PostgreSQL (one database shared by several stateless replicas). Both are reached through
//! sqlx's `Any` driver, so the queries the two dialects share (almost all of them: numbered
//! `$N` parameters, `RETURNING`, `ON CONFLICT`, row-value comparisons) are written once;
//! where the dialects differ — connection set-up, migrations, full-text search, folding view
//! counts, the start-up lock — [`sqlite`] and [`postgres`] each hold their own version.
//! Nothing above this module sees an sqlx type.

pub mod articles;
pub mod categories;
pub mod images;
pub(crate) mod postgres;
pub(crate) mod sqlite;
pub mod tags;
pub mod views;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool};

/// Which database a server stores its content in, as given by `--database`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file (created with its folder when missing).
    Sqlite(PathBuf),
    /// A PostgreSQL database URL (`postgres://…` or `postgresql://…`).
    Postgres(String),
}

impl Location {
    /// Reads `--database`: a file path or `sqlite:` URL, or a `postgres://` URL. Any other
    /// URL scheme is refused, so a mistyped URL never silently becomes a SQLite file.
    pub fn parse(text: &str) -> Result<Location, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("the database is empty: give a file path or a postgres:// URL".into());
        }
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            return Ok(Location::Postgres(text.to_owned()));
        }
        if let Some(path) = text.strip_prefix("sqlite:") {
            let path = path.strip_prefix("//").unwrap_or(path);
            let path = path.split('?').next().unwrap_or("");
            if path.is_empty() {
                return Err(format!("'{text}' names no SQLite file"));
            }
            return Ok(Location::Sqlite(PathBuf::from(path)));
        }
        if let Some((scheme, _)) = text.split_once(':') {
            let looks_like_scheme = scheme.len() > 1
                && scheme.starts_with(|ch: char| ch.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || "+.-".contains(ch));
            if looks_like_scheme {
                return Err(format!(
                    "unsupported database '{text}': use a SQLite file path, a sqlite: URL or \
                     a postgres:// URL"
                ));
            }
        }
        Ok(Location::Sqlite(PathBuf::from(text)))
    }

    /// The location for messages: the path, or the URL without its password.
    pub fn describe(&self) -> String {
        match self {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(url) => {
                let hidden = url.split_once("://").and_then(|(scheme, rest)| {
                    let (credentials, host) = rest.rsplit_once('@')?;
                    let (user, _password) = credentials.split_once(':')?;
                    Some(format!("{scheme}://{user}:***@{host}"))
                });
                hidden.unwrap_or_else(|| url.clone())
            }
        }
    }
}

/// How a replica uses its database connections.
#[derive(Clone, Debug)]
pub struct PoolSettings {
    /// Most connections this replica opens.
    pub max_connections: u32,
    /// Longest a request waits for a free connection before failing.
    pub acquire_timeout: Duration,
    /// Longest one statement may run (PostgreSQL's `statement_timeout`; SQLite waits at most
    /// this long for the write lock).
    pub statement_timeout: Duration,
    /// How long start-up keeps retrying a database that does not answer yet.
    pub connect_retry: Duration,
}

impl Default for PoolSettings {
    fn default() -> PoolSettings {
        PoolSettings {
            max_connections: 8,
            acquire_timeout: Duration::from_secs(5),
            statement_timeout: Duration::from_secs(5),
            connect_retry: Duration::from_secs(30),
        }
    }
}

/// The PostgreSQL channel on which replicas announce content changes.
pub const CHANGES_CHANNEL: &str = "gazette_content_changed";

/// A PostgreSQL connection listening for other replicas' content changes
/// ([`Store::announce_content_changed`]).
pub struct ChangeListener(sqlx::postgres::PgListener);

impl ChangeListener {
    /// Connects to `database_url` and starts listening.
    pub async fn connect(database_url: &str) -> StoreResult<ChangeListener> {
        let mut listener = sqlx::postgres::PgListener::connect(database_url).await?;
        listener.listen(CHANGES_CHANNEL).await?;
        Ok(ChangeListener(listener))
    }

    /// Waits for the next announcement and says which replica made it (its
    /// [`Store::replica_name`]); an error when the connection was lost (changes made
    /// meanwhile were not heard).
    pub async fn next_change(&mut self) -> StoreResult<String> {
        match self.0.try_recv().await? {
            Some(notification) => Ok(notification.payload().to_owned()),
            None => Err(StoreError(sqlx::Error::Protocol(
                "the listening connection was closed".into(),
            ))),
        }
    }
}

/// The database behind the seam.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The server's content store: a pool of connections to one SQLite file or one PostgreSQL
/// database, cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// This replica's name in its change announcements, so it does not act on its own.
    replica: Arc<str>,
}

/// A name no other replica (process or store in it) has: the process id, the time and a
/// count of the stores this process opened.
fn new_replica_name() -> Arc<str> {
    static OPENED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let opened = OPENED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    format!("{}-{nanos}-{opened}", std::process::id()).into()
}

/// A failed storage operation. Its message is for logs; [`StoreError::is_conflict`] says
/// when it is the caller's conflict (a unique key taken) rather than the server's failure.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct StoreError(#[from] sqlx::Error);

impl StoreError {
    /// Whether the database refused a write because the row exists already: two editors
    /// creating one slug at once both pass the existence check, and the second insert hits
    /// the unique index. That is the editor's conflict, not a server failure.
    pub fn is_conflict(&self) -> bool {
        self.0
            .as_database_error()
            .is_some_and(|error| error.is_unique_violation())
    }

    /// Whether the database cannot do this now, through no fault of the request: disk full,
    /// a read-only or failing disk, locked by another writer for too long, the connection
    /// or server gone, a statement over its time limit. The client may try again later (503),
    /// and reads that do not need the failing part keep working.
    pub fn is_unavailable(&self) -> bool {
        if self.is_unreachable() || matches!(self.0, sqlx::Error::PoolClosed) {
            return true;
        }
        let Some(error) = self.0.as_database_error() else {
            return false;
        };
        let Some(code) = error.code() else {
            return false;
        };
        // SQLite reports its extended result code as a number; the primary code is its
        // low byte: BUSY 5, LOCKED 6, NOMEM 7, READONLY 8, IOERR 10, FULL 13, CANTOPEN 14.
        if let Ok(number) = code.parse::<i32>() {
            return matches!(number & 0xff, 5 | 6 | 7 | 8 | 10 | 13 | 14);
        }
        // PostgreSQL's SQLSTATE: class 08 connection, 53 insufficient resources (53100 disk
        // full), 57 operator intervention (57014 statement timeout, 57P01 shutdown), 58 system
        // error (58030 I/O); 25006 read-only transaction (a standby).
        code.starts_with("08")
            || code.starts_with("53")
            || code.starts_with("57")
            || code.starts_with("58")
            || code == "25006"
    }

    fn is_unreachable(&self) -> bool {
        matches!(
            self.0,
            sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::Tls(_)
        ) || self.0.as_database_error().is_some_and(|error| {
            // 57P03: the server is starting up; 53300: too many connections.
            matches!(error.code().as_deref(), Some("57P03" | "53300"))
        })
    }
}

/// Result of a storage operation.
pub type StoreResult<T> = Result<T, StoreError>;

/// Held while one replica sets up an empty database (migrations, demo content), so replicas
/// started together do it exactly once. Released by [`SetupLock::release`], or by the
/// database when the process dies.
pub struct SetupLock {
    connection: Option<PoolConnection<Any>>,
}

impl SetupLock {
    /// Lets the next waiting replica in.
    pub async fn release(mut self) -> StoreResult<()> {
        if let Some(mut connection) = self.connection.take() {
            postgres::unlock_setup(&mut connection).await?;
        }
        Ok(())
    }
}

impl Store {
    /// Connects to the database, retrying for `settings.connect_retry` while it does not
    /// answer (a PostgreSQL still starting, a network not up yet), then brings its schema up
    /// to date. Several replicas may call this at once on an empty database.
    pub async fn open(location: &Location, settings: &PoolSettings) -> StoreResult<Store> {
        sqlx::any::install_default_drivers();
        let started = tokio::time::Instant::now();
        let mut wait = Duration::from_millis(200);
        let store = loop {
            match Store::connect(location, settings).await {
                Ok(store) => break store,
                // A server may still be starting; a SQLite file's error will not go away.
                Err(error)
                    if matches!(location, Location::Postgres(_))
                        && error.is_unreachable()
                        && started.elapsed() < settings.connect_retry =>
                {
                    tracing::warn!(database = %location.describe(), %error,
                        "database not reachable yet; retrying");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(3));
                }
                Err(error) => return Err(error),
            }
        };
        let lock = store.lock_setup().await?;
        let migrated = match store.backend {
            Backend::Sqlite => sqlite::MIGRATOR.run(&store.pool).await,
            Backend::Postgres => postgres::MIGRATOR.run(&store.pool).await,
        };
        lock.release().await?;
        migrated.map_err(sqlx::Error::from)?;
        Ok(store)
    }

    async fn connect(location: &Location, settings: &PoolSettings) -> StoreResult<Store> {
        let options = AnyPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout);
        let (pool, backend) = match location {
            Location::Sqlite(path) => (
                sqlite::connect(options, path, settings).await?,
                Backend::Sqlite,
            ),
            Location::Postgres(url) => (
                postgres::connect(options, url, settings).await?,
                Backend::Postgres,
            ),
        };
        Ok(Store {
            pool,
            backend,
            replica: new_replica_name(),
        })
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Waits until no other replica is setting up the database, and keeps them out until
    /// released. SQLite has one replica per file, so there it is free.
    pub async fn lock_setup(&self) -> StoreResult<SetupLock> {
        let connection = match self.backend {
            Backend::Sqlite => None,
            Backend::Postgres => {
                let mut connection = self.pool.acquire().await?;
                postgres::lock_setup(&mut connection).await?;
                Some(connection)
            }
        };
        Ok(SetupLock { connection })
    }

    /// Whether the database has no articles yet (so demo content may be loaded).
    pub async fn is_empty(&self) -> StoreResult<bool> {
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM (SELECT 1 FROM articles LIMIT 1) AS one")
                .fetch_one(&self.pool)
                .await?;
        Ok(count == 0)
    }

    /// Tells every replica listening on this database that content changed, so they forget
    /// the answers they keep (`api::response_cache`). SQLite has one server: nothing to tell.
    pub async fn announce_content_changed(&self) -> StoreResult<()> {
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANGES_CHANNEL)
                .bind(&*self.replica)
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// This replica's name in its announcements ([`ChangeListener::next_change`] tells
    /// which replica made a change).
    pub fn replica_name(&self) -> Arc<str> {
        self.replica.clone()
    }

    /// Whether the database answers a query now (the health check).
    pub async fn is_reachable(&self) -> bool {
        sqlx::query_scalar::<_, i64>("SELECT 1")
            .fetch_one(&self.pool)
            .await
            .is_ok()
    }

    /// Refreshes the planner's statistics after a bulk load.
    pub async fn optimize(&self) -> StoreResult<()> {
        let statement = match self.backend {
            Backend::Sqlite => "PRAGMA optimize",
            Backend::Postgres => "ANALYZE",
        };
        sqlx::query(statement).execute(&self.pool).await?;
        Ok(())
    }

    /// Closes every connection (waiting for running queries).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Starts a transaction that writes. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), waiting for it up to the busy timeout: a transaction that read first and
    /// then wrote could find another writer's commit in between and fail at once with
    /// "database is locked", which no waiting cures.
    pub(crate) async fn begin_write(&self) -> StoreResult<sqlx::Transaction<'static, Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_locations_are_paths_sqlite_urls_or_postgres_urls() {
        let sqlite = |path: &str| Ok(Location::Sqlite(PathBuf::from(path)));
        assert_eq!(
            Location::parse("data/gazette.db"),
            sqlite("data/gazette.db")
        );
        assert_eq!(
            Location::parse("/var/lib/gazette.db"),
            sqlite("/var/lib/gazette.db")
        );
        assert_eq!(Location::parse("sqlite:data/g.db"), sqlite("data/g.db"));
        assert_eq!(
            Location::parse("sqlite:///tmp/g.db?mode=rwc"),
            sqlite("/tmp/g.db")
        );
        assert_eq!(Location::parse("./odd:name.db"), sqlite("./odd:name.db"));
        assert_eq!(
            Location::parse("postgres://gazette@127.0.0.1/news"),
            Ok(Location::Postgres(
                "postgres://gazette@127.0.0.1/news".into()
            ))
        );
        assert!(Location::parse("postgresql://db/news").is_ok());
        for refused in [
            "mysql://db/news",
            "postgres:/db",
            "postgre://db",
            "",
            "sqlite:",
        ] {
            assert!(Location::parse(refused).is_err(), "{refused}");
        }
        assert_eq!(
            Location::parse("postgres://editor:secret@db/news")
                .unwrap()
                .describe(),
            "postgres://editor:***@db/news"
        );
        // No password: nothing to hide, the address reads as given.
        assert_eq!(
            Location::parse("postgres://gazette@127.0.0.1:9/gazette")
                .unwrap()
                .describe(),
            "postgres://gazette@127.0.0.1:9/gazette"
        );
    }
}
