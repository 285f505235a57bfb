//! Server configuration: command-line flags, each with an environment variable and a default
//! that runs the demo site on one machine with no setup, and the start-up error type.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::db::{Location, PoolSettings};

/// A start-up failure, explained for the person running the server.
pub type StartError = Box<dyn std::error::Error + Send + Sync>;

/// The demo site's settings file, by absolute path so the default works from any directory.
pub const DEMO_SITE_SETTINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/demo/site.json");

/// How the server is run. Every flag can also be set through its `GAZETTE_*` variable.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "gazette-server",
    version,
    about = "The Gazette news API and site server"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "GAZETTE_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Where content is stored: a SQLite file path or `sqlite:` URL (created, and filled
    /// with demo content, when missing), or a `postgres://user:password@host/database` URL
    /// (one database shared by every replica).
    #[arg(long, env = "GAZETTE_DATABASE", default_value = "data/gazette.db")]
    pub database: String,

    /// Most database connections this replica opens.
    #[arg(long, env = "GAZETTE_DATABASE_CONNECTIONS", default_value_t = 8)]
    pub database_connections: u32,

    /// Longest one database statement may run, in milliseconds (PostgreSQL's
    /// statement_timeout; SQLite's wait for the write lock).
    #[arg(
        long,
        env = "GAZETTE_DATABASE_STATEMENT_TIMEOUT_MS",
        default_value_t = 5_000
    )]
    pub database_statement_timeout_ms: u64,

    /// How long start-up keeps retrying a database that does not answer, in seconds.
    #[arg(
        long,
        env = "GAZETTE_DATABASE_CONNECT_RETRY_SECS",
        default_value_t = 30
    )]
    pub database_connect_retry_secs: u64,

    /// The newsroom's site settings (name, taglines, links, ad slots) as JSON; the demo
    /// site's file by default.
    #[arg(long, env = "GAZETTE_SITE_SETTINGS", default_value = DEMO_SITE_SETTINGS)]
    pub site_settings: PathBuf,

    /// Folder of the built front end (Trunk's dist/), served at `/`.
    #[arg(long, env = "GAZETTE_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Serve the API, feeds and pictures without the front end (for a newsroom that runs
    /// its own). Without it, a `--dist` folder with no `index.html` stops the server at start.
    #[arg(long, env = "GAZETTE_API_ONLY")]
    pub api_only: bool,

    /// Public origin of the site, used in canonical, share and feed URLs.
    #[arg(
        long,
        env = "GAZETTE_BASE_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub base_url: String,

    /// Bearer token for the editor endpoints under /api/v1/admin; without it they answer 401.
    #[arg(long, env = "GAZETTE_ADMIN_TOKEN")]
    pub admin_token: Option<String>,

    /// Other origins allowed to call the API from a browser (comma separated).
    #[arg(long, env = "GAZETTE_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Do not load the demo content into an empty database.
    #[arg(long, env = "GAZETTE_NO_DEMO")]
    pub no_demo: bool,

    /// Seconds between folds of recorded views into the articles' counters.
    #[arg(long, env = "GAZETTE_VIEWS_FLUSH_SECS", default_value_t = 5)]
    pub views_flush_secs: u64,

    /// Folder for uploaded pictures and their variants; by default `media/` beside a SQLite
    /// file, else `data/media` (replicas on PostgreSQL need one shared folder).
    #[arg(long, env = "GAZETTE_MEDIA_DIR")]
    pub media_dir: Option<PathBuf>,

    /// An S3-compatible bucket for pictures instead of the folder, as `s3://bucket/prefix`
    /// (for replicas that share no disk); endpoint, region and keys from the `AWS_*`
    /// variables (`AWS_ENDPOINT`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
    /// `AWS_ALLOW_HTTP`).
    #[arg(long, env = "GAZETTE_MEDIA_STORE_URL")]
    pub media_store_url: Option<String>,

    /// Largest picture an editor may upload, in bytes.
    #[arg(long, env = "GAZETTE_MAX_UPLOAD_BYTES", default_value_t = 15 * 1024 * 1024)]
    pub max_upload_bytes: usize,

    /// The server runs behind a reverse proxy that appends the client's address to
    /// `X-Forwarded-For`: rate limits and the view counter use that address, not the proxy's.
    /// Without this flag the header is ignored (a client could write anything in it).
    #[arg(long, env = "GAZETTE_BEHIND_PROXY")]
    pub behind_proxy: bool,

    /// Turn off the per-client rate limits on views, search and editor writes, the cap of
    /// views per address and the cap of connections per address (for load tests that send
    /// everything from one address).
    #[arg(long, env = "GAZETTE_NO_RATE_LIMITS")]
    pub no_rate_limits: bool,

    /// Most views one client address adds to one article in a day, whatever reader ids it
    /// sends (0: no cap). Readers behind one carrier-grade NAT share an address, so keep it
    /// well above what one household or office reads.
    #[arg(long, env = "GAZETTE_MAX_VIEWS_PER_ADDRESS", default_value_t = 200)]
    pub max_views_per_address: u32,

    /// Most connections the server holds open at once (keep it under `ulimit -n`).
    #[arg(long, env = "GAZETTE_MAX_CONNECTIONS", default_value_t = 1000)]
    pub max_connections: usize,

    /// Most connections one client address holds open at once; not applied with
    /// `--behind-proxy` (every connection then comes from the proxy) or `--no-rate-limits`.
    #[arg(
        long,
        env = "GAZETTE_MAX_CONNECTIONS_PER_ADDRESS",
        default_value_t = 64
    )]
    pub max_connections_per_address: usize,

    /// Seconds a client has to send a request's headers (also how long an idle kept-alive
    /// connection stays open); requests then have 15 s to be read and answered.
    #[arg(long, env = "GAZETTE_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,

    /// Seconds a graceful shutdown (Ctrl-C, SIGTERM) waits for open requests before closing
    /// their connections.
    #[arg(long, env = "GAZETTE_SHUTDOWN_GRACE_SECS", default_value_t = 10)]
    pub shutdown_grace_secs: u64,

    /// How long an article marked as breaking stays in the breaking-news banner, in minutes
    /// from when it was first marked.
    #[arg(long, env = "GAZETTE_BREAKING_MINUTES", default_value_t = 180)]
    pub breaking_minutes: u64,

    /// Memory for hot API answers (site, categories, lists, articles), kept encoded; 0
    /// turns the response cache off. Every editor write empties it on every replica.
    #[arg(long, env = "GAZETTE_RESPONSE_CACHE_MB", default_value_t = 64)]
    pub response_cache_mb: usize,

    /// Seconds a kept answer is served before it is made again: how stale a view count or
    /// most-read list counted on another replica may be.
    #[arg(long, env = "GAZETTE_RESPONSE_CACHE_SECS", default_value_t = 2)]
    pub response_cache_secs: u64,
}

impl Config {
    /// Where pictures are stored: `--media-dir`, else beside the SQLite file, else
    /// `data/media`.
    pub fn media_root(&self) -> PathBuf {
        if let Some(dir) = &self.media_dir {
            return dir.clone();
        }
        match self.location() {
            Ok(Location::Sqlite(file)) => file
                .parent()
                .map(|folder| folder.join("media"))
                .unwrap_or_else(|| PathBuf::from("media")),
            _ => PathBuf::from("data/media"),
        }
    }

    /// The bounds on connections, from the `--max-connections*`, `--header-timeout-secs`
    /// and `--shutdown-grace-secs` flags.
    pub fn connection_limits(&self) -> crate::connections::ConnectionLimits {
        crate::connections::ConnectionLimits {
            max_connections: self.max_connections.max(1),
            max_per_address: (!self.behind_proxy && !self.no_rate_limits)
                .then_some(self.max_connections_per_address.max(1)),
            header_read_timeout: Duration::from_secs(self.header_timeout_secs.max(1)),
            shutdown_grace: Duration::from_secs(self.shutdown_grace_secs),
        }
    }

    /// The database `--database` names, or why it names none.
    pub fn location(&self) -> Result<Location, String> {
        Location::parse(&self.database)
    }

    /// The replica's connection pool, from the `--database-*` flags.
    pub fn pool_settings(&self) -> PoolSettings {
        PoolSettings {
            max_connections: self.database_connections.max(2),
            statement_timeout: Duration::from_millis(self.database_statement_timeout_ms.max(1)),
            connect_retry: Duration::from_secs(self.database_connect_retry_secs),
            ..PoolSettings::default()
        }
    }

    /// A configuration for tests: the database `database` (a path or URL), the demo site
    /// settings, no front end, a known admin token.
    pub fn for_tests(database: impl Into<String>) -> Config {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            database: database.into(),
            database_connections: 8,
            database_statement_timeout_ms: 5_000,
            database_connect_retry_secs: 30,
            site_settings: PathBuf::from(DEMO_SITE_SETTINGS),
            dist: PathBuf::from("does-not-exist"),
            api_only: true,
            base_url: "https://gazette.test".into(),
            admin_token: Some("test-token".into()),
            cors_origins: Vec::new(),
            no_demo: false,
            views_flush_secs: 3600,
            media_dir: Some(test_media_dir()),
            media_store_url: None,
            max_upload_bytes: 15 * 1024 * 1024,
            behind_proxy: false,
            no_rate_limits: false,
            max_views_per_address: 200,
            max_connections: 1000,
            max_connections_per_address: 64,
            header_timeout_secs: 10,
            shutdown_grace_secs: 10,
            breaking_minutes: 180,
            response_cache_mb: 64,
            response_cache_secs: 2,
        }
    }
}

/// A fresh folder for one test server's pictures, under the system's temporary folder.
fn test_media_dir() -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    std::env::temp_dir().join(format!(
        "gazette-test-media-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_settings_default_to_the_demo_file_and_take_a_flag() {
        let default = Config::try_parse_from(["gazette-server"]).unwrap();
        if std::env::var_os("GAZETTE_SITE_SETTINGS").is_none() {
            assert_eq!(default.site_settings, PathBuf::from(DEMO_SITE_SETTINGS));
            assert!(default.site_settings.is_absolute());
        }
        let given = Config::try_parse_from(["gazette-server", "--site-settings", "/etc/site.json"])
            .unwrap();
        assert_eq!(given.site_settings, PathBuf::from("/etc/site.json"));
    }
}
