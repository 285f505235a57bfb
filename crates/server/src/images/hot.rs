//! The picture files readers ask for most, kept in memory: a file read from the media store
//! (a disk or a bucket) once is then served from here, so a popular picture costs no disk
//! read or bucket request per reader. Bounded by bytes; the least recently served file goes
//! first. Files never change (a new picture has a new id), so nothing here is ever stale.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;

/// Files over this size are not kept (a 1440 px JPEG of a photo is ~200–400 KB).
const LARGEST_FILE: usize = 1024 * 1024;

/// A bounded in-memory copy of recently served files, by store key.
#[derive(Debug)]
pub struct HotFiles {
    budget: usize,
    files: Mutex<Files>,
}

#[derive(Debug, Default)]
struct Files {
    by_key: HashMap<String, (Bytes, u64)>,
    bytes: usize,
    clock: u64,
}

impl HotFiles {
    /// Keeps at most `budget` bytes of files.
    pub fn new(budget: usize) -> HotFiles {
        HotFiles {
            budget,
            files: Mutex::new(Files::default()),
        }
    }

    /// The kept file under `key`, if any; marks it as just served.
    pub fn get(&self, key: &str) -> Option<Bytes> {
        let mut files = self.lock();
        let now = files.tick();
        let (bytes, last_served) = files.by_key.get_mut(key)?;
        *last_served = now;
        Some(bytes.clone())
    }

    /// Keeps `bytes` under `key`, making room by dropping the least recently served files.
    pub fn put(&self, key: &str, bytes: Bytes) {
        if bytes.len() > LARGEST_FILE || bytes.len() > self.budget {
            return;
        }
        let mut files = self.lock();
        let now = files.tick();
        if let Some((old, _)) = files.by_key.insert(key.to_owned(), (bytes.clone(), now)) {
            files.bytes -= old.len();
        }
        files.bytes += bytes.len();
        while files.bytes > self.budget {
            let Some(oldest) = files
                .by_key
                .iter()
                .min_by_key(|(_, (_, last_served))| *last_served)
                .map(|(key, _)| key.clone())
            else {
                break;
            };
            if let Some((dropped, _)) = files.by_key.remove(&oldest) {
                files.bytes -= dropped.len();
            }
        }
    }

    /// How many bytes are kept now.
    pub fn kept_bytes(&self) -> usize {
        self.lock().bytes
    }

    /// The files (a panic elsewhere while holding them leaves them usable: they are only bytes).
    fn lock(&self) -> std::sync::MutexGuard<'_, Files> {
        self.files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Files {
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
    fn keeps_the_recently_served_files_within_its_budget() {
        let hot = HotFiles::new(10);
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
        // A file larger than the whole budget is not kept and drops nothing.
        hot.put("huge", Bytes::from(vec![0; 11]));
        assert_eq!(hot.get("huge"), None);
        assert_eq!(hot.kept_bytes(), 6);
    }
}
