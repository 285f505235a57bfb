//! The Gazette reference server: the JSON API of the news site on SQLite, the editor
//! endpoints, feeds, and hosting of the built front end from one origin.
//!
//! `app(state)` builds the whole HTTP application without a socket, so tests drive it with
//! `oneshot`; `serve(config)` runs it with view-count flushing and graceful shutdown.

pub mod config;
pub mod db;
pub mod demo;
pub mod http;
pub mod media;
pub mod sanitize;
pub mod time_format;
pub mod views;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use sqlx::SqlitePool;

pub use config::Config;
use http::site::SiteSettings;
use http::spa::Shell;
use views::ViewCounter;

/// Everything a request handler may need, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub pool: SqlitePool,
    pub config: Arc<Config>,
    pub site: Arc<SiteSettings>,
    pub views: Arc<ViewCounter>,
    /// The built front end's `index.html`, when there is one.
    pub shell: Option<Arc<Shell>>,
}

/// A start-up failure, explained for the person running the server.
pub type StartError = Box<dyn std::error::Error + Send + Sync>;

impl AppState {
    /// Opens the database (migrating it, and loading demo content into an empty one) and
    /// reads the built front end.
    pub async fn new(config: Config) -> Result<AppState, StartError> {
        let pool = db::connect(&config.database).await.map_err(|error| {
            format!(
                "cannot open database {}: {error}",
                config.database.display()
            )
        })?;
        if !config.no_demo && db::is_empty(&pool).await? {
            let loaded = demo::load(&pool).await?;
            tracing::info!(
                articles = loaded,
                "loaded demo content into the empty database"
            );
        }
        let shell = Shell::load(&config.dist).map(Arc::new);
        if shell.is_none() {
            tracing::warn!(dist = %config.dist.display(), "no built front end; serving the API only");
        }
        Ok(AppState {
            pool,
            config: Arc::new(config),
            site: Arc::new(SiteSettings::demo()),
            views: Arc::new(ViewCounter::default()),
            shell,
        })
    }
}

/// The whole HTTP application for a state.
pub fn app(state: AppState) -> Router {
    http::router(state)
}

/// Runs the server until Ctrl-C or SIGTERM, then flushes counted views and closes the database.
pub async fn serve(config: Config) -> Result<(), StartError> {
    let state = AppState::new(config).await?;
    let address = state.config.listen;
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|error| format!("cannot listen on {address}: {error}"))?;
    serve_on(listener, state, shutdown_signal()).await
}

/// Serves `state` on `listener` until `shutdown` completes; then stops taking requests, lets
/// running ones finish, writes pending view counts and closes the database.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), StartError> {
    let local = listener.local_addr()?;
    let flusher = {
        let state = state.clone();
        tokio::spawn(async move {
            let period = Duration::from_secs(state.config.views_flush_secs.max(1));
            // The first flush is one period after start: nothing is counted before that.
            let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
            loop {
                tick.tick().await;
                if let Err(error) = state.views.flush(&state.pool).await {
                    tracing::error!(%error, "could not flush view counts; will retry");
                }
            }
        })
    };

    tracing::info!("Gazette is running at http://{local}");
    println!("Gazette is running at http://{local}");
    axum::serve(
        listener,
        app(state.clone()).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;

    flusher.abort();
    let flushed = state.views.flush(&state.pool).await?;
    tracing::info!(articles = flushed, "flushed view counts on shutdown");
    state.pool.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
