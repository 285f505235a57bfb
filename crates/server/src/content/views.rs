//! View counting: visits are counted in memory, once per reader per article per day, and
//! flushed to the database in batches (every few seconds and on graceful shutdown), so a
//! popular article costs one UPDATE per flush, not one per reader.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;

use sqlx::SqlitePool;

/// Visits counted since the last flush, and who has been counted today.
#[derive(Debug, Default)]
pub struct ViewCounter {
    inner: Mutex<Counts>,
    /// Readers of a counter (stored value + pending) hold it shared; a flush, which moves
    /// pending visits into the database, holds it alone, so no reader sees a visit twice or
    /// misses one in between.
    flush_gate: tokio::sync::RwLock<()>,
}

#[derive(Debug, Default)]
struct Counts {
    pending: HashMap<i64, u64>,
    day: i64,
    seen_today: HashSet<(u64, i64)>,
}

impl ViewCounter {
    /// Counts one visit by `visitor` to `article_id`; returns whether it was new today.
    pub fn count(&self, article_id: i64, visitor: &str) -> bool {
        let today = super::time_format::now().div_euclid(86_400);
        let mut hasher = DefaultHasher::new();
        visitor.hash(&mut hasher);
        let visitor = hasher.finish();
        let mut counts = self.lock();
        if counts.day != today {
            counts.day = today;
            counts.seen_today.clear();
        }
        if !counts.seen_today.insert((visitor, article_id)) {
            return false;
        }
        *counts.pending.entry(article_id).or_default() += 1;
        true
    }

    /// Hold this while reading a stored counter and adding `pending` to it.
    pub async fn read_gate(&self) -> tokio::sync::RwLockReadGuard<'_, ()> {
        self.flush_gate.read().await
    }

    /// Visits to `article_id` counted but not yet written to the database.
    pub fn pending(&self, article_id: i64) -> u64 {
        self.lock().pending.get(&article_id).copied().unwrap_or(0)
    }

    /// Writes pending counts to the database; on failure they are kept for the next flush.
    pub async fn flush(&self, pool: &SqlitePool) -> Result<usize, sqlx::Error> {
        let _alone = self.flush_gate.write().await;
        let batch: Vec<(i64, u64)> = self.lock().pending.drain().collect();
        if batch.is_empty() {
            return Ok(0);
        }
        if let Err(error) = crate::db::articles::add_views(pool, &batch).await {
            let mut counts = self.lock();
            for (id, count) in batch {
                *counts.pending.entry(id).or_default() += count;
            }
            return Err(error);
        }
        Ok(batch.len())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Counts> {
        // A panic while holding the lock cannot leave the counts inconsistent (each update is
        // a single insert), so a poisoned lock is still safe to use.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_is_counted_once_a_day() {
        let counter = ViewCounter::default();
        assert!(counter.count(7, "reader-a"));
        assert!(!counter.count(7, "reader-a"));
        assert!(counter.count(7, "reader-b"));
        assert!(counter.count(8, "reader-a"));
        assert_eq!(counter.pending(7), 2);
        assert_eq!(counter.pending(8), 1);
        assert_eq!(counter.pending(9), 0);
    }
}
