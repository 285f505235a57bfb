// The installable app's browser side, called from src/pwa.rs: the service worker and news of
// a new build, the install offer, and the reader's saved articles in the Cache API.
// It is JavaScript because these APIs are all promises and events: their web-sys bindings
// and futures would cost the WebAssembly more bytes than this file. Nothing here throws at the
// caller; a browser without these APIs simply goes without.

/** The reader's saved articles and their images. The service worker never deletes it. */
const SAVED = 'gazette-saved-v1';
/** The service worker's cache of API answers (see scripts/sw-template.js). */
const API_CACHE_PREFIX = 'gazette-api-';

/** Whether `path` is one article's API path: `articles` (the contract's prefix) + a slug. */
function isArticlePath(path, articles) {
  return path.startsWith(articles) && path.length > articles.length && !path.slice(articles.length).includes('/');
}

/**
 * Registers the worker at `scriptUrl` (/sw.js with the API paths, from src/pwa.rs) and calls
 * `onUpdate()` when a new build's worker is installed and waiting,
 * now or later (the browser checks on every navigation; we also check when the reader comes
 * back to the tab, so a tab left open for days hears of new builds too).
 */
export function startWorker(scriptUrl, onUpdate) {
  const container = navigator.serviceWorker;
  if (!container) return;
  container.register(scriptUrl).then((registration) => {
    const announce = () => {
      if (registration.waiting && container.controller) onUpdate();
    };
    announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') announce();
      });
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }).catch(() => {});
}

/** Lets the waiting worker take over, then reloads once it controls the page. */
export function applyUpdate() {
  const container = navigator.serviceWorker;
  if (!container) return location.reload();
  container.getRegistration().then((registration) => {
    const waiting = registration?.waiting;
    if (!waiting) return location.reload();
    container.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage('skip-waiting');
  }).catch(() => location.reload());
}

/**
 * Calls `onChange(true)` when the browser offers to install the app (the event may have come
 * before the WebAssembly started: index.html keeps it in `window.gazetteInstall`) and
 * `onChange(false)` once it is installed.
 */
export function watchInstall(onChange) {
  if (window.gazetteInstall) onChange(true);
  addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    window.gazetteInstall = event;
    onChange(true);
  });
  addEventListener('appinstalled', () => {
    window.gazetteInstall = null;
    onChange(false);
  });
}

/** Shows the browser's install dialog; an offer can be used once. */
export async function install() {
  const offer = window.gazetteInstall;
  window.gazetteInstall = null;
  if (!offer) return;
  try {
    await offer.prompt();
  } catch {
    // The browser withdrew the offer; it sends a new one when it can.
  }
}

/** The URLs of a space-separated list (the picture's files). */
const urlsOf = (list) => (list ?? '').split(' ').filter((url) => url !== '');

/**
 * Keeps an article (its API answer) and its picture's files (space-separated URLs: every size
 * a page may pick) for reading offline. Rejects on failure.
 */
export async function saveArticle(articleUrl, imageUrls) {
  const cache = await caches.open(SAVED);
  await keep(cache, articleUrl);
  await Promise.all(urlsOf(imageUrls).map((url) => keep(cache, url).catch(() => {})));
  // Ask the browser not to evict the reader's saved articles under storage pressure.
  navigator.storage?.persist?.().catch(() => {});
}

/** Fetches `url` into `cache`; offline, copies the answer the service worker already has. */
async function keep(cache, url) {
  try {
    await cache.add(url);
  } catch (error) {
    const copy = await caches.match(url, { ignoreVary: true });
    if (!copy) throw error;
    await cache.put(url, copy);
  }
}

/** Forgets a saved article and its picture's files. */
export async function removeArticle(articleUrl, imageUrls) {
  const cache = await caches.open(SAVED);
  await cache.delete(articleUrl, { ignoreVary: true });
  await Promise.all(urlsOf(imageUrls).map((url) => cache.delete(url, { ignoreVary: true })));
}

/** Whether the article at `articleUrl` is saved. */
export async function isSaved(articleUrl) {
  if (!self.caches) return false;
  const cache = await caches.open(SAVED);
  return (await cache.match(articleUrl, { ignoreVary: true })) !== undefined;
}

/** The saved articles, newest first, as a JSON array of article answers. */
export async function savedArticles(articles) {
  return JSON.stringify(await articlesIn([SAVED], articles));
}

/** Every article readable offline (saved or cached by the worker), as a JSON array. */
export async function offlineArticles(articles) {
  if (!self.caches) return '[]';
  const names = (await caches.keys()).filter((name) => name === SAVED || name.startsWith(API_CACHE_PREFIX));
  return JSON.stringify(await articlesIn(names, articles));
}

/**
 * The article answers stored in the caches `names` under the API path prefix `articles`,
 * newest first, each article once. The app reads their summary fields (src/pwa.rs).
 */
async function articlesIn(names, articles) {
  const found = new Map();
  if (!self.caches) return [];
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of (await cache.keys()).reverse()) {
      if (!isArticlePath(new URL(request.url).pathname, articles)) continue;
      try {
        const article = await (await cache.match(request)).json();
        const key = `${article.lang}/${article.slug}`;
        if (found.has(key)) continue;
        found.set(key, article);
      } catch {
        // Not an article answer (an error page kept by mistake): skip it.
      }
    }
  }
  return [...found.values()];
}
