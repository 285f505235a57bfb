// The route-split release build in real Chromium: a first visit loads the main module and only
// its own page's chunks (named by the server's HTML, fetched with the main module); other pages' chunks load when the
// reader goes there; a chunk that cannot be fetched shows the error view and Retry recovers;
// after one visit the service worker has every chunk, so every kind of page opens offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteUnderTest } from './support.mjs';

const MEXICO = '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
const server = siteUnderTest();

/** The WebAssembly files the page fetches, by name without the content hash. */
function wasmRequests(page) {
  const names = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) names.push(path.slice(1).replace(/-[0-9a-f]{16}(_bg)?\.wasm$/, ''));
  });
  return names;
}

test('a landing page loads the main module and its own chunks only; the next page loads its own', async () => {
  const { context, page, problems } = await server.newReader();
  const html = await (await fetch(server.url + MEXICO)).text();
  assert.match(html, /<meta name="gazette-chunks" content="[^"]*\/split_article_page-[0-9a-f]{16}\.wasm">/);
  assert.match(html, /<link rel="modulepreload" href="\/__wasm_split-[0-9a-f]{16}\.js">/);
  assert.doesNotMatch(html, /split_home_page/);

  const loaded = wasmRequests(page);
  await page.goto(server.url + MEXICO);
  await page.locator('.article__body p').first().waitFor();
  assert.ok(loaded.includes('gazette'), `main module loaded: ${loaded}`);
  assert.ok(loaded.includes('split_article_page'), `article chunk loaded: ${loaded}`);
  for (const other of ['split_home_page', 'split_category_page', 'split_search_page', 'split_saved_page']) {
    assert.ok(!loaded.includes(other), `${other} is not loaded by an article`);
  }
  await page.locator('main .article__category').first().click();
  await page.locator('main .category-header h1').waitFor();
  assert.ok(loaded.includes('split_category_page'), `category chunk loaded on navigation: ${loaded}`);
  assert.ok(!loaded.includes('split_home_page'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page whose chunk cannot be fetched shows the error view, and Retry recovers', async () => {
  const { context, page } = await server.newReader();
  const blocked = /\/split_article_page-[0-9a-f]{16}\.wasm$/;
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
  await page.locator('.article__body p').first().waitFor();
  await context.close();
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
