// Finishes a release build in dist/ after Trunk (`node scripts/postbuild.mjs [--shell-only] DIR`):
// 1. minifies the JavaScript with terser (Trunk's own minifier gives up on wasm-bindgen's
//    output) and updates the integrity hashes index.html gives for it; makes the app start
//    after the first screen's picture;
// 2. writes the service worker (scripts/sw-template.js) with this build's precache list;
// 3. writes NAME.br (brotli, quality 11) and NAME.gz (gzip -9) next to every text asset, so
//    the server sends precompressed bytes with Content-Encoding.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, extname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { minify } from 'terser';

const COMPRESSIBLE = new Set(['.wasm', '.bin', '.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.xml']);
// `--shell-only`: for a built dist/ whose index.html was edited afterwards (the update test
// does this to make a new build): the code is already minified, so only steps 2 and 3 run.
const shellOnly = process.argv.includes('--shell-only');
const dist = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'dist';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

// 1. Minify JavaScript and keep index.html's integrity attributes true.
const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');
for (const path of files(dist)) {
  if (shellOnly || extname(path) !== '.js' || path === join(dist, 'sw.js')) continue;
  const source = readFileSync(path, 'utf8');
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  if (!result.code) throw new Error(`terser produced nothing for ${path}`);
  const before = sri(source);
  writeFileSync(path, result.code);
  index = index.replaceAll(before, sri(result.code));
  console.log(`minified ${relative(dist, path)}: ${source.length} → ${result.code.length} bytes`);
}
// The app starts once the server's first screen (headline and picture as static HTML, see
// crates/server/src/web/first_screen.rs) has its picture, so on a slow network the 200 KB of
// WebAssembly does not compete with the reader's first view; without a first screen it starts
// at once. Trunk's loader script is edited in place (and the wasm preload it adds dropped).
if (!shellOnly) {
  const boot = 'const wasm = await init(';
  if (!index.includes(boot)) throw new Error('postbuild: Trunk\'s loader script changed; update the first-screen wait');
  index = index.replace(boot, 'await new Promise((start) => { const picture = document.querySelector(`#first-screen img`); '
    + 'if (!picture || picture.complete) return start(); picture.addEventListener(`load`, () => requestAnimationFrame(() => setTimeout(start)), { once: true }); '
    + 'picture.addEventListener(`error`, start, { once: true }); });\n'
    // The page's WebAssembly chunks (named by the server, see crates/server/src/web/shell.rs)
    // start loading together with the main module, not after it has run. On a first visit
    // that is their landing bundle, one response (the chunk loader takes them from it, see
    // crates/splitter/src/landing_bundle.js); with a service worker, the ~40 chunk files from
    // its cache. Each preload link costs the main thread ~0.6 ms (2.4 ms on a slow phone):
    // they are added eight per task, so this is not one long task of ~100 ms.
    + 'const bundle = navigator.serviceWorker?.controller ? null : document.querySelector(`meta[name=gazette-bundle]`)?.content;\n'
    + 'const chunks = bundle ? [bundle] : (document.querySelector(`meta[name=gazette-chunks]`)?.content ?? ``).split(` `).filter(Boolean);\n'
    + '(function preload() { for (const href of chunks.splice(0, 8)) { '
    + 'const link = document.createElement(`link`); link.rel = `preload`; link.as = `fetch`; link.crossOrigin = `anonymous`; link.href = href; document.head.append(link); } '
    + 'if (chunks.length) setTimeout(preload); })();\n'
    + boot);
  index = index.replace(/<link[^>]*rel=preload[^>]*type=application\/wasm>/, '');
}
writeFileSync(indexPath, index);

// 2. The service worker, generated for this build: its precache list is the hashed app shell
//    files Trunk just wrote, so a repeat visit loads no app code from the network.
const precache = ['/'];
for (const path of files(dist)) {
  const name = relative(dist, path).split('\\').join('/');
  // Landing bundles are for first visits only: a repeat visit takes the chunk files from here.
  if (name === 'index.html' || name === 'sw.js' || /\.(br|gz)$/.test(name) || /^bundle_/.test(name)) continue;
  precache.push('/' + name);
}
precache.sort();
// The version is a digest of every precached file's bytes (index.html for "/"), so any change
// to the shell, even to a file whose name has no hash (manifest, icons), is a new worker.
const digest = createHash('sha256');
for (const url of precache) {
  digest.update(url).update(readFileSync(join(dist, url === '/' ? 'index.html' : url.slice(1))));
}
const version = digest.digest('hex').slice(0, 16);
// Each landing bundle's files and lengths (split-manifest.json, crates/splitter), so the
// worker cuts its copies of a first visit's chunks out of the bundle that visit fetched.
const landing = {};
try {
  const manifest = JSON.parse(readFileSync(join(dist, 'split-manifest.json'), 'utf8'));
  for (const [split, { href, lengths }] of Object.entries(manifest.bundles ?? {})) {
    const files = manifest.splits?.[split] ?? [];
    if (files.length !== lengths.length) throw new Error(`postbuild: bundle ${href} does not match ${split}'s files`);
    landing[href] = files.map((file, index) => [file, lengths[index]]);
  }
} catch (error) {
  if (error.code !== 'ENOENT') throw error; // an unsplit build has no bundles
}
const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'sw-template.js'), 'utf8');
writeFileSync(join(dist, 'sw.js'), template
  .replace('__GAZETTE_VERSION__', version)
  .replace('[/* __GAZETTE_PRECACHE__ */]', JSON.stringify(precache, null, 2))
  .replace('{/* __GAZETTE_LANDING__ */}', JSON.stringify(landing)));
console.log(`service worker ${version}: ${precache.length} files precached`);

// 3. Precompress.
let count = 0;
for (const path of files(dist)) {
  if (!COMPRESSIBLE.has(extname(path))) continue;
  const raw = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }));
  writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
  count += 1;
}
console.log(`precompressed ${count} files in ${dist}/ (.br and .gz)`);
