//! View counting: a reader counts once per article per day, whichever replica they reach.
//! Each view is recorded in the database as it arrives (so an answered view survives a
//! crash), under a hash of who the reader is; a periodic fold (every few seconds, and on
//! graceful shutdown) adds the new views to the articles' counters in one batch, so a
//! popular article costs one counter update per fold, not one per reader. One client address
//! adds at most a configured number of views to an article a day, whatever reader ids it
//! sends (a flood from one machine inflates nothing past that).

use std::net::IpAddr;

use sha2::{Digest, Sha256};

use super::time_format;
use crate::db::{self, Store, StoreResult};

/// The day a view counts for: days since the epoch, in UTC.
pub fn today() -> i64 {
    time_format::now().div_euclid(86_400)
}

/// Who a reader is, as stored: a hash of their anonymous id (or address and browser), the
/// same on every replica, from which the id cannot be read back.
pub fn visitor_hash(visitor: &str) -> String {
    let digest = Sha256::digest(visitor.as_bytes());
    digest[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Who a view comes from: the reader (their anonymous id, or address and browser) and the
/// client address, when known.
pub struct Viewer<'a> {
    /// The reader's key, hashed before it is stored.
    pub visitor: &'a str,
    /// The client address, hashed before it is stored.
    pub address: Option<IpAddr>,
}

/// Counts a visit by `viewer` to `article_id` (once a day per reader, and at most
/// `max_per_address` a day from one client address; 0 means no cap) and returns the
/// article's count.
pub async fn count(
    store: &Store,
    article_id: i64,
    viewer: &Viewer<'_>,
    max_per_address: u32,
) -> StoreResult<u64> {
    let day = today();
    let address = viewer
        .address
        .filter(|_| max_per_address > 0)
        .map(|address| visitor_hash(&format!("address:{address}")));
    let over_cap = match &address {
        Some(address) => {
            db::views::address_views(store, article_id, day, address).await?
                >= i64::from(max_per_address)
        }
        None => false,
    };
    if !over_cap {
        let first =
            db::views::record(store, article_id, day, &visitor_hash(viewer.visitor)).await?;
        if let (true, Some(address)) = (first, &address) {
            db::views::add_address_view(store, article_id, day, address).await?;
        }
    }
    let views = db::views::current(store, article_id).await?;
    Ok(u64::try_from(views).unwrap_or(0))
}

/// Adds the views recorded since the last fold to the counters; returns how many articles
/// changed.
pub async fn flush(store: &Store) -> StoreResult<u64> {
    db::views::fold(store, today()).await
}

#[cfg(test)]
mod tests {
    use super::visitor_hash;

    #[test]
    fn visitors_are_stored_as_stable_hashes() {
        let hash = visitor_hash("id:reader-a");
        assert_eq!(hash.len(), 32);
        assert_eq!(hash, visitor_hash("id:reader-a"));
        assert_ne!(hash, visitor_hash("id:reader-b"));
        assert!(!hash.contains("reader"));
    }
}
