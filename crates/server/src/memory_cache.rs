//! Bounded in-memory copies of what the server serves most: picture files read from the
//! media store, and encoded API answers (`api::response_cache`). Bounded by bytes; the least
//! recently served entry goes first. What an entry means, and when it is stale, is the
//! caller's business: this only keeps and forgets.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;

/// What an entry costs in memory, in bytes.
pub trait Weigh {
    /// The bytes this value holds.
    fn weight(&self) -> usize;
}

impl Weigh for Bytes {
    fn weight(&self) -> usize {
        self.len()
    }
}

/// A bounded in-memory map of recently served values by key.
#[derive(Debug)]
pub struct MemoryCache<V> {
    budget: usize,
    largest: usize,
    entries: Mutex<Entries<V>>,
}

#[derive(Debug)]
struct Entries<V> {
    by_key: HashMap<String, (V, u64)>,
    bytes: usize,
    clock: u64,
}

impl<V: Weigh + Clone> MemoryCache<V> {
    /// Keeps at most `budget` bytes, and no single value over `largest` bytes.
    pub fn new(budget: usize, largest: usize) -> MemoryCache<V> {
        MemoryCache {
            budget,
            largest,
            entries: Mutex::new(Entries {
                by_key: HashMap::new(),
                bytes: 0,
                clock: 0,
            }),
        }
    }

    /// The kept value under `key`, if any; marks it as just served.
    pub fn get(&self, key: &str) -> Option<V> {
        let mut entries = self.lock();
        let now = entries.tick();
        let (value, last_served) = entries.by_key.get_mut(key)?;
        *last_served = now;
        Some(value.clone())
    }

    /// Keeps `value` under `key`, making room by dropping the least recently served values.
    pub fn put(&self, key: &str, value: V) {
        let weight = value.weight();
        if weight > self.largest || weight > self.budget {
            return;
        }
        let mut entries = self.lock();
        let now = entries.tick();
        if let Some((old, _)) = entries.by_key.insert(key.to_owned(), (value, now)) {
            entries.bytes -= old.weight();
        }
        entries.bytes += weight;
        while entries.bytes > self.budget {
            let Some(oldest) = entries
                .by_key
                .iter()
                .min_by_key(|(_, (_, last_served))| *last_served)
                .map(|(key, _)| key.clone())
            else {
                break;
            };
            if let Some((dropped, _)) = entries.by_key.remove(&oldest) {
                entries.bytes -= dropped.weight();
            }
        }
    }

    /// Forgets the value under `key`.
    pub fn remove(&self, key: &str) {
        let mut entries = self.lock();
        if let Some((dropped, _)) = entries.by_key.remove(key) {
            entries.bytes -= dropped.weight();
        }
    }

    /// Keeps only the values whose key passes `keep`.
    pub fn retain(&self, keep: impl Fn(&str) -> bool) {
        let mut entries = self.lock();
        let mut dropped_bytes = 0;
        entries.by_key.retain(|key, (value, _)| {
            let kept = keep(key);
            if !kept {
                dropped_bytes += value.weight();
            }
            kept
        });
        entries.bytes -= dropped_bytes;
    }

    /// Forgets everything.
    pub fn clear(&self) {
        let mut entries = self.lock();
        entries.by_key.clear();
        entries.bytes = 0;
    }

    /// How many bytes are kept now.
    pub fn kept_bytes(&self) -> usize {
        self.lock().bytes
    }

    /// The entries (a panic elsewhere while holding them leaves them usable: they are only
    /// values and their use times).
    fn lock(&self) -> std::sync::MutexGuard<'_, Entries<V>> {
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl<V> Entries<V> {
    /// The next moment of the use clock.
    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_recently_served_values_within_its_budget() {
        let hot = MemoryCache::<Bytes>::new(10, 10);
        hot.put("a", Bytes::from_static(b"aaaa"));
        hot.put("b", Bytes::from_static(b"bbbb"));
        assert_eq!(hot.get("a").as_deref(), Some(&b"aaaa"[..]));
        // "b" was served least recently: it makes room for "c".
        hot.put("c", Bytes::from_static(b"cccc"));
        assert_eq!(hot.get("b"), None);
        assert!(hot.get("a").is_some() && hot.get("c").is_some());
        assert_eq!(hot.kept_bytes(), 8);
        // The same key again replaces, not adds.
        hot.put("c", Bytes::from_static(b"cc"));
        assert_eq!(hot.kept_bytes(), 6);
        // A value larger than the whole budget is not kept and drops nothing.
        hot.put("huge", Bytes::from(vec![0; 11]));
        assert_eq!(hot.get("huge"), None);
        assert_eq!(hot.kept_bytes(), 6);
        hot.remove("a");
        assert_eq!((hot.get("a"), hot.kept_bytes()), (None, 2));
        hot.clear();
        assert_eq!((hot.get("c"), hot.kept_bytes()), (None, 0));
    }

    #[test]
    fn a_value_over_the_largest_is_not_kept() {
        let hot = MemoryCache::<Bytes>::new(100, 4);
        hot.put("big", Bytes::from_static(b"12345"));
        assert_eq!(hot.get("big"), None);
    }
}
