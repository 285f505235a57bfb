// Size report of the release front end: raw, gzip and brotli bytes of every wasm, JS and CSS
// file in dist/ (the main module, each page's chunks, the loader) and which toolchain route
// built them; the landing bundles (a page's chunks in one file, for first visits) are listed
// after the total, which they would count twice. What a first visit of each page actually loads is measured in a browser by
// scripts/route-bytes.mjs, against the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const kinds = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.bin': 'bundle' };
// Every file of those kinds, wasm-bindgen's snippets/ included; sw.js is counted too, as the
// browser fetches it on the first visit.
function* files(dir, prefix = '') {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path, `${prefix}${name}/`);
    else yield [`${prefix}${name}`, path];
  }
}
const rows = [];
for (const [name, path] of files(dist)) {
  const kind = kinds[extname(name)];
  if (!kind) continue;
  const raw = readFileSync(path);
  rows.push({
    kind,
    name,
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
console.log(`${'file'.padEnd(56)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
const line = (row) => console.log(`${row.name.padEnd(56)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
const code = rows.filter((row) => row.kind !== 'bundle');
code.forEach(line);
const total = (key) => code.reduce((sum, row) => sum + row[key], 0);
console.log(`${'total (wasm + JS + CSS)'.padEnd(56)}${kb(total('raw'))}${kb(total('gzip'))}${kb(total('brotli'))}`);
rows.filter((row) => row.kind === 'bundle').forEach(line);
const route = process.env.GAZETTE_WASM_ROUTE ?? 'unknown';
const flags = process.env.GAZETTE_WASM_RELEASE_RUSTFLAGS ? 'std from source with the size flags' : 'prebuilt std';
console.log(`built on the ${route} toolchain route (${flags})`);
