// Size report of the release front end: raw, gzip and brotli bytes of the wasm, JS and CSS a
// first visit loads, and their brotli total against the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const BUDGET_BROTLI_BYTES = 100 * 1024;
const dist = process.argv[2] ?? 'dist';
const kinds = { '.wasm': 'wasm', '.js': 'js', '.css': 'css' };
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
for (const row of rows) console.log(`${row.name.padEnd(56)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
console.log(`${'total (wasm + JS + CSS)'.padEnd(56)}${kb(total('raw'))}${kb(total('gzip'))}${kb(total('brotli'))}`);
const brotli = total('brotli');
const verdict = brotli <= BUDGET_BROTLI_BYTES ? 'within' : 'OVER';
console.log(`first-load budget: ${kb(brotli).trim()} brotli of ${kb(BUDGET_BROTLI_BYTES).trim()} — ${verdict} budget`);
