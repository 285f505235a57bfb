//! The SQLite backend: one database file in WAL mode, its migrations, FTS5 search and the
//! view-count fold. SQLite has one writer at a time, so one replica owns the file.

use std::path::Path;
use std::time::Duration;

use gazette_api_types::Lang;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};

use super::PoolSettings;

/// The SQLite migrations in `migrations/sqlite/`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// Opens (creating when missing) the database file: WAL, normal sync (durable at each
/// checkpoint, safe against a crashed process), a busy timeout, foreign keys.
pub async fn connect(
    options: AnyPoolOptions,
    path: &Path,
    settings: &PoolSettings,
) -> Result<AnyPool, sqlx::Error> {
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)?;
        }
    }
    let busy_ms = settings
        .statement_timeout
        .max(Duration::from_millis(1))
        .as_millis();
    // A file (or folder) that cannot be written is reported as what it is; SQLite would
    // only say "unable to open database file".
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    let url = format!("sqlite://{}?mode=rwc", path.display());
    // One plain connection first, reading the file: the pool would retry a file that is not
    // a database (or cannot be written) until its acquire timeout and report only "pool
    // timed out", hiding the reason.
    {
        use sqlx::Connection;
        let mut connection = sqlx::AnyConnection::connect(&url).await?;
        connection.execute("PRAGMA journal_mode = WAL").await?;
        connection
            .execute("SELECT COUNT(*) FROM sqlite_master")
            .await?;
        connection.close().await?;
    }
    options
        // SQLite rolls a transaction back by itself on some errors (a full disk), and then
        // sqlx's own rollback fails and it keeps counting the transaction as open: the next
        // `BEGIN IMMEDIATE` on that connection would fail. Such a connection is closed
        // instead of going back to the pool.
        .after_release(|connection, _| {
            Box::pin(async move {
                use sqlx::Connection;
                Ok(!connection.is_in_transaction())
            })
        })
        .after_connect(move |connection, _| {
            Box::pin(async move {
                for pragma in [
                    "PRAGMA journal_mode = WAL".to_owned(),
                    "PRAGMA synchronous = NORMAL".to_owned(),
                    format!("PRAGMA busy_timeout = {busy_ms}"),
                    "PRAGMA foreign_keys = ON".to_owned(),
                    "PRAGMA cache_size = -16000".to_owned(),
                    "PRAGMA temp_store = MEMORY".to_owned(),
                ] {
                    connection.execute(pragma.as_str()).await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await
}

/// Builds a safe FTS5 query from a reader's words: every word quoted, prefix-matched, all
/// required. The words hold only letters and digits, so nothing in them is FTS5 syntax.
pub fn fts_query(words: &[String]) -> String {
    words
        .iter()
        .map(|word| format!("\"{word}\"*"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The search query: FTS5 match in one language, bm25 ranking (title above lead above body),
/// the title highlighted and a snippet of the best passage. Parameters: `$1` the FTS5 query,
/// `$2` the language, `$3` limit, `$4` offset.
pub fn search_sql(_lang: Lang, columns: &str, joins: &str) -> String {
    format!(
        "SELECT {columns},
                highlight(articles_fts, 0, char(1), char(2)) AS title_marked,
                snippet(articles_fts, -1, char(1), char(2), '…', 24) AS snippet_marked
         FROM articles_fts
         JOIN articles a ON a.id = articles_fts.rowid
         {joins}
         WHERE articles_fts MATCH $1 AND a.lang = $2 AND a.status = 'published'
         ORDER BY bm25(articles_fts, 5.0, 2.0, 1.0), a.published_at DESC
         LIMIT $3 OFFSET $4"
    )
}

/// Folds every uncounted view into the articles' counters and marks it counted, in one
/// transaction. SQLite's single writer means no view is recorded between the two updates.
pub const FOLD_VIEWS: [&str; 3] = [
    "INSERT INTO article_daily_views (article_id, day, views)
     SELECT article_id, day, COUNT(*) FROM view_marks WHERE NOT counted GROUP BY article_id, day
     ON CONFLICT (day, article_id) DO UPDATE
     SET views = article_daily_views.views + excluded.views",
    "UPDATE articles SET views = views + (
         SELECT COUNT(*) FROM view_marks m WHERE m.article_id = articles.id AND NOT m.counted)
     WHERE id IN (SELECT article_id FROM view_marks WHERE NOT counted)",
    "UPDATE view_marks SET counted = TRUE WHERE NOT counted",
];

#[cfg(test)]
mod tests {
    #[test]
    fn words_become_quoted_prefixes() {
        let words = ["Mexico".to_owned(), "trade".to_owned()];
        assert_eq!(super::fts_query(&words), "\"Mexico\"* \"trade\"*");
    }
}
