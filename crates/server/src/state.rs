//! What every request handler shares: the content store, the configuration, the site
//! settings and the built front end, opened once at start-up.
//!
//! Everything held here is defined below the HTTP modules (config, site settings, content,
//! the shell template), so handlers import the state and the state imports no handler.

use std::sync::Arc;

use crate::api::response_cache::ResponseCache;
use crate::config::{Config, StartError};
use crate::content::demo;
use crate::db::{Location, Store};
use crate::images::store::{MediaLocation, MediaStore};
use crate::site_settings::SiteSettings;
use crate::web::shell::Shell;

/// Everything a request handler may need, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
    pub site: Arc<SiteSettings>,
    /// The built front end's `index.html`, when there is one.
    pub shell: Option<Arc<Shell>>,
    /// Uploaded pictures and every variant made.
    pub media: MediaStore,
    /// Picture work (decoding, scaling, encoding) running at once: at most one per core,
    /// so uploads and first requests of art never starve the readers' requests.
    pub image_work: Arc<tokio::sync::Semaphore>,
    /// Hot API answers kept encoded (see [`crate::api::response_cache`]).
    pub response_cache: Arc<ResponseCache>,
}

impl AppState {
    /// Reads the site settings, opens the database (migrating it, and loading demo content
    /// into an empty one) and reads the built front end.
    pub async fn new(config: Config) -> Result<AppState, StartError> {
        // Settings and the front end first: a wrong settings file or a missing build stops
        // the server before it touches the database.
        let site = SiteSettings::load(&config.site_settings)?;
        let shell = if config.api_only {
            None
        } else {
            let shell = Shell::load(&config.dist).ok_or_else(|| {
                format!(
                    "no built front end: {} is missing. Build it with `make run`, point \
                     --dist at the folder that has it, or pass --api-only to serve the API alone",
                    config.dist.join("index.html").display()
                )
            })?;
            Some(Arc::new(shell))
        };
        let location = config.location()?;
        let store = Store::open(&location, &config.pool_settings())
            .await
            .map_err(|error| format!("cannot open database {}: {error}", location.describe()))?;
        if !config.no_demo {
            // Replicas started together on an empty database: one loads, the others wait
            // and then find it full.
            let setup = store.lock_setup().await?;
            if store.is_empty().await? {
                let loaded = demo::load(&store).await?;
                tracing::info!(
                    articles = loaded,
                    "loaded demo content into the empty database"
                );
            }
            setup.release().await?;
        }
        let media_location =
            MediaLocation::parse(config.media_store_url.as_deref(), config.media_root())?;
        let media = MediaStore::open(&media_location)?;
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let response_cache = Arc::new(ResponseCache::new(
            config.response_cache_mb.saturating_mul(1024 * 1024),
            std::time::Duration::from_secs(config.response_cache_secs),
            // One SQLite file has one server; PostgreSQL replicas must hear each other first.
            matches!(location, Location::Sqlite(_)),
        ));
        if let Location::Postgres(url) = &location {
            ResponseCache::listen_for_changes(&response_cache, url.clone(), store.replica_name())
                .await;
        }
        Ok(AppState {
            store,
            config: Arc::new(config),
            site: Arc::new(site),
            shell,
            media,
            image_work: Arc::new(tokio::sync::Semaphore::new(cores.max(1))),
            response_cache,
        })
    }
}
