//! Landing bundles: for each split point a page can land on
//! ([`gazette_api_types::routes::LANDING_SPLITS`]), one file holding all the chunk files it
//! loads, back to back, so a first visit fetches the chunks of its page in one response (see
//! `landing_bundle.js`, which this puts into the chunk loader). The chunk files stay as they
//! are: every later load, and every repeat visit, fetches them one by one.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use gazette_api_types::routes::LANDING_SPLITS;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::{hex, Failure};

/// The loader's runtime for landing bundles (`fetchChunk`), placed before the loader's code.
const RUNTIME: &str = include_str!("landing_bundle.js");
/// How the loader wasm_split_cli_support writes fetches a chunk (`new URL("./x.wasm", …)`).
const CHUNK_FETCH: &str = "fetch(new URL(";
/// How that loader instantiates a fetched chunk.
const CHUNK_INSTANTIATE: &str = "WebAssembly.instantiateStreaming(src, imports)";

/// Writes `bundle_SPLIT-HASH.bin` into `dist` for every landing split point of `splits` (split
/// point → the chunk files it loads, as URL paths of files already in `dist`), and returns
/// what `split-manifest.json` says of each: `{"href": "/bundle_….bin", "lengths": [...]}`,
/// the length of each of the split point's files in order (the server gives them to the page).
pub fn write_bundles(
    dist: &Path,
    splits: &BTreeMap<String, Vec<String>>,
) -> Result<serde_json::Map<String, serde_json::Value>, Failure> {
    let mut bundles = serde_json::Map::new();
    for split in LANDING_SPLITS {
        let files = splits
            .get(split)
            .ok_or_else(|| format!("the build has no split point {split} (src/lazy_pages.rs)"))?;
        let mut bytes = Vec::new();
        let mut lengths = Vec::new();
        for file in files {
            let path = dist.join(file.trim_start_matches('/'));
            let chunk = fs::read(&path)
                .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
            lengths.push(chunk.len());
            bytes.extend_from_slice(&chunk);
        }
        let name = format!("bundle_{split}-{}.bin", &hex(&Sha256::digest(&bytes))[..16]);
        fs::write(dist.join(&name), &bytes)
            .map_err(|error| format!("cannot write {name}: {error}"))?;
        bundles.insert(
            split.to_owned(),
            json!({ "href": format!("/{name}"), "lengths": lengths }),
        );
    }
    Ok(bundles)
}

/// The loader with every chunk fetch going through `fetchChunk`, which takes a chunk from the
/// page's landing bundle when it holds it, and every instantiation through `instantiateChunk`,
/// which compiles such a chunk from its bytes (off the main thread). `chunk_count` is how many
/// chunk fetches and instantiations the loader must have: a loader written differently is an
/// error, not a build that silently never uses its bundles.
pub fn route_fetches(loader: &str, chunk_count: usize) -> Result<String, Failure> {
    for (what, pattern) in [
        ("fetches", CHUNK_FETCH),
        ("instantiations", CHUNK_INSTANTIATE),
    ] {
        let found = loader.matches(pattern).count();
        if found != chunk_count {
            return Err(format!(
                "the chunk loader has {found} chunk {what} for {chunk_count} chunks; \
                 wasm_split_cli_support's loader changed, update crates/splitter/src/bundle.rs"
            ));
        }
    }
    Ok(format!(
        "{RUNTIME}\n{}",
        loader
            .replace(CHUNK_FETCH, "fetchChunk(new URL(")
            .replace(CHUNK_INSTANTIATE, "instantiateChunk(src, imports)")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_is_its_chunks_back_to_back_with_their_lengths() {
        let dist = std::env::temp_dir().join(format!("gazette-bundle-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        let mut splits = BTreeMap::new();
        for (index, split) in LANDING_SPLITS.iter().enumerate() {
            let own = format!("split_{split}-{index:016}.wasm");
            fs::write(dist.join(&own), format!("\0asm {split}")).unwrap();
            splits.insert(
                split.to_string(),
                vec!["/chunk_1-a.wasm".to_owned(), format!("/{own}")],
            );
        }
        fs::write(dist.join("chunk_1-a.wasm"), b"\0asm one").unwrap();
        splits.insert(
            "reader_tools".to_owned(),
            vec!["/chunk_1-a.wasm".to_owned()],
        );

        let bundles = write_bundles(&dist, &splits).unwrap();
        assert_eq!(
            bundles.len(),
            LANDING_SPLITS.len(),
            "no bundle for reader_tools"
        );
        let home = &bundles["home_page"];
        assert_eq!(home["lengths"], json!([8, 14]));
        let href = home["href"].as_str().unwrap();
        assert!(href.starts_with("/bundle_home_page-") && href.ends_with(".bin"));
        let bytes = fs::read(dist.join(href.trim_start_matches('/'))).unwrap();
        assert_eq!(bytes, b"\0asm one\0asm home_page");

        splits.remove("saved_page");
        assert!(
            write_bundles(&dist, &splits).is_err(),
            "a landing split point is missing"
        );
        fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn every_chunk_fetch_of_the_loader_goes_through_the_bundle() {
        let chunk = |file: &str| {
            format!(
                "() => {{ const src = fetch(new URL(\"./{file}\", import.meta.url)); \
                 return async (imports) => (WebAssembly.instantiateStreaming(src, imports)); }}\n"
            )
        };
        let loader = chunk("chunk_1-a.wasm") + &chunk("split_home_page-b.wasm");
        let routed = route_fetches(&loader, 2).unwrap();
        assert_eq!(routed.matches("fetchChunk(new URL(").count(), 2);
        assert_eq!(routed.matches("instantiateChunk(src, imports)").count(), 2);
        assert_eq!(
            routed.matches(CHUNK_FETCH).count(),
            RUNTIME.matches(CHUNK_FETCH).count(),
            "no chunk fetch left as it was"
        );
        assert!(!routed.contains(CHUNK_INSTANTIATE));
        assert!(route_fetches(&loader, 3).is_err());
        let unfetched = loader.replacen(CHUNK_INSTANTIATE, "WebAssembly.instantiate(src)", 1);
        assert!(route_fetches(&unfetched, 2).is_err());
    }
}
