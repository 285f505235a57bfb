// Written into the chunk loader by gazette-split (crates/splitter/src/bundle.rs).
// A first visit (no service worker controls the page yet) fetches the chunks of the page it
// lands on as one response: the landing bundle the server names in
// <meta name="gazette-bundle" content="/bundle_….bin" data-lengths="…">, the files of
// <meta name="gazette-chunks"> back to back. The boot script decides (scripts/postbuild.mjs):
// it preloads the bundle with the main module, and the loader takes the chunks from it only
// then. On a slow link that is one request instead of 16–39, each with ~1 KB of headers both
// ways, and one brotli stream, 5–16 KB smaller per page. Every other chunk, and every chunk of
// a bundle that could not be fetched or does not hold what the page says, is fetched on its
// own (from the worker's cache on a repeat visit; the worker cuts its copies of these chunks
// out of the bundle too, see scripts/sw-template.js).
// A chunk taken from the bundle is compiled from its bytes (`instantiateChunk`), not streamed:
// streaming from an in-memory response decodes every chunk of the bundle on the main thread,
// all in the one task in which the bundle arrived (~35 ms on a desktop, ~140 ms on a phone that
// is 4x slower); compiling from bytes is done on the browser's background threads.
let landing;
/** The bytes of each response `fetchChunk` cut out of the landing bundle. */
const fromBundle = new WeakMap();
function landingBundle() {
  if (landing === undefined) {
    landing = null;
    const meta = document.querySelector('meta[name=gazette-bundle]');
    const href = meta?.getAttribute('content');
    const preloaded = href && [...document.querySelectorAll('link[rel=preload]')]
      .some((link) => link.getAttribute('href') === href);
    const files = (document.querySelector('meta[name=gazette-chunks]')?.content ?? '').split(' ').filter(Boolean);
    const lengths = (meta?.dataset.lengths ?? '').split(' ').filter(Boolean).map(Number);
    if (preloaded && files.length > 0 && files.length === lengths.length && lengths.every((n) => n > 0)) {
      const total = lengths.reduce((sum, n) => sum + n, 0);
      const bytes = fetch(new URL(href, import.meta.url)).then(async (response) => {
        if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
        const buffer = await response.arrayBuffer();
        if (buffer.byteLength !== total) throw new Error(`${href}: ${buffer.byteLength} bytes, not ${total}`);
        return buffer;
      });
      bytes.catch(() => {});
      const at = new Map();
      let offset = 0;
      files.forEach((path, index) => {
        at.set(path, [offset, lengths[index]]);
        offset += lengths[index];
      });
      landing = { bytes, at };
    }
  }
  return landing;
}
function fetchChunk(url) {
  const bundle = landingBundle();
  const part = bundle?.at.get(url.pathname);
  if (!part) return fetch(url);
  bundle.at.delete(url.pathname);
  // Once every chunk is taken, the bundle's bytes can go.
  if (bundle.at.size === 0) landing = null;
  const [offset, length] = part;
  return bundle.bytes.then(
    (buffer) => {
      const bytes = new Uint8Array(buffer, offset, length);
      const response = new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } });
      fromBundle.set(response, bytes);
      return response;
    },
    () => fetch(url),
  );
}
async function instantiateChunk(source, imports) {
  const response = await source;
  const bytes = fromBundle.get(response);
  return bytes
    ? WebAssembly.instantiate(bytes, imports)
    : WebAssembly.instantiateStreaming(response, imports);
}
