// Written into the chunk loader by gazette-split (crates/splitter/src/bundle.rs).
// A first visit (no service worker controls the page yet) fetches the chunks of the page it
// lands on as one response: the landing bundle the server names in
// <meta name="gazette-bundle" content="/bundle_….bin" data-lengths="…">, the files of
// <meta name="gazette-chunks"> back to back (the boot script preloads it with the main
// module). On a slow link that is one request instead of ~40, each with ~1 KB of headers both
// ways, and one brotli stream, ~20 % smaller than the chunks compressed one by one. Every
// other chunk, and every chunk of a bundle that could not be fetched, is fetched on its own:
// from the worker's cache on a repeat visit, afresh on a retry after a lost network.
let landing;
function landingBundle() {
  if (landing === undefined) {
    landing = null;
    const meta = navigator.serviceWorker?.controller ? null : document.querySelector('meta[name=gazette-bundle]');
    const files = (document.querySelector('meta[name=gazette-chunks]')?.content ?? '').split(' ').filter(Boolean);
    const lengths = (meta?.dataset.lengths ?? '').split(' ').filter(Boolean).map(Number);
    if (meta?.content && files.length > 0 && files.length === lengths.length && lengths.every((n) => n > 0)) {
      const bytes = fetch(new URL(meta.content, import.meta.url)).then((response) => {
        if (!response.ok) throw new Error(`${meta.content}: HTTP ${response.status}`);
        return response.arrayBuffer();
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
  const [offset, length] = part;
  return bundle.bytes.then(
    (buffer) => buffer.byteLength < offset + length
      ? fetch(url)
      : new Response(new Uint8Array(buffer, offset, length), {
        headers: { 'Content-Type': 'application/wasm' },
      }),
    () => fetch(url),
  );
}
