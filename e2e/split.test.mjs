// The route-split release build in real Chromium: a first visit loads the main module and only
// its own page's chunks (named by the server's HTML, fetched with the main module as one
// landing bundle); other pages' chunks load one by one when the reader goes there; a chunk that cannot be fetched shows the error view and Retry recovers;
// after one visit the service worker has every chunk, so every kind of page opens offline; a
// deploy while a page is open never gives one page code from two builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteUnderTest, startServer } from './support.mjs';

const MEXICO = '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
const server = siteUnderTest();

/** The WebAssembly files (and landing bundles) the page fetches, by name without the content hash. */
function wasmRequests(page) {
  const names = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/\.(wasm|bin)$/.test(path)) names.push(path.slice(1).replace(/-[0-9a-f]{16}(_bg)?\.(wasm|bin)$/, ''));
  });
  return names;
}

test('a landing page loads the main module and its own chunks only; the next page loads its own', async () => {
  const { context, page, problems } = await server.newReader();
  const html = await (await fetch(server.url + MEXICO)).text();
  assert.match(html, /<meta name="gazette-chunks" content="[^"]*\/split_article_page-[0-9a-f]{16}\.wasm">/);
  assert.match(html, /<meta name="gazette-bundle" content="\/bundle_article_page-[0-9a-f]{16}\.bin" data-lengths="[0-9]+( [0-9]+)*">/);
  assert.match(html, /<link rel="modulepreload" href="\/__wasm_split-[0-9a-f]{16}\.js">/);
  assert.doesNotMatch(html, /split_home_page|bundle_home_page/);

  const loaded = wasmRequests(page);
  // How each module is compiled: streamed from its response, or from bytes in memory.
  await page.addInitScript(() => {
    window.compiled = { streamed: 0, fromBytes: 0 };
    const { instantiate, instantiateStreaming } = WebAssembly;
    WebAssembly.instantiateStreaming = (...args) => {
      window.compiled.streamed += 1;
      return instantiateStreaming(...args);
    };
    WebAssembly.instantiate = (source, ...rest) => {
      if (!(source instanceof WebAssembly.Module)) window.compiled.fromBytes += 1;
      return instantiate(source, ...rest);
    };
  });
  await page.goto(server.url + MEXICO);
  await page.locator('main .article__body p').first().waitFor();
  assert.ok(loaded.includes('gazette'), `main module loaded: ${loaded}`);
  // The article's chunks came in its landing bundle, one request: no chunk file on its own.
  assert.deepEqual(loaded.filter((name) => name !== 'gazette'), ['bundle_article_page'], `${loaded}`);
  // The main module streams as it downloads; the bundle's chunks, already whole in memory,
  // compile from their bytes (off the main thread, not all in the task the bundle came in).
  const chunkCount = (await page.locator('meta[name=gazette-chunks]').getAttribute('content')).split(' ').length;
  assert.deepEqual(await page.evaluate(() => window.compiled), { streamed: 1, fromBytes: chunkCount });
  await page.locator('main .article__category').first().click();
  await page.locator('main .category-header h1').waitFor();
  assert.ok(loaded.includes('split_category_page'), `category chunk loaded on navigation: ${loaded}`);
  // Chunks fetched on their own stream as before.
  const compiled = await page.evaluate(() => window.compiled);
  assert.ok(compiled.streamed > 1 && compiled.fromBytes === chunkCount, JSON.stringify(compiled));
  assert.ok(!loaded.includes('split_home_page'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page whose chunk cannot be fetched shows the error view, and Retry recovers', async () => {
  const { context, page } = await server.newReader();
  // Lost network: the landing bundle and the article's chunk file on its own both fail.
  const blocked = /\/(split|bundle)_article_page-[0-9a-f]{16}\.(wasm|bin)$/;
  await page.route(blocked, (route) => route.abort('connectionfailed'));
  await page.goto(server.url + MEXICO);
  const error = page.locator('main .error-view');
  await error.waitFor();
  assert.match(await error.textContent(), /network|connection/i);
  // The rest of the app still answers: the header's links are there and work.
  await page.locator('header a[href="/"]').first().waitFor();
  await page.unroute(blocked);
  await error.locator('button', { hasText: 'Retry' }).click();
  await page.locator('main .article__title', { hasText: 'Mexico and Azerbaijan' }).waitFor();
  await page.locator('main .article__body p').first().waitFor();
  await context.close();
});

test('a first visit whose landing bundle fails, or does not hold what the page says, loads its chunks one by one', async () => {
  for (const broken of [
    (route) => route.abort('connectionfailed'),
    // Cut short (a proxy that truncates, a manifest that does not match the files).
    async (route) => {
      const whole = await route.fetch();
      route.fulfill({ response: whole, body: (await whole.body()).subarray(0, 1000) });
    },
  ]) {
    const { context, page, problems } = await server.newReader();
    await page.route(/\/bundle_article_page-[0-9a-f]{16}\.bin$/, broken);
    const loaded = wasmRequests(page);
    await page.goto(server.url + MEXICO);
    await page.locator('main .article__title', { hasText: 'Mexico and Azerbaijan' }).waitFor();
    await page.locator('main .article__body p').first().waitFor();
    assert.ok(loaded.includes('bundle_article_page') && loaded.includes('split_article_page'), `${loaded}`);
    assert.deepEqual(problems.filter((line) => !/Failed to load resource|bundle_article_page/.test(line)), []);
    await context.close();
  }
});

/** A proxy in front of `target` that counts the requests for each path reaching the server. */
async function countingProxy(target) {
  const counts = new Map();
  const proxy = http.createServer((request, response) => {
    const path = new URL(request.url, target).pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const upstream = http.request(new URL(request.url, target), { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${proxy.address().port}`,
    counts,
    close: () => new Promise((resolve) => { proxy.closeAllConnections(); proxy.close(resolve); }),
  };
}

test('the worker of a first visit cuts the landing chunks out of the bundle instead of downloading them again', async () => {
  const proxy = await countingProxy(server.url);
  const { context, page, problems } = await server.newReader({ serviceWorkers: 'allow' });
  await page.goto(proxy.url + '/');
  await page.locator('main .card--lead').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  const bundle = await page.locator('meta[name=gazette-bundle]').getAttribute('content');
  const files = (await page.locator('meta[name=gazette-chunks]').getAttribute('content')).split(' ');
  assert.equal(proxy.counts.get(bundle), 1, 'the bundle came once');
  for (const file of files) assert.equal(proxy.counts.get(file) ?? 0, 0, `${file} did not come on its own`);
  // The rest of the app was precached from the network, once per file.
  const article = [...proxy.counts.keys()].find((path) => /^\/split_article_page-/.test(path));
  assert.equal(proxy.counts.get(article), 1, `the article's chunk was precached: ${[...proxy.counts.keys()]}`);
  // The worker's copies are whole modules: offline, the front page starts from them (and an
  // article never opened, from the chunks precached from the network, says it is offline).
  await context.setOffline(true);
  await page.reload();
  await page.locator('main .card--lead').waitFor();
  await page.locator('main .card__title a').first().click();
  await page.locator('main .offline-view').waitFor();
  await context.setOffline(false);
  assert.deepEqual(problems.filter((line) => !line.includes('Failed to load resource')), []);
  await context.close();
  await proxy.close();
});

test('after one visit every kind of page opens offline from the chunks the worker keeps', async () => {
  const { context, page } = await server.newReader({ serviceWorkers: 'allow' });
  await page.goto(server.url + '/');
  await page.locator('main .card--lead').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  const loaded = wasmRequests(page);
  await context.setOffline(true);
  await page.goto(server.url + '/saved');
  await page.locator('main h1').waitFor();
  assert.match(await page.locator('main h1').textContent(), /Saved/);
  // A section never opened: its chunk comes from the worker (the page's own frame is drawn);
  // its news need the network, so the section says the reader is offline.
  await page.goto(server.url + '/category/sport');
  await page.locator('main .category-header-slot').waitFor();
  await page.locator('main .offline-view').waitFor();
  assert.ok(loaded.includes('split_saved_page') && loaded.includes('split_category_page'), `${loaded}`);
  await context.setOffline(false);
  await context.close();
});

/** Top-level code files of a build: `name-<16 hex>(_bg).wasm|js|bin`, the hex part of the name. */
const CODE_FILE = /^(.+)-([0-9a-f]{16})((?:_bg)?\.(?:wasm|js|bin))$/;

/**
 * Another build of the same app, as a deploy brings it: every code file (main module, its
 * JavaScript, the chunk loader, every chunk) under a name this build does not use, every
 * reference to them (inside the other code files too, the manifest, index.html and its
 * integrity values) rewritten, then the real post-build step (service worker, compression).
 * Returns its directory and the names of both builds' code files.
 */
function nextBuildOf(dist) {
  const next = mkdtempSync(join(tmpdir(), 'gazette-next-build-'));
  cpSync(dist, next, { recursive: true });
  const renames = new Map();
  for (const name of readdirSync(next)) {
    const code = name.match(CODE_FILE);
    if (code) renames.set(code[2], createHash('sha256').update(`next ${code[2]}`).digest('hex').slice(0, 16));
  }
  const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const integrity = new Map();
  const rewrite = (bytes) => {
    let text = bytes.toString('latin1');
    for (const [from, to] of renames) text = text.replaceAll(from, to);
    return Buffer.from(text, 'latin1');
  };
  const old = new Set(), renamed = new Set();
  for (const name of readdirSync(next)) {
    if (/\.(br|gz)$/.test(name) || name === 'sw.js') { rmSync(join(next, name)); continue; }
    if (!/\.(wasm|js|json|html|bin)$/.test(name)) continue;
    const before = readFileSync(join(next, name));
    const after = rewrite(before);
    integrity.set(sri(before), sri(after));
    writeFileSync(join(next, name), after);
    const code = name.match(CODE_FILE);
    if (!code) continue;
    const newName = `${code[1]}-${renames.get(code[2])}${code[3]}`;
    renameSync(join(next, name), join(next, newName));
    old.add(name);
    renamed.add(newName);
  }
  const index = join(next, 'index.html');
  let html = readFileSync(index, 'utf8');
  for (const [from, to] of integrity) html = html.replaceAll(from, to);
  writeFileSync(index, html.replace('</head>', '<meta name="gazette-build" content="next"></head>'));
  execFileSync(process.execPath, ['scripts/postbuild.mjs', '--shell-only', next], { stdio: 'ignore' });
  return { dir: next, first: old, next: renamed };
}

/** The code files each document of the page loaded (a reload starts a new list). */
function codePerDocument(page) {
  const documents = [[]];
  // A new document is a navigation request (the app's own page changes are not).
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) documents.push([]);
  });
  page.on('response', (response) => {
    const name = new URL(response.url()).pathname.slice(1);
    if (CODE_FILE.test(name)) documents.at(-1).push({ name, ok: response.ok() });
  });
  return () => documents.filter((names) => names.length > 0);
}

test('a deploy while a page is open: the page keeps its own build, Refresh or Retry moves it whole to the new one', async () => {
  const dist = process.env.GAZETTE_DIST ?? 'dist';
  const build = nextBuildOf(dist);
  assert.ok(build.first.size > 10 && build.first.size === build.next.size, 'every code file has a new name');
  const dataDir = mkdtempSync(join(tmpdir(), 'gazette-deploy-'));
  let site = await startServer({ dataDir });
  const host = new URL(site.url).host;
  const deploy = async (dist) => {
    await site.stop({ keepData: true });
    site = await startServer({ dataDir, listen: host, dist });
  };
  const buildOf = (names) => [...new Set(names.map(({ name }) => (build.first.has(name) ? 'first' : build.next.has(name) ? 'next' : name)))];
  try {
    // A reader with the service worker: the open page goes on with its own build.
    const withWorker = await server.newReader({ serviceWorkers: 'allow' });
    let documents = codePerDocument(withWorker.page);
    await withWorker.page.goto(site.url + '/');
    await withWorker.page.locator('main .card--lead').waitFor();
    await withWorker.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await withWorker.page.waitForLoadState('networkidle');
    await deploy(build.dir);
    // An article was never opened: its chunk is needed now, after the deploy.
    await withWorker.page.locator('main .card--lead .card__title a').click();
    await withWorker.page.locator('main .article__body p').first().waitFor();
    // The worker hears of the new build (the app asks when the reader comes back to the tab;
    // the browser on a full navigation): the reader is offered it, nothing switches by itself.
    await withWorker.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const prompt = withWorker.page.locator('.app-prompt', { hasText: 'New version available' });
    await prompt.waitFor({ timeout: 20_000 });
    await Promise.all([
      withWorker.page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Refresh' }).click(),
    ]);
    await withWorker.page.locator('main .article__body p').first().waitFor();
    assert.equal(await withWorker.page.locator('meta[name=gazette-build]').getAttribute('content'), 'next');
    const seen = documents();
    assert.equal(seen.length, 2, `two documents: ${JSON.stringify(seen)}`);
    assert.deepEqual(seen.map(buildOf), [['first'], ['next']], 'each document ran one build');
    assert.ok(seen[0].some(({ name }) => name.startsWith('split_article_page-')), 'the old page loaded its own article chunk after the deploy');
    assert.ok(seen.flat().every(({ ok }) => ok), 'every code file arrived');
    assert.deepEqual(withWorker.problems, []);
    await withWorker.context.close();

    // A reader without a worker: the old page's chunk is gone from the server; the page
    // says so, and Retry loads the new build whole.
    await deploy(dist);
    const without = await server.newReader();
    documents = codePerDocument(without.page);
    await without.page.goto(site.url + '/');
    await without.page.locator('main .card--lead').waitFor();
    await deploy(build.dir);
    await without.page.locator('main .card--lead .card__title a').click();
    const error = without.page.locator('main .error-view');
    await error.waitFor();
    await Promise.all([
      without.page.waitForEvent('load'),
      error.locator('button', { hasText: 'Retry' }).click(),
    ]);
    await without.page.locator('main .article__body p').first().waitFor();
    const [before, after, ...rest] = documents();
    assert.equal(rest.length, 0);
    assert.deepEqual([buildOf(before), buildOf(after)], [['first'], ['next']], 'each document ran one build');
    assert.ok(before.some(({ ok }) => !ok), 'the old page asked for a chunk the new server does not have');
    assert.ok(after.every(({ ok }) => ok));
    await without.context.close();
  } finally {
    await site.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(build.dir, { recursive: true, force: true });
  }
});
