// Gazette's service worker, written into dist/sw.js by scripts/postbuild.mjs for each build.
// - The app shell of this build (hashed wasm, JS, CSS, icons, manifest, "/") is precached,
//   so repeat visits load no app code from the network, and a new build gets a new cache.
// - Pages: network first; the last copy of each visited page, else the "/" shell, offline.
// - API: articles network first with the cached copy offline; lists and the rest stale-while-
//   revalidate; a live update's check (cache mode no-cache / no-store, or If-None-Match) goes
//   to the network untouched. Images: cache first. Every runtime cache keeps a bounded number of entries.
// - Articles the reader saved (src/pwa.js keeps them in gazette-saved-v1) are served from that
//   cache offline too; the worker never deletes it.
// - The API's paths come from the app (src/pwa.rs registers `/sw.js?api=/api/v1&articles=
//   /api/v1/articles/`, from the contract crate); a worker registered without them caches no
//   API answers.
// - A new build's worker waits until the reader presses Refresh (message 'skip-waiting'), so a
//   page never mixes one build's shell with another's code.
const VERSION = '__GAZETTE_VERSION__';
const PRECACHE = [/* __GAZETTE_PRECACHE__ */];
/** Each landing bundle (a page's chunk files back to back, which a first visit fetches before
 * this worker exists, crates/splitter/src/bundle.rs): its files and their lengths. */
const LANDING = {/* __GAZETTE_LANDING__ */};
const APP_CACHE = `gazette-app-${VERSION}`;
const PAGE_CACHE = 'gazette-pages-v1';
const API_CACHE = 'gazette-api-v1';
const IMAGE_CACHE = 'gazette-images-v1';
const SAVED_CACHE = 'gazette-saved-v1';
const IMAGE_LIMIT = 80;
const PAGE_LIMIT = 60;
const API_LIMIT = 200;
// Lookups ignore Vary: the server varies API answers on Origin (CORS), and the page's
// preloads send one while the app's own requests do not; the answer is the same.
const LOOKUP = { ignoreVary: true };
const PARAMS = new URL(self.location).searchParams;
/** Every API path starts with this (empty: no API caching). */
const API_PREFIX = PARAMS.get('api') ?? '';
/** One article's path is this + its slug (empty: no article is network-first). */
const ARTICLES = PARAMS.get('articles') ?? '';

/** Whether `path` is one article's API path: the articles prefix and a slug. */
function isArticle(path) {
  return ARTICLES !== '' && path.startsWith(ARTICLES) && path.length > ARTICLES.length
    && !path.slice(ARTICLES.length).includes('/');
}

/** Whether an API request asks past every cache (live updates: `no-cache` or an ETag). */
function isLiveCheck(request, url) {
  return API_PREFIX !== '' && url.pathname.startsWith(API_PREFIX + '/')
    && (request.cache === 'no-cache' || request.cache === 'no-store' || request.headers.has('If-None-Match'));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(APP_CACHE);
    const cut = await fromLandingBundles(cache);
    await cache.addAll(PRECACHE.filter((url) => !cut.has(url)));
    // The first worker takes over at once; an update waits until the reader refreshes.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

/**
 * Puts into `cache` the chunk files of every landing bundle the browser's HTTP cache holds
 * (the one the page just loaded with), cut out of it, so the precache does not fetch them
 * again; returns their paths. A bundle not cached, or not as long as its files, is skipped.
 */
async function fromLandingBundles(cache) {
  const cut = new Set();
  for (const [href, parts] of Object.entries(LANDING)) {
    let buffer;
    try {
      const response = await fetch(href, { cache: 'only-if-cached', mode: 'same-origin' });
      if (!response.ok) continue;
      buffer = await response.arrayBuffer();
    } catch {
      continue;
    }
    if (buffer.byteLength !== parts.reduce((sum, [, length]) => sum + length, 0)) continue;
    let offset = 0;
    for (const [path, length] of parts) {
      if (!cut.has(path)) {
        const body = buffer.slice(offset, offset + length);
        await cache.put(path, new Response(body, { headers: { 'Content-Type': 'application/wasm' } }));
        cut.add(path);
      }
      offset += length;
    }
  }
  return cut;
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('gazette-app-') && key !== APP_CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (PRECACHE.includes(url.pathname)) {
    event.respondWith(cacheFirst(APP_CACHE, request));
  } else if (isLiveCheck(request, url)) {
    // A live update's question to the server itself (src/api.rs `revalidate`): answered by
    // the network, never by a kept copy.
    return;
  } else if (isArticle(url.pathname)) {
    event.respondWith(networkFirst(API_CACHE, request));
  } else if (API_PREFIX !== '' && url.pathname.startsWith(API_PREFIX + '/')) {
    event.respondWith(staleWhileRevalidate(API_CACHE, request, event));
  } else if (url.pathname.startsWith('/media/')) {
    event.respondWith(image(request));
  }
});

async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await keep(PAGE_CACHE, request, response.clone(), PAGE_LIMIT);
    return response;
  } catch (error) {
    const cached = (await caches.match(request, { cacheName: PAGE_CACHE, ...LOOKUP }))
      ?? (await caches.match('/', { cacheName: APP_CACHE, ...LOOKUP }));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(cacheName, request) {
  const cached = await caches.match(request, { cacheName, ...LOOKUP });
  return cached ?? fetch(request);
}

async function networkFirst(cacheName, request) {
  try {
    const response = await fetch(request);
    if (response.ok) await keep(cacheName, request, response.clone(), API_LIMIT);
    return response;
  } catch (error) {
    const cached = (await caches.match(request, { cacheName, ...LOOKUP }))
      ?? (await caches.match(request, { cacheName: SAVED_CACHE, ...LOOKUP }));
    if (cached) return cached;
    throw error;
  }
}

async function staleWhileRevalidate(cacheName, request, event) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, LOOKUP);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) await keep(cacheName, request, response.clone(), API_LIMIT);
    return response;
  });
  if (cached) {
    event.waitUntil(fresh.catch(() => undefined));
    return cached;
  }
  return fresh;
}

async function image(request) {
  const cached = (await caches.match(request, { cacheName: IMAGE_CACHE, ...LOOKUP }))
    ?? (await caches.match(request, { cacheName: SAVED_CACHE, ...LOOKUP }));
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await keep(IMAGE_CACHE, request, response.clone(), IMAGE_LIMIT);
  return response;
}

/** Stores a response, then drops the oldest entries beyond `limit`. */
async function keep(cacheName, request, response, limit) {
  const cache = await caches.open(cacheName);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(old);
}
