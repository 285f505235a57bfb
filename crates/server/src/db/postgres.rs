//! The PostgreSQL backend: a pool shared by several replicas, its migrations, full-text
//! search with per-language configurations, the view-count fold and the start-up lock.

use gazette_api_types::Lang;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyConnection, AnyPool, Executor};

use super::PoolSettings;

/// The PostgreSQL migrations in `migrations/postgres/`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// The advisory lock key replicas take while setting up the database ("GAZETTE1").
const SETUP_LOCK_KEY: i64 = 0x4741_5A45_5454_4531;

/// Connects with the replica's pool size; every connection gets the statement timeout, so
/// one slow query cannot hold a connection for long.
pub async fn connect(
    options: AnyPoolOptions,
    url: &str,
    settings: &PoolSettings,
) -> Result<AnyPool, sqlx::Error> {
    // One plain connection first: the pool would retry a refused connection until its
    // acquire timeout and report only "pool timed out", hiding the reason.
    use sqlx::Connection;
    sqlx::AnyConnection::connect(url).await?.close().await?;
    let timeout_ms = settings.statement_timeout.as_millis().max(1);
    options
        .after_connect(move |connection, _| {
            Box::pin(async move {
                connection
                    .execute(format!("SET statement_timeout = {timeout_ms}").as_str())
                    .await?;
                Ok(())
            })
        })
        .connect(url)
        .await
}

/// Waits for, then holds, the setup lock on this connection.
pub async fn lock_setup(connection: &mut AnyConnection) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(SETUP_LOCK_KEY)
        .execute(&mut *connection)
        .await?;
    Ok(())
}

/// Releases the setup lock held on this connection.
pub async fn unlock_setup(connection: &mut AnyConnection) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(SETUP_LOCK_KEY)
        .execute(&mut *connection)
        .await?;
    Ok(())
}

/// The text-search configuration of a language (the same as `articles.search_vector` uses).
fn config(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "english",
        Lang::Ru => "russian",
        Lang::Hy => "simple",
    }
}

/// Builds a safe `to_tsquery` text from a reader's words: each word a prefix, all required.
/// The words hold only letters and digits, so nothing in them is tsquery syntax.
pub fn ts_query(words: &[String]) -> String {
    words
        .iter()
        .map(|word| format!("{word}:*"))
        .collect::<Vec<_>>()
        .join(" & ")
}

/// The search query: the article's search vector against the words in the language's
/// configuration, ranked by `ts_rank` (title weight A, lead B, body D); the title and a
/// passage of the body highlighted by `ts_headline`, for the page's rows only. Parameters:
/// `$1` the tsquery text, `$2` the language, `$3` limit, `$4` offset.
pub fn search_sql(lang: Lang, columns: &str, joins: &str) -> String {
    let config = config(lang);
    format!(
        "WITH q AS (SELECT to_tsquery('{config}', $1) AS query),
         page AS (
             SELECT a.id, ts_rank(a.search_vector, q.query) AS rank, a.published_at
             FROM articles a, q
             WHERE a.search_vector @@ q.query AND a.lang = $2 AND a.status = 'published'
             ORDER BY rank DESC, a.published_at DESC, a.id DESC
             LIMIT $3 OFFSET $4
         )
         SELECT {columns},
                ts_headline('{config}', a.title, q.query,
                    'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2))
                    AS title_marked,
                ts_headline('{config}', a.body_text, q.query,
                    'MaxWords=24, MinWords=12, StartSel=' || chr(1) || ', StopSel=' || chr(2))
                    AS snippet_marked
         FROM page JOIN articles a ON a.id = page.id {joins} CROSS JOIN q
         ORDER BY page.rank DESC, page.published_at DESC, page.id DESC"
    )
}

/// Folds every uncounted view into the articles' counters in one statement: the marks are
/// flagged and counted together, so two replicas folding at once never count a view twice
/// (the second waits for the first's row locks and then skips the rows it flagged).
pub const FOLD_VIEWS: &str = "
    WITH folded AS (
        UPDATE view_marks SET counted = TRUE WHERE NOT counted RETURNING article_id, day
    ), per_day AS (
        INSERT INTO article_daily_views (article_id, day, views)
        SELECT article_id, day, COUNT(*) FROM folded GROUP BY article_id, day
        ON CONFLICT (day, article_id) DO UPDATE
        SET views = article_daily_views.views + excluded.views
    ), per_article AS (
        SELECT article_id, COUNT(*) AS views FROM folded GROUP BY article_id
    )
    UPDATE articles SET views = articles.views + per_article.views
    FROM per_article WHERE articles.id = per_article.article_id";

#[cfg(test)]
mod tests {
    #[test]
    fn words_become_required_prefixes() {
        let words = ["Mexico".to_owned(), "trade".to_owned()];
        assert_eq!(super::ts_query(&words), "Mexico:* & trade:*");
    }
}
