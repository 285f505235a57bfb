//! View counts kept in the database, so every replica counts the same way: a view is a row
//! per reader, article and day (recorded when the reader arrives, durable once answered),
//! and a periodic fold adds the new rows to the article's counter in one batch.

use super::{postgres, sqlite, Backend, Store, StoreResult};

/// Records a view of `article_id` by `visitor` (already hashed) on `day` (days since the
/// epoch); returns whether it was the visitor's first view of the article that day.
pub async fn record(store: &Store, article_id: i64, day: i64, visitor: &str) -> StoreResult<bool> {
    let done = sqlx::query(
        "INSERT INTO view_marks (article_id, day, visitor) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
    )
    .bind(article_id)
    .bind(day)
    .bind(visitor)
    .execute(store.pool())
    .await?;
    Ok(done.rows_affected() > 0)
}

/// How many views the client address `address` (already hashed) added to `article_id` on
/// `day`.
pub async fn address_views(
    store: &Store,
    article_id: i64,
    day: i64,
    address: &str,
) -> StoreResult<i64> {
    let views: Option<i64> = sqlx::query_scalar(
        "SELECT views FROM view_addresses WHERE article_id = $1 AND day = $2 AND address = $3",
    )
    .bind(article_id)
    .bind(day)
    .bind(address)
    .fetch_optional(store.pool())
    .await?;
    Ok(views.unwrap_or(0))
}

/// Adds one to the views the client address `address` (already hashed) added to
/// `article_id` on `day`.
pub async fn add_address_view(
    store: &Store,
    article_id: i64,
    day: i64,
    address: &str,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO view_addresses (article_id, day, address, views) VALUES ($1, $2, $3, 1)
         ON CONFLICT (article_id, day, address) DO UPDATE SET views = view_addresses.views + 1",
    )
    .bind(article_id)
    .bind(day)
    .bind(address)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The longest window of a "most read" list, in days.
pub const MAX_WINDOW_DAYS: i64 = 30;

/// The SQL of (article_id, views) over the days from `$2` on: the folded day counts plus
/// the views not folded yet.
pub(crate) const VIEWS_SINCE: &str = "SELECT article_id, SUM(n) AS views FROM (
        SELECT article_id, views AS n FROM article_daily_views WHERE day >= $2
        UNION ALL
        SELECT article_id, 1 AS n FROM view_marks WHERE day >= $2 AND NOT counted
    ) v GROUP BY article_id";

/// The SQL expression of an article's whole count (folded plus not yet folded), with the
/// articles table aliased `a`.
pub(crate) const CURRENT_VIEWS: &str = "a.views + (SELECT COUNT(*) FROM view_marks m
    WHERE m.article_id = a.id AND NOT m.counted)";

/// Adds every view not yet folded to its article's counter and to its day's count; returns
/// how many articles changed. Also forgets the readers of days before yesterday (their views
/// are folded and no reader can be counted for those days again), the per-address counts of
/// those days, and day counts older than
/// any "most read" window ([`MAX_WINDOW_DAYS`]).
pub async fn fold(store: &Store, today: i64) -> StoreResult<u64> {
    let changed = match store.backend() {
        Backend::Sqlite => {
            let mut tx = store.begin_write().await?;
            let [per_day, add, flag] = sqlite::FOLD_VIEWS;
            sqlx::query(per_day).execute(&mut *tx).await?;
            let changed = sqlx::query(add).execute(&mut *tx).await?.rows_affected();
            sqlx::query(flag).execute(&mut *tx).await?;
            tx.commit().await?;
            changed
        }
        Backend::Postgres => sqlx::query(postgres::FOLD_VIEWS)
            .execute(store.pool())
            .await?
            .rows_affected(),
    };
    sqlx::query("DELETE FROM view_marks WHERE counted AND day < $1")
        .bind(today - 1)
        .execute(store.pool())
        .await?;
    sqlx::query("DELETE FROM view_addresses WHERE day < $1")
        .bind(today - 1)
        .execute(store.pool())
        .await?;
    sqlx::query("DELETE FROM article_daily_views WHERE day < $1")
        .bind(today - MAX_WINDOW_DAYS)
        .execute(store.pool())
        .await?;
    Ok(changed)
}

/// An article's whole view count: folded plus recorded since the last fold.
pub async fn current(store: &Store, article_id: i64) -> StoreResult<i64> {
    sqlx::query_scalar(&format!(
        "SELECT {CURRENT_VIEWS} FROM articles a WHERE a.id = $1"
    ))
    .bind(article_id)
    .fetch_one(store.pool())
    .await
    .map_err(Into::into)
}
