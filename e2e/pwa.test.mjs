// The installable app in real Chromium: the manifest makes the site installable, the service
// worker serves the app code on repeat visits, and visited pages render offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchProfile, siteUnderTest } from './support.mjs';

const MEXICO = '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
const server = siteUnderTest();

/** A reader whose browser runs service workers, with the worker in control of the page. */
async function readerWithWorker() {
  const reader = await server.newReader({ serviceWorkers: 'allow' });
  await reader.page.goto(server.url + '/');
  await reader.page.locator('.card--lead').waitFor();
  await reader.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  return reader;
}

test('the manifest is complete and Chromium finds the site installable', async () => {
  const manifest = await (await fetch(server.url + '/manifest.webmanifest')).json();
  assert.equal(manifest.short_name, 'Gazette');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, '/');
  const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
  assert.deepEqual(sizes, ['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const response = await fetch(server.url + icon.src);
    assert.equal(response.headers.get('content-type'), 'image/png');
  }
  assert.deepEqual(manifest.shortcuts.map((shortcut) => shortcut.url), ['/', '/search']);

  // Installability is not judged in incognito profiles, so this uses a profile on disk.
  const profile = await launchProfile();
  const page = await profile.context.newPage();
  await page.goto(server.url + '/');
  await page.locator('.card--lead').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  const cdp = await profile.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  await profile.close();
});

test('a repeat visit loads no app code from the network', async () => {
  const { context, page, problems } = await readerWithWorker();
  const appCode = [];
  page.on('response', (response) => {
    if (/\.(wasm|js|css)$/.test(new URL(response.url()).pathname)) appCode.push(response);
  });
  await page.reload();
  await page.locator('.card--lead').waitFor();
  assert.ok(appCode.length >= 3, 'wasm, JS and CSS were loaded');
  for (const response of appCode) {
    assert.ok(response.fromServiceWorker(), `${response.url()} came from the network`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('visited pages render offline', async () => {
  const { context, page } = await readerWithWorker();
  await page.goto(server.url + MEXICO);
  await page.locator('.article__body p').first().waitFor();
  await context.setOffline(true);
  await page.reload();
  await page.locator('.article__title', { hasText: 'Mexico and Azerbaijan' }).waitFor();
  await page.goto(server.url + '/');
  await page.locator('.card--lead').waitFor();
  const banner = page.locator('.offline-banner');
  assert.match(await banner.textContent(), /You are offline/);
  await context.setOffline(false);
  await banner.waitFor({ state: 'detached' });
  await context.close();
});
