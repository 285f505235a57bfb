//! `gazette-split`: the step of the release build that turns the one WebAssembly module Cargo
//! linked into a main module and lazily loaded chunks, one set per `#[lazy]` split point
//! (Leptos's `#[lazy_route]` views), so a first visit loads only the framework, the layout and
//! the page it lands on.
//!
//! No packaged tool does this for a client-side-rendered app (cargo-leptos refuses CSR, Trunk
//! has no splitting), so this runs after `trunk build`, on the wasm Cargo wrote (linked with
//! `--emit-relocs`), and replaces Trunk's JavaScript and WebAssembly in `dist/`:
//!
//! 1. split with `wasm_split_cli_support`;
//! 2. `wasm-bindgen --target web --keep-lld-exports` on the main module (the chunks import
//!    the main module's functions through the exports lld would otherwise drop);
//! 3. the main module's bindings trimmed (`trim`: short import names, no wasm-streams classes),
//!    then `wasm-opt` on every module with the flags given after `--`, dropping the
//!    producers and target-features sections (~100 bytes brotli in each of ~40 files a page
//!    loads), and the main module's close data segments joined (`trim::merge_data_segments`);
//! 4. content-hashed names for every file, the loader's references rewritten to them;
//! 5. `index.html`'s references (and integrity hashes) moved to the new main files;
//! 6. `split-manifest.json`: for each split point, the files it needs, for the server to
//!    preload with a page and the service worker to precache, and its landing bundle
//!    (`bundle`: the same files in one response, for a first visit).
//!
//! Usage: `gazette-split INPUT.wasm DIST -- WASM_OPT_ARGS...`
//! (`wasm-bindgen` and `wasm-opt` are taken from `PATH`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use sha2::{Digest, Sha256, Sha384};

mod bundle;
mod trim;

/// Stands for the build's id in file names until it is known; same length as the id.
const ID_PLACEHOLDER: &str = "gazettesplitid00";
/// The name the main module's JavaScript gets (before its id is added).
const MAIN_NAME: &str = "gazette";

type Failure = String;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("gazette-split: {failure}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Failure> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (paths, opt_args) = match args.iter().position(|arg| arg == "--") {
        Some(split) => (&args[..split], &args[split + 1..]),
        None => (&args[..], &[][..]),
    };
    let [input, dist] = paths else {
        return Err("usage: gazette-split INPUT.wasm DIST -- WASM_OPT_ARGS...".into());
    };
    let dist = Path::new(dist);
    let work = dist.join(".split-work");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work)
        .map_err(|error| format!("cannot create {}: {error}", work.display()))?;

    let input_bytes = fs::read(input).map_err(|error| format!("cannot read {input}: {error}"))?;
    let main_unbound = work.join("main.wasm");
    let link_name = format!("./__wasm_split-{ID_PLACEHOLDER}.js");
    let main_js_name = format!("./{MAIN_NAME}-{ID_PLACEHOLDER}.js");
    let split = {
        let mut options = wasm_split_cli_support::Options::new(&input_bytes);
        options.output_dir = &work;
        options.main_out_path = &main_unbound;
        options.link_name = &link_name;
        options.main_module = &main_js_name;
        wasm_split_cli_support::transform(options)
            .map_err(|error| format!("splitting {input} failed: {error:#}"))?
    };

    // 2. wasm-bindgen on the main module.
    let bound = work.join("bound");
    let out_name = format!("{MAIN_NAME}-{ID_PLACEHOLDER}");
    run_tool(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--keep-lld-exports",
                "--no-typescript",
                "--out-name",
                &out_name,
                "--out-dir",
            ])
            .arg(&bound)
            .arg(&main_unbound),
    )?;

    // 3. The main module's bindings trimmed, then wasm-opt on every module.
    let main_wasm = bound.join(format!("{out_name}_bg.wasm"));
    let main_js_path = bound.join(format!("{out_name}.js"));
    let trimmed = trim::trim(
        &fs::read(&main_wasm).map_err(|error| error.to_string())?,
        &read_text(&main_js_path)?,
        &format!("./{out_name}_bg.js"),
    )
    .map_err(|error| format!("trimming wasm-bindgen's output: {error}"))?;
    write(&main_wasm, &trimmed.wasm)?;
    write(&main_js_path, trimmed.js.as_bytes())?;
    let mut modules = vec![main_wasm.clone()];
    modules.extend(split.split_modules.iter().cloned());
    for module in &modules {
        let optimized = module.with_extension("opt.wasm");
        run_tool(
            Command::new("wasm-opt")
                .args(opt_args)
                .args(["--strip-producers", "--strip-target-features"])
                .arg(module)
                .arg("-o")
                .arg(&optimized),
        )?;
        fs::rename(&optimized, module).map_err(|error| error.to_string())?;
    }
    let merged =
        trim::merge_data_segments(&fs::read(&main_wasm).map_err(|error| error.to_string())?)
            .map_err(|error| format!("joining the main module's data segments: {error}"))?;
    write(&main_wasm, &merged)?;

    // 4. Content-hashed names: chunks by their own bytes, the main files and the loader by
    //    one id over everything (they name each other, so they share it).
    let mut loader = read_text(&work.join(link_name.trim_start_matches("./")))?;
    // A chunk that could not be fetched (offline, a deploy removed it) is an expected
    // condition the app shows as such (the error view, or a tool not shown): the loader
    // says it as a warning, not as an error of the page.
    loader = loader.replace("console.error(e);", "console.warn(e);");
    let mut renamed = BTreeMap::new();
    for module in &split.split_modules {
        let stem = file_stem(module)?;
        let bytes = fs::read(module).map_err(|error| error.to_string())?;
        let hashed = format!("{stem}-{}.wasm", &hex(&Sha256::digest(&bytes))[..16]);
        loader = loader.replace(&format!("\"./{stem}.wasm\""), &format!("\"./{hashed}\""));
        fs::write(dist.join(&hashed), &bytes).map_err(|error| error.to_string())?;
        renamed.insert(stem, hashed);
    }
    // Each split point's files, in load order, and its landing bundle of them.
    let splits: BTreeMap<String, Vec<String>> = split
        .prefetch_map
        .iter()
        .map(|(split_name, files)| {
            let files = files
                .iter()
                .filter_map(|stem| renamed.get(stem))
                .map(|hashed| format!("/{hashed}"))
                .collect();
            (split_name.clone(), files)
        })
        .collect();
    let bundles = bundle::write_bundles(dist, &splits)?;
    loader = bundle::route_fetches(&loader, renamed.len())?;
    let main_js = read_text(&main_js_path)?;
    let main_bytes = fs::read(&main_wasm).map_err(|error| error.to_string())?;
    let mut digest = Sha256::new();
    digest.update(&main_bytes);
    digest.update(main_js.as_bytes());
    digest.update(loader.as_bytes());
    let id = hex(&digest.finalize())[..ID_PLACEHOLDER.len()].to_owned();
    let with_id = |text: &str| text.replace(ID_PLACEHOLDER, &id);
    let main_bytes = replace_bytes(&main_bytes, ID_PLACEHOLDER.as_bytes(), id.as_bytes());
    let main_js = with_id(&main_js);
    let loader = with_id(&loader);
    let main_js_file = format!("{MAIN_NAME}-{id}.js");
    let main_wasm_file = format!("{MAIN_NAME}-{id}_bg.wasm");
    let loader_file = format!("__wasm_split-{id}.js");
    write(&dist.join(&main_js_file), main_js.as_bytes())?;
    write(&dist.join(&main_wasm_file), &main_bytes)?;
    write(&dist.join(&loader_file), loader.as_bytes())?;
    copy_dir(&bound.join("snippets"), &dist.join("snippets"))?;

    // 5. index.html: Trunk's main files out, ours in.
    replace_trunk_output(dist, &main_js_file, &main_wasm_file, &main_js, &main_bytes)?;

    // 6. The manifest: split point → files, in load order, and its landing bundle.
    let manifest = serde_json::json!({
        "loader": format!("/{loader_file}"),
        "splits": splits,
        "bundles": bundles,
    });
    write(
        &dist.join("split-manifest.json"),
        serde_json::to_string_pretty(&manifest)
            .map_err(|error| error.to_string())?
            .as_bytes(),
    )?;
    // GAZETTE_SPLIT_KEEP_WORK=1 keeps the unoptimised modules, with names, for twiggy.
    if std::env::var_os("GAZETTE_SPLIT_KEEP_WORK").is_none() {
        fs::remove_dir_all(&work).map_err(|error| error.to_string())?;
    }
    println!(
        "split {input}: main {} KB, {} chunk files, {} split points",
        main_bytes.len() / 1024,
        renamed.len(),
        split.prefetch_map.len()
    );
    Ok(())
}

/// Points `index.html` at the split build's main files instead of Trunk's, with integrity
/// hashes of the new files, and deletes Trunk's files.
fn replace_trunk_output(
    dist: &Path,
    main_js_file: &str,
    main_wasm_file: &str,
    main_js: &str,
    main_wasm: &[u8],
) -> Result<(), Failure> {
    let index_path = dist.join("index.html");
    let mut index = read_text(&index_path)?;
    let mut trunk_files = Vec::new();
    for entry in fs::read_dir(dist).map_err(|error| error.to_string())? {
        let name = entry.map_err(|error| error.to_string())?.file_name();
        let name = name.to_string_lossy().into_owned();
        let is_trunk_main = name.starts_with(&format!("{MAIN_NAME}-"))
            && (name.ends_with("_bg.wasm") || name.ends_with(".js"))
            && name != main_js_file
            && name != main_wasm_file;
        if is_trunk_main {
            trunk_files.push(name);
        }
    }
    if trunk_files.is_empty() {
        return Err("dist/ has no Trunk output to replace (run trunk build first)".into());
    }
    for name in &trunk_files {
        let (replacement, bytes): (&str, &[u8]) = if name.ends_with(".wasm") {
            (main_wasm_file, main_wasm)
        } else {
            (main_js_file, main_js.as_bytes())
        };
        if let Ok(old) = fs::read(dist.join(name)) {
            index = index.replace(&sri(&old), &sri(bytes));
        }
        index = index.replace(name.as_str(), replacement);
        fs::remove_file(dist.join(name)).map_err(|error| error.to_string())?;
    }
    write(&index_path, index.as_bytes())
}

fn run_tool(command: &mut Command) -> Result<(), Failure> {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|error| format!("cannot run {shown}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn read_text(path: &Path) -> Result<String, Failure> {
    fs::read_to_string(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    fs::write(path, bytes).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

fn file_stem(path: &Path) -> Result<String, Failure> {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .ok_or_else(|| format!("{} has no file name", path.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), Failure> {
    if !from.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(to).map_err(|error| error.to_string())?;
    for entry in fs::read_dir(from).map_err(|error| error.to_string())? {
        let entry = entry.map_err(|error| error.to_string())?;
        let target: PathBuf = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(|error| error.to_string())?;
        }
    }
    Ok(())
}

fn replace_bytes(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    debug_assert_eq!(from.len(), to.len());
    let mut out = haystack.to_vec();
    let mut start = 0;
    while let Some(found) = out[start..]
        .windows(from.len())
        .position(|window| window == from)
    {
        let at = start + found;
        out[at..at + to.len()].copy_from_slice(to);
        start = at + to.len();
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A Subresource Integrity value, as Trunk writes them.
fn sri(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let digest = Sha384::digest(bytes);
    let mut out = String::from("sha384-");
    for chunk in digest.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_values_match_what_browsers_compute() {
        // Values from Node's crypto (`createHash('sha384').update(...).digest('base64')`).
        assert_eq!(
            sri(b"hello"),
            "sha384-WeF0h3dEjGnea4ANejO7+5/xtGPkQ1TDVTvNucZm+pASWjx5+QOXvfX2oT3oKGhP"
        );
        assert_eq!(
            sri(b"ab"),
            "sha384-x74DulvKo4RycHbbABjpkkjhpui9G571ip7J3U7uuz9IuDYgEiEXW++nTdw9Na/d"
        );
    }

    #[test]
    fn the_build_id_replaces_every_placeholder_in_a_binary() {
        let module = [
            b"\0import ./__wasm_split-".as_slice(),
            ID_PLACEHOLDER.as_bytes(),
            b".js\0",
            ID_PLACEHOLDER.as_bytes(),
        ]
        .concat();
        let patched = replace_bytes(&module, ID_PLACEHOLDER.as_bytes(), b"0123456789abcdef");
        assert_eq!(patched.len(), module.len());
        assert_eq!(
            patched,
            b"\0import ./__wasm_split-0123456789abcdef.js\x000123456789abcdef".to_vec()
        );
        assert_eq!(hex(&[0, 15, 255]), "000fff");
    }
}
