//! What every request handler shares: the database, the configuration, the site settings,
//! the view counter and the built front end, opened once at start-up.
//!
//! Everything held here is defined below the HTTP modules (config, site settings, content,
//! the shell template), so handlers import the state and the state imports no handler.

use std::sync::Arc;

use sqlx::SqlitePool;

use crate::config::{Config, StartError};
use crate::content::{demo, views::ViewCounter};
use crate::db;
use crate::site_settings::SiteSettings;
use crate::web::shell::Shell;

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

impl AppState {
    /// Reads the site settings, opens the database (migrating it, and loading demo content
    /// into an empty one) and reads the built front end.
    pub async fn new(config: Config) -> Result<AppState, StartError> {
        // Settings first: a wrong settings file stops the server before it touches the database.
        let site = SiteSettings::load(&config.site_settings)?;
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
            site: Arc::new(site),
            views: Arc::new(ViewCounter::default()),
            shell,
        })
    }
}
