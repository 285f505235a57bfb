//! Where image files live: a local folder by default (one machine, or replicas sharing a
//! mounted volume). Every file is written under a temporary name and renamed into place, so
//! a reader never gets half a file, and a crash leaves no truncated variant behind.

use std::io;
use std::path::PathBuf;

/// The image files' storage.
#[derive(Clone, Debug)]
pub enum MediaStore {
    /// Files in a folder: `{root}/{image id}/{variant file}`.
    Local { root: PathBuf },
}

impl MediaStore {
    /// A store in the folder `root` (created on the first write).
    pub fn local(root: impl Into<PathBuf>) -> MediaStore {
        MediaStore::Local { root: root.into() }
    }

    /// Stores `bytes` as `file` of image `id`.
    pub async fn put(&self, id: &str, file: &str, bytes: &[u8]) -> io::Result<()> {
        match self {
            MediaStore::Local { root } => {
                let folder = root.join(checked(id)?);
                tokio::fs::create_dir_all(&folder).await?;
                let target = folder.join(checked(file)?);
                let partial = folder.join(format!(".{file}.{}.partial", std::process::id()));
                tokio::fs::write(&partial, bytes).await?;
                let written = tokio::fs::File::open(&partial).await?;
                written.sync_all().await?;
                tokio::fs::rename(&partial, &target).await
            }
        }
    }

    /// File `file` of image `id`, or `None` when it was never stored.
    pub async fn get(&self, id: &str, file: &str) -> io::Result<Option<Vec<u8>>> {
        match self {
            MediaStore::Local { root } => {
                match tokio::fs::read(root.join(checked(id)?).join(checked(file)?)).await {
                    Ok(bytes) => Ok(Some(bytes)),
                    Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
                    Err(error) => Err(error),
                }
            }
        }
    }
}

/// A path segment that stays inside its folder: letters, digits, `-` and one inner dot.
fn checked(segment: &str) -> io::Result<&str> {
    let safe = !segment.is_empty()
        && !segment.starts_with('.')
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !segment.contains("..");
    if safe {
        Ok(segment)
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a media file name",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn files_round_trip_and_names_stay_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let store = MediaStore::local(dir.path().join("media"));
        assert_eq!(store.get("abc", "960.jpg").await.unwrap(), None);
        store.put("abc", "960.jpg", b"jpeg").await.unwrap();
        assert_eq!(
            store.get("abc", "960.jpg").await.unwrap().as_deref(),
            Some(&b"jpeg"[..])
        );
        for (id, file) in [
            ("..", "x"),
            ("abc", "../x"),
            ("a/b", "x"),
            ("abc", ".hidden"),
        ] {
            assert!(store.put(id, file, b"x").await.is_err(), "{id}/{file}");
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("media/abc"))
            .unwrap()
            .collect();
        assert_eq!(leftovers.len(), 1, "no partial file left");
    }
}
