//! Where image files live, behind one interface ([`object_store`]): a local folder by
//! default (one machine, or replicas sharing a mounted volume), or an S3-compatible bucket
//! for several replicas (`--media-store-url s3://bucket/prefix`, credentials and endpoint from
//! the usual `AWS_*` variables). A local file is written under a temporary name and renamed
//! into place, so a reader never gets half a file.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::memory_cache::MemoryCache;

use axum::body::Bytes;
use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::prefix::PrefixStore;
use object_store::{ClientConfigKey, ObjectStore, PutPayload, RetryConfig};

/// Where the files are, as the configuration names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MediaLocation {
    /// A folder on this machine.
    Folder(PathBuf),
    /// An S3-compatible bucket and a key prefix (`s3://bucket/prefix`).
    Bucket {
        url: String,
        bucket: String,
        prefix: String,
    },
}

impl MediaLocation {
    /// `s3://bucket[/prefix]` (an S3-compatible store), or else the folder.
    pub fn parse(store_url: Option<&str>, folder: PathBuf) -> Result<MediaLocation, String> {
        let Some(url) = store_url.map(str::trim).filter(|url| !url.is_empty()) else {
            return Ok(MediaLocation::Folder(folder));
        };
        let rest = url.strip_prefix("s3://").ok_or_else(|| {
            format!(
                "media store URL '{url}' is not s3://bucket/prefix (leave it unset for a folder)"
            )
        })?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(format!("media store URL '{url}' names no bucket"));
        }
        Ok(MediaLocation::Bucket {
            url: url.to_owned(),
            bucket: bucket.to_owned(),
            prefix: prefix.trim_matches('/').to_owned(),
        })
    }
}

/// The image files' storage.
#[derive(Clone, Debug)]
pub struct MediaStore {
    inner: Arc<dyn ObjectStore>,
    /// The files served most recently, in memory (see [`crate::memory_cache`]).
    hot: Arc<MemoryCache<Bytes>>,
}

/// How much memory the most recently served pictures may take (a few hundred variants).
const HOT_FILES_BUDGET: usize = 48 * 1024 * 1024;
/// Files over this size are not kept in memory (a 1440 px JPEG of a photo is ~200–400 KB).
const LARGEST_HOT_FILE: usize = 1024 * 1024;

impl MediaStore {
    /// Opens the store: creates the folder, or configures the bucket's client from the
    /// `AWS_*` variables (`AWS_ENDPOINT` for a non-Amazon server, `AWS_ALLOW_HTTP=true` for
    /// plain HTTP, `AWS_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`).
    pub fn open(location: &MediaLocation) -> Result<MediaStore, String> {
        match location {
            MediaLocation::Folder(folder) => {
                std::fs::create_dir_all(folder).map_err(|error| {
                    format!(
                        "cannot create the media folder {}: {error}",
                        folder.display()
                    )
                })?;
                let local = LocalFileSystem::new_with_prefix(folder).map_err(|error| {
                    format!("cannot use the media folder {}: {error}", folder.display())
                })?;
                Ok(MediaStore::over(Arc::new(local)))
            }
            MediaLocation::Bucket { url, prefix, .. } => {
                Self::bucket(AmazonS3Builder::from_env().with_url(url), prefix)
            }
        }
    }

    /// A bucket store from a configured builder, with bounded retries so a failing store
    /// answers the editor within seconds rather than minutes.
    pub fn bucket(builder: AmazonS3Builder, prefix: &str) -> Result<MediaStore, String> {
        let s3 = builder
            .with_retry(RetryConfig {
                max_retries: 2,
                retry_timeout: Duration::from_secs(10),
                ..RetryConfig::default()
            })
            // Added to the builder's client options (which carry `AWS_ALLOW_HTTP` and the like).
            .with_config(AmazonS3ConfigKey::Client(ClientConfigKey::Timeout), "20s")
            .build()
            .map_err(|error| format!("cannot configure the media bucket: {error}"))?;
        let inner: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(s3)
        } else {
            Arc::new(PrefixStore::new(s3, prefix))
        };
        Ok(MediaStore::over(inner))
    }

    fn over(inner: Arc<dyn ObjectStore>) -> MediaStore {
        MediaStore {
            inner,
            hot: Arc::new(MemoryCache::new(HOT_FILES_BUDGET, LARGEST_HOT_FILE)),
        }
    }

    /// Stores `bytes` as `file` of image `id`.
    pub async fn put(&self, id: &str, file: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = key(id, file)?;
        self.inner
            .put(&path, PutPayload::from(bytes.to_vec()))
            .await
            .map(|_| ())
            .map_err(std::io::Error::other)
    }

    /// File `file` of image `id`, or `None` when it was never stored.
    pub async fn get(&self, id: &str, file: &str) -> std::io::Result<Option<Bytes>> {
        let path = key(id, file)?;
        if let Some(bytes) = self.hot.get(path.as_ref()) {
            return Ok(Some(bytes));
        }
        match self.inner.get(&path).await {
            Ok(found) => {
                let bytes = found.bytes().await.map_err(std::io::Error::other)?;
                self.hot.put(path.as_ref(), bytes.clone());
                Ok(Some(bytes))
            }
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(std::io::Error::other(error)),
        }
    }
}

/// The key of a file: `{id}/{file}`, each part a safe name (letters, digits, `-`, one inner
/// dot), so nothing can name a place outside the store.
fn key(id: &str, file: &str) -> std::io::Result<Path> {
    let safe = |segment: &str| {
        !segment.is_empty()
            && !segment.starts_with('.')
            && !segment.contains("..")
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
    };
    if safe(id) && safe(file) {
        Ok(Path::from(format!("{id}/{file}")))
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a media file name",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn files_round_trip_in_a_folder_and_names_stay_inside_it() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("media");
        let store = MediaStore::open(&MediaLocation::Folder(folder.clone())).unwrap();
        assert_eq!(store.get("abc", "960.jpg").await.unwrap(), None);
        store.put("abc", "960.jpg", b"jpeg").await.unwrap();
        assert_eq!(
            store.get("abc", "960.jpg").await.unwrap().as_deref(),
            Some(&b"jpeg"[..])
        );
        assert_eq!(std::fs::read(folder.join("abc/960.jpg")).unwrap(), b"jpeg");
        for (id, file) in [
            ("..", "x"),
            ("abc", "../x"),
            ("a/b", "x"),
            ("abc", ".hidden"),
        ] {
            assert!(store.put(id, file, b"x").await.is_err(), "{id}/{file}");
        }
        let files: Vec<_> = std::fs::read_dir(folder.join("abc")).unwrap().collect();
        assert_eq!(files.len(), 1, "no temporary file left");
    }

    #[test]
    fn the_configuration_names_a_folder_or_a_bucket() {
        let folder = PathBuf::from("/srv/media");
        assert_eq!(
            MediaLocation::parse(None, folder.clone()),
            Ok(MediaLocation::Folder(folder.clone()))
        );
        assert_eq!(
            MediaLocation::parse(Some(" "), folder.clone()),
            Ok(MediaLocation::Folder(folder.clone()))
        );
        assert_eq!(
            MediaLocation::parse(Some("s3://news-media/site/images/"), folder.clone()),
            Ok(MediaLocation::Bucket {
                url: "s3://news-media/site/images/".into(),
                bucket: "news-media".into(),
                prefix: "site/images".into(),
            })
        );
        assert!(matches!(
            MediaLocation::parse(Some("s3://news-media"), folder.clone()),
            Ok(MediaLocation::Bucket { prefix, .. }) if prefix.is_empty()
        ));
        for wrong in ["s3://", "s3:///x", "gs://bucket", "/srv/media"] {
            let message = MediaLocation::parse(Some(wrong), folder.clone()).unwrap_err();
            assert!(message.contains(wrong), "{message}");
        }
    }
}

/// The bucket store's requests, checked against a local HTTP server that answers as S3 does
/// and records what it was sent (no S3 server is needed for this).
#[cfg(test)]
mod bucket_tests {
    use std::collections::HashMap;
    use std::sync::Mutex;

    use axum::body::Bytes;
    use axum::extract::{Request, State};
    use axum::http::{header, StatusCode};
    use axum::response::{IntoResponse, Response};

    use super::*;

    #[derive(Clone, Default)]
    struct Recorded {
        objects: Arc<Mutex<HashMap<String, Vec<u8>>>>,
        requests: Arc<Mutex<Vec<(String, String, String)>>>,
    }

    async fn answer(State(recorded): State<Recorded>, request: Request) -> Response {
        let (parts, body) = request.into_parts();
        let path = parts.uri.path().to_owned();
        let authorization = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        recorded.requests.lock().unwrap().push((
            parts.method.to_string(),
            path.clone(),
            authorization,
        ));
        let bytes: Bytes = axum::body::to_bytes(body, 1 << 20)
            .await
            .unwrap_or_default();
        let headers = [
            (header::ETAG, "\"e\"".to_owned()),
            (
                header::LAST_MODIFIED,
                "Thu, 03 Dec 2026 10:00:00 GMT".to_owned(),
            ),
        ];
        match parts.method.as_str() {
            "PUT" => {
                recorded
                    .objects
                    .lock()
                    .unwrap()
                    .insert(path, bytes.to_vec());
                (headers, "").into_response()
            }
            "GET" => match recorded.objects.lock().unwrap().get(&path).cloned() {
                Some(object) => (headers, object).into_response(),
                None => (
                    StatusCode::NOT_FOUND,
                    "<Error><Code>NoSuchKey</Code></Error>",
                )
                    .into_response(),
            },
            _ => StatusCode::METHOD_NOT_ALLOWED.into_response(),
        }
    }

    #[tokio::test]
    async fn a_bucket_store_sends_signed_requests_to_the_configured_endpoint_under_the_prefix() {
        let recorded = Recorded::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let app = axum::Router::new()
            .fallback(answer)
            .with_state(recorded.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });

        let builder = AmazonS3Builder::new()
            .with_url("s3://news-media")
            .with_endpoint(format!("http://{address}"))
            .with_allow_http(true)
            .with_region("eu-central-1")
            .with_access_key_id("AKIDEXAMPLE")
            .with_secret_access_key("secret");
        let store = MediaStore::bucket(builder, "site/images").unwrap();
        store.put("abc", "960.webp", b"webp bytes").await.unwrap();
        assert_eq!(
            store.get("abc", "960.webp").await.unwrap().as_deref(),
            Some(&b"webp bytes"[..])
        );
        assert_eq!(store.get("abc", "480.webp").await.unwrap(), None);
        // Served again from memory: no second request to the bucket.
        assert_eq!(
            store.get("abc", "960.webp").await.unwrap().as_deref(),
            Some(&b"webp bytes"[..])
        );

        let requests = recorded.requests.lock().unwrap().clone();
        let paths: Vec<(&str, &str)> = requests
            .iter()
            .map(|(method, path, _)| (method.as_str(), path.as_str()))
            .collect();
        assert_eq!(
            paths,
            [
                ("PUT", "/news-media/site/images/abc/960.webp"),
                ("GET", "/news-media/site/images/abc/960.webp"),
                ("GET", "/news-media/site/images/abc/480.webp"),
            ]
        );
        for (_, _, authorization) in &requests {
            assert!(
                authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    && authorization.contains("/eu-central-1/s3/aws4_request"),
                "{authorization}"
            );
        }
    }
}
