//! Trims what `wasm-bindgen` wrote for the main module, before `wasm-opt` runs on it: bytes a
//! first visit downloads and never uses.
//!
//! - **Import names.** Every function the module imports from its JavaScript glue is named
//!   like `__wbg_setAttribute_2d0d4b3b64c0a1f9`, in the module and again in the glue: 256
//!   names whose hex tails brotli cannot compress. They become `a`, `b`, … `ba`, … in both.
//! - **wasm-streams' exported classes.** Leptos always enables `server_fn`'s browser feature,
//!   which brings `wasm-streams` and its three `#[wasm_bindgen]` classes
//!   (`IntoUnderlyingSource`, `…Sink`, `…ByteSource`). Exports are roots, so their code stays
//!   in every build although a client-side app without server functions never creates one.
//!   Their exports and JavaScript classes are removed; `wasm-opt` then drops the code.
//!
//! `wasm-bindgen` is pinned to one version (Cargo.toml), and every edit here checks the shape
//! it expects, so a new version that writes something else stops the build with a message
//! instead of shipping a broken app.

/// The prefix of the export names (and, capitalised, the class names) removed.
const STREAM_CLASSES: &str = "intounderlying";

/// The trimmed module and glue.
#[derive(Debug)]
pub struct Trimmed {
    pub wasm: Vec<u8>,
    pub js: String,
}

/// Renames the imports from `glue_module` (how the module names its glue, e.g.
/// `./gazette-…_bg.js`) in both files and removes the stream classes.
pub fn trim(wasm: &[u8], js: &str, glue_module: &str) -> Result<Trimmed, String> {
    let mut js = remove_stream_classes(js)?;
    let mut renamed = 0usize;
    let mut failure = None;
    let wasm = rewrite_module(
        wasm,
        |module, name| {
            if module != glue_module || failure.is_some() {
                return None;
            }
            let short = short_name(renamed);
            renamed += 1;
            match rename_key(&js, name, &short) {
                Ok(updated) => {
                    js = updated;
                    Some(short)
                }
                Err(error) => {
                    failure = Some(error);
                    None
                }
            }
        },
        |export| !export.contains(STREAM_CLASSES),
    )?;
    if let Some(error) = failure {
        return Err(error);
    }
    if renamed == 0 {
        return Err(format!(
            "the main module imports nothing from {glue_module}"
        ));
    }
    Ok(Trimmed { wasm, js })
}

/// `a` … `z`, `A` … `Z`, then two letters and more: short, valid JavaScript property names.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
        if index == 0 {
            break;
        }
        index -= 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Replaces the one property key `name:` of the glue's import object by `short`.
fn rename_key(js: &str, name: &str, short: &str) -> Result<String, String> {
    let key = format!(" {name}: function(");
    let mut found = js.match_indices(&key);
    match (found.next(), found.next()) {
        (Some((at, _)), None) => Ok(format!(
            "{} {short}: function({}",
            &js[..at],
            &js[at + key.len()..]
        )),
        _ => Err(format!(
            "wasm-bindgen's glue does not define the import {name} once as `{name}: function(`"
        )),
    }
}

/// Removes the three stream classes, their `Symbol.dispose` lines and finalization registries.
fn remove_stream_classes(js: &str) -> Result<String, String> {
    let mut out = String::with_capacity(js.len());
    let mut lines = js.split_inclusive('\n');
    let mut removed = 0;
    while let Some(line) = lines.next() {
        if line.starts_with("export class IntoUnderlying") {
            // The class body ends at the first closing brace in the first column.
            if !lines.by_ref().any(|line| line.starts_with('}')) {
                return Err("an IntoUnderlying class of the glue does not end".into());
            }
            removed += 1;
        } else if line.starts_with("if (Symbol.dispose) IntoUnderlying") {
        } else if line.starts_with("const IntoUnderlying") && line.contains("Finalization = ") {
            // `= (typeof FinalizationRegistry …)`, `? {…}`, `: new FinalizationRegistry(…);`
            if !lines.by_ref().any(|line| line.trim_end().ends_with(");")) {
                return Err("an IntoUnderlying finalization registry does not end".into());
            }
        } else {
            out.push_str(line);
        }
    }
    if removed != 3 || out.contains("IntoUnderlying") || out.contains(STREAM_CLASSES) {
        return Err(format!(
            "wasm-bindgen's glue has a different shape: removed {removed} of the 3 IntoUnderlying classes"
        ));
    }
    Ok(out)
}

/// Copies a WebAssembly module, renaming imports (`rename` gets module and name, returns the
/// new name or `None` to keep it) and keeping only the exports `keep_export` accepts.
fn rewrite_module(
    wasm: &[u8],
    mut rename: impl FnMut(&str, &str) -> Option<String>,
    keep_export: impl Fn(&str) -> bool,
) -> Result<Vec<u8>, String> {
    map_sections(wasm, |id, body| match id {
        IMPORT_SECTION => rewrite_imports(body, &mut rename),
        EXPORT_SECTION => filter_exports(body, &keep_export),
        _ => Ok(body.to_vec()),
    })
}

/// Data segments closer than this are joined, the bytes between them zeros.
const SEGMENT_GAP: u64 = 256;

/// Joins the main module's data segments that lie close together (after `wasm-opt`).
///
/// The split needs one segment per static (`--no-merge-data-segments`) so each chunk can take
/// its own; the main module keeps ~1,150 of them, each with its own header (9 KB, ~3 KB
/// brotli). Joined segments fill their gaps with zeros at start-up, before any chunk exists;
/// a chunk's own segments then write its data into those gaps when it is instantiated. Only a
/// module whose segments are all active at constant offsets is changed (no `memory.init`
/// can name a segment), else it is returned as it was.
pub fn merge_data_segments(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let mut segments = Vec::new();
    let mut all_constant = true;
    map_sections(wasm, |id, body| {
        if id == DATA_SECTION {
            let mut reader = Reader { bytes: body, at: 0 };
            for _ in 0..reader.leb()? {
                // Active, memory 0, `i32.const offset; end`.
                if reader.byte()? != 0 || reader.byte()? != 0x41 {
                    all_constant = false;
                    break;
                }
                let offset = reader.sleb()?;
                if reader.byte()? != 0x0b || offset < 0 {
                    all_constant = false;
                    break;
                }
                let length = reader.leb()? as usize;
                segments.push((offset as u64, reader.take(length)?));
            }
        }
        Ok(body.to_vec())
    })?;
    if !all_constant || segments.is_empty() {
        return Ok(wasm.to_vec());
    }
    segments.sort_by_key(|(offset, _)| *offset);
    let mut joined: Vec<(u64, Vec<u8>)> = Vec::new();
    for (offset, bytes) in segments {
        match joined.last_mut() {
            Some((start, data))
                if offset >= *start + data.len() as u64
                    && offset - (*start + data.len() as u64) <= SEGMENT_GAP =>
            {
                let gap = offset - (*start + data.len() as u64);
                data.resize(data.len() + gap as usize, 0);
                data.extend_from_slice(bytes);
            }
            _ => joined.push((offset, bytes.to_vec())),
        }
    }
    let mut data_section = Vec::new();
    write_leb(&mut data_section, joined.len() as u64);
    for (offset, bytes) in &joined {
        data_section.extend_from_slice(&[0x00, 0x41]);
        write_sleb(&mut data_section, *offset as i64);
        data_section.push(0x0b);
        write_leb(&mut data_section, bytes.len() as u64);
        data_section.extend_from_slice(bytes);
    }
    map_sections(wasm, |id, body| match id {
        DATA_SECTION => Ok(data_section.clone()),
        DATA_COUNT_SECTION => {
            let mut count = Vec::new();
            write_leb(&mut count, joined.len() as u64);
            Ok(count)
        }
        _ => Ok(body.to_vec()),
    })
}

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;
const DATA_SECTION: u8 = 11;
const DATA_COUNT_SECTION: u8 = 12;

/// Copies a module section by section, each body through `map`.
fn map_sections<'a>(
    wasm: &'a [u8],
    mut map: impl FnMut(u8, &'a [u8]) -> Result<Vec<u8>, String>,
) -> Result<Vec<u8>, String> {
    let header = wasm.get(..8).ok_or("not a WebAssembly module")?;
    if header[..4] != *b"\0asm" {
        return Err("not a WebAssembly module".into());
    }
    let mut out = header.to_vec();
    let mut reader = Reader { bytes: wasm, at: 8 };
    while reader.at < wasm.len() {
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        let body = map(id, reader.take(size)?)?;
        out.push(id);
        write_leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    Ok(out)
}

fn rewrite_imports(
    body: &[u8],
    rename: &mut impl FnMut(&str, &str) -> Option<String>,
) -> Result<Vec<u8>, String> {
    let mut reader = Reader { bytes: body, at: 0 };
    let count = reader.leb()?;
    let mut out = Vec::with_capacity(body.len());
    write_leb(&mut out, count);
    for _ in 0..count {
        let module = reader.name()?;
        let name = reader.name()?;
        let description_start = reader.at;
        match reader.byte()? {
            0x00 => {
                reader.leb()?; // function: type index
            }
            0x01 => {
                reader.byte()?; // table: element type, limits
                reader.limits()?;
            }
            0x02 => reader.limits()?, // memory
            0x03 => {
                reader.take(2)?; // global: value type, mutability
            }
            0x04 => {
                reader.byte()?; // tag: attribute, type index
                reader.leb()?;
            }
            kind => return Err(format!("unknown import kind {kind:#x}")),
        }
        let new_name = rename(module, name).unwrap_or_else(|| name.to_owned());
        write_name(&mut out, module);
        write_name(&mut out, &new_name);
        out.extend_from_slice(&body[description_start..reader.at]);
    }
    Ok(out)
}

fn filter_exports(body: &[u8], keep: &impl Fn(&str) -> bool) -> Result<Vec<u8>, String> {
    let mut reader = Reader { bytes: body, at: 0 };
    let count = reader.leb()?;
    let mut kept = Vec::new();
    let mut kept_count = 0u64;
    for _ in 0..count {
        let start = reader.at;
        let name = reader.name()?;
        reader.byte()?;
        reader.leb()?;
        if keep(name) {
            kept.extend_from_slice(&body[start..reader.at]);
            kept_count += 1;
        }
    }
    let mut out = Vec::with_capacity(kept.len() + 5);
    write_leb(&mut out, kept_count);
    out.extend_from_slice(&kept);
    Ok(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(count)
            .filter(|end| *end <= self.bytes.len());
        let end = end.ok_or("the module ends inside a section")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn leb(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number in the module is too long".into())
    }

    fn sleb(&mut self) -> Result<i64, String> {
        let mut value = 0i64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= i64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                if shift + 7 < 64 && byte & 0x40 != 0 {
                    value |= -1i64 << (shift + 7);
                }
                return Ok(value);
            }
        }
        Err("a number in the module is too long".into())
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let length = self.leb()? as usize;
        std::str::from_utf8(self.take(length)?).map_err(|_| "a name is not UTF-8".to_owned())
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_sleb(out: &mut Vec<u8>, mut value: i64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        let done = (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0);
        if done {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two glue functions and a memory, exporting a stream method and
    /// `main`, with a code-like section after them.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, 3);
        for (module, name) in [
            ("./g_bg.js", "__wbg_alert_0123456789abcdef"),
            ("./g_bg.js", "__wbg_log_fedcba9876543210"),
        ] {
            write_name(&mut imports, module);
            write_name(&mut imports, name);
            imports.extend_from_slice(&[0x00, 0x01]);
        }
        write_name(&mut imports, "env");
        write_name(&mut imports, "memory");
        imports.extend_from_slice(&[0x02, 0x01, 0x11, 0x80, 0x01]);
        let mut exports = Vec::new();
        write_leb(&mut exports, 2);
        write_name(&mut exports, "intounderlyingsource_pull");
        exports.extend_from_slice(&[0x00, 0x05]);
        write_name(&mut exports, "main");
        exports.extend_from_slice(&[0x00, 0x06]);
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        for (id, body) in [(2u8, imports), (7, exports), (10, vec![0x01, 0x02, 0x03])] {
            module.push(id);
            write_leb(&mut module, body.len() as u64);
            module.extend_from_slice(&body);
        }
        module
    }

    const GLUE: &str = "export class IntoUnderlyingSource {\n    free() {\n        wasm.__wbg_intounderlyingsource_free(1, 0);\n    }\n}\n\
        if (Symbol.dispose) IntoUnderlyingSource.prototype[Symbol.dispose] = IntoUnderlyingSource.prototype.free;\n\
        export class IntoUnderlyingSink {\n}\nexport class IntoUnderlyingByteSource {\n}\n\
        function imports() {\n    const import0 = {\n        __wbg_alert_0123456789abcdef: function(arg0) {\n            alert(arg0);\n        },\n        \
        __wbg_log_fedcba9876543210: function(arg0) {\n            console.log(arg0);\n        },\n    };\n}\n\
        const IntoUnderlyingSourceFinalization = (typeof FinalizationRegistry === 'undefined')\n    ? { register: () => {}, unregister: () => {} }\n    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsource_free(ptr, 1));\n\
        export default init;\n";

    #[test]
    fn glue_imports_get_short_names_in_both_files_and_stream_classes_go() {
        let trimmed = trim(&module(), GLUE, "./g_bg.js").expect("trimmed");
        let mut reader = Reader {
            bytes: &trimmed.wasm,
            at: 8,
        };
        let mut seen = Vec::new();
        while reader.at < trimmed.wasm.len() {
            let id = reader.byte().unwrap();
            let size = reader.leb().unwrap() as usize;
            let mut body = Reader {
                bytes: reader.take(size).unwrap(),
                at: 0,
            };
            if id == 2 {
                for _ in 0..body.leb().unwrap() {
                    let module = body.name().unwrap().to_owned();
                    seen.push(format!("{module} {}", body.name().unwrap()));
                    let kind = body.byte().unwrap();
                    if kind == 0 {
                        body.leb().unwrap();
                    } else {
                        body.limits().unwrap();
                    }
                }
            } else if id == 7 {
                for _ in 0..body.leb().unwrap() {
                    seen.push(format!("export {}", body.name().unwrap()));
                    body.take(2).unwrap();
                }
            } else {
                seen.push(format!("section {id} {:?}", body.bytes));
            }
        }
        assert_eq!(
            seen,
            [
                "./g_bg.js a",
                "./g_bg.js b",
                "env memory",
                "export main",
                "section 10 [1, 2, 3]"
            ]
        );
        assert!(trimmed
            .js
            .contains("        a: function(arg0) {\n            alert(arg0);"));
        assert!(trimmed
            .js
            .contains("        b: function(arg0) {\n            console.log(arg0);"));
        assert!(!trimmed.js.contains("IntoUnderlying") && !trimmed.js.contains("intounderlying"));
        assert!(trimmed.js.ends_with("    };\n}\nexport default init;\n"));
    }

    #[test]
    fn a_glue_of_another_shape_stops_the_build() {
        let without_key = GLUE.replace("__wbg_log_fedcba9876543210: function(", "log: function(");
        assert!(trim(&module(), &without_key, "./g_bg.js")
            .unwrap_err()
            .contains("__wbg_log_fedcba9876543210"));
        let without_class = GLUE.replace("export class IntoUnderlyingSink {\n}\n", "");
        assert!(trim(&module(), &without_class, "./g_bg.js")
            .unwrap_err()
            .contains("removed 2 of the 3"));
    }

    /// A module with only a data-count and a data section holding `segments`.
    fn data_module(segments: &[(i64, &[u8])]) -> Vec<u8> {
        let mut data = Vec::new();
        write_leb(&mut data, segments.len() as u64);
        for (offset, bytes) in segments {
            data.extend_from_slice(&[0x00, 0x41]);
            write_sleb(&mut data, *offset);
            data.push(0x0b);
            write_leb(&mut data, bytes.len() as u64);
            data.extend_from_slice(bytes);
        }
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend_from_slice(&[12, 1, segments.len() as u8, 11]);
        write_leb(&mut module, data.len() as u64);
        module.extend_from_slice(&data);
        module
    }

    #[test]
    fn close_data_segments_are_joined_with_zeros_between() {
        let far = 70_002 + SEGMENT_GAP as i64 + 1;
        let module = data_module(&[
            (70_000, b"ab"),
            (1_030, b"cd"),
            (1_024, b"xyz"),
            (far, b"e"),
        ]);
        let joined = merge_data_segments(&module).unwrap();
        assert_eq!(
            joined,
            data_module(&[(1_024, b"xyz\0\0\0cd"), (70_000, b"ab"), (far, b"e")])
        );
        // A segment at a computed offset (here `global.get 0`) leaves the module as it was.
        let mut computed = module.clone();
        let at = computed
            .windows(2)
            .position(|pair| pair == [0x00, 0x41])
            .unwrap();
        computed[at + 1] = 0x23;
        assert_eq!(merge_data_segments(&computed).unwrap(), computed);
        let mut number = Vec::new();
        write_sleb(&mut number, 1_030);
        assert_eq!(
            Reader {
                bytes: &number,
                at: 0
            }
            .sleb()
            .unwrap(),
            1_030
        );
    }

    #[test]
    fn short_names_are_unique_letters() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(
            (
                &names[0][..],
                &names[51][..],
                &names[52][..],
                &names[53][..]
            ),
            ("a", "Z", "aa", "ab")
        );
        let unique: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names
            .iter()
            .all(|name| name.bytes().all(|byte| byte.is_ascii_alphabetic())));
    }
}
