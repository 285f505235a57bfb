// The installable app in real Chromium: the manifest makes the site installable, the service
// worker serves the app code on repeat visits, visited and saved pages render offline, a new
// build is announced with Refresh, and the browser's install offer becomes "Install app".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile, siteUnderTest, startServer } from './support.mjs';

const MEXICO = '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
const server = siteUnderTest();

/** A reader whose browser runs service workers, with the worker in control of the page. */
async function readerWithWorker() {
  const reader = await server.newReader({ serviceWorkers: 'allow' });
  await reader.page.goto(server.url + '/');
  await reader.page.locator('main .card--lead').waitFor();
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
  await page.locator('main .card--lead').waitFor();
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
    if (/\.(wasm|bin|js|css)$/.test(new URL(response.url()).pathname)) appCode.push(response);
  });
  await page.reload();
  await page.locator('main .card--lead').waitFor();
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
  await page.locator('main .article__body p').first().waitFor();
  await context.setOffline(true);
  await page.reload();
  await page.locator('main .article__title', { hasText: 'Mexico and Azerbaijan' }).waitFor();
  await page.goto(server.url + '/');
  await page.locator('main .card--lead').waitFor();
  const banner = page.locator('.offline-banner');
  assert.match(await banner.textContent(), /You are offline/);
  await context.setOffline(false);
  await banner.waitFor({ state: 'detached' });
  await context.close();
});

test('an unvisited article offline shows the offline view with the articles available offline', async () => {
  const { context, page, problems } = await readerWithWorker();
  await page.goto(server.url + MEXICO);
  await page.locator('main .article__body p').first().waitFor();
  await context.setOffline(true);
  await page.goto(server.url + '/article/an-article-nobody-opened');
  const view = page.locator('.offline-view');
  await view.waitFor();
  assert.match(await view.locator('h2').textContent(), /You are offline/);
  const link = view.locator('a', { hasText: 'Mexico and Azerbaijan' });
  await link.click();
  await page.locator('main .article__title', { hasText: 'Mexico and Azerbaijan' }).waitFor();
  await context.setOffline(false);
  // Failed requests while offline are logged by Chromium as console errors; nothing else is.
  assert.deepEqual(problems.filter((problem) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(problem)), []);
  await context.close();
});

test('a saved article opens offline after the browser restarts, and Remove forgets it', async () => {
  const profile = await launchProfile();
  let page = await profile.context.newPage();
  await page.goto(server.url + MEXICO);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  const save = page.locator('.save-button');
  assert.equal(await save.getAttribute('aria-pressed'), 'false');
  await save.click();
  await page.locator('.save-button[aria-pressed="true"]', { hasText: 'Saved' }).waitFor();
  await page.locator('.toast', { hasText: 'Saved for reading offline' }).waitFor();

  // The reader quits the browser, and opens it again on the metro, without network.
  // Pictures seen in passing are in a bounded cache that may have dropped them by then:
  // only what was saved with the article counts.
  const context = await profile.restart();
  page = await context.newPage();
  await page.goto(server.url + '/saved');
  assert.ok(await page.evaluate(() => caches.delete('gazette-images-v1')), 'the passing cache is gone');
  await context.setOffline(true);
  await page.reload();
  const card = page.locator('.saved-item .card__title a', { hasText: 'Mexico and Azerbaijan' });
  await card.waitFor({ timeout: 20_000 });
  const cardImage = page.locator('.saved-item .card__image');
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await cardImage.elementHandle());
  await card.click();
  await page.locator('main .article__title', { hasText: 'Mexico and Azerbaijan' }).waitFor();
  await page.locator('main .article__body p').first().waitFor();
  const image = page.locator('main .article__image');
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
  assert.equal(await page.locator('.save-button').getAttribute('aria-pressed'), 'true');

  await page.goto(server.url + '/saved');
  await page.locator('.saved-item__remove').click();
  await page.locator('.list__empty', { hasText: 'Nothing saved yet' }).waitFor();
  await profile.close();
});

test('a new build is announced, and Refresh switches the page to it', async () => {
  // The build being replaced, served from a data directory both servers share.
  const dataDir = mkdtempSync(join(tmpdir(), 'gazette-update-'));
  const first = await startServer({ dataDir });
  // The next build: the same files with a changed shell, finished by the real post-build step
  // (new worker version, precompressed files).
  const nextBuild = mkdtempSync(join(tmpdir(), 'gazette-next-build-'));
  cpSync(process.env.GAZETTE_DIST ?? 'dist', nextBuild, { recursive: true });
  const index = join(nextBuild, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', '<meta name="gazette-build" content="next"></head>'));
  execFileSync(process.execPath, ['scripts/postbuild.mjs', '--shell-only', nextBuild], { stdio: 'ignore' });
  const nextVersion = readFileSync(join(nextBuild, 'sw.js'), 'utf8').match(/const VERSION = '([0-9a-f]+)'/)[1];

  const { context, page, problems } = await server.newReader({ serviceWorkers: 'allow' });
  await page.goto(first.url + '/');
  await page.locator('main .card--lead').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  const prompt = page.locator('.app-prompt', { hasText: 'New version available' });
  assert.equal(await prompt.count(), 0, 'no prompt before a new build exists');
  // The page's pictures (drawn on their first request) are in before the server goes away.
  await page.waitForLoadState('networkidle');

  // Deploy: the server restarts on the same address with the next build.
  await first.stop({ keepData: true });
  const second = await startServer({ dataDir, listen: new URL(first.url).host, dist: nextBuild });
  await page.reload();
  await prompt.waitFor({ timeout: 20_000 });
  assert.ok(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting !== null));

  const appCode = [];
  page.on('response', (response) => {
    if (/\.(wasm|bin|js|css)$/.test(new URL(response.url()).pathname)) appCode.push(response);
  });
  await Promise.all([
    page.waitForEvent('load'),
    prompt.getByRole('button', { name: 'Refresh' }).click(),
  ]);
  await page.locator('main .card--lead').waitFor();
  // The new worker controls the page, its cache is the only app cache, and it served the code.
  const state = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return {
      waiting: registration.waiting !== null,
      controlled: navigator.serviceWorker.controller !== null,
      appCaches: (await caches.keys()).filter((name) => name.startsWith('gazette-app-')),
      marker: document.querySelector('meta[name=gazette-build]')?.content ?? null,
    };
  });
  assert.deepEqual(state, { waiting: false, controlled: true, appCaches: [`gazette-app-${nextVersion}`], marker: 'next' });
  assert.ok(appCode.length >= 3);
  for (const response of appCode) assert.ok(response.fromServiceWorker(), `${response.url()} came from the network`);
  assert.equal(await prompt.count(), 0, 'the prompt is gone after the refresh');
  assert.deepEqual(problems, []);
  await context.close();
  await second.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(nextBuild, { recursive: true, force: true });
});

test('"Install app" appears when Chromium offers installation and goes once installed', async () => {
  // Chromium offers installation (beforeinstallprompt) only to engaged visitors; the flag
  // waives the engagement check so a test can see the real event.
  const profile = await launchProfile({ args: ['--bypass-app-banner-engagement-checks'] });
  const page = await profile.context.newPage();
  await page.goto(server.url + '/');
  const install = page.locator('.app-prompt').getByRole('button', { name: 'Install app' });
  await install.waitFor({ timeout: 20_000 });
  // The prompt grows upwards out of the fixed bottom stack, whose own box stays where it was:
  // a box that moves when something appears in it is a layout shift (Lighthouse counted one).
  const stack = await page.locator('.bottom-stack').evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { top: box.top, height: box.height, viewport: innerHeight };
  });
  assert.ok(stack.height <= 17 && Math.abs(stack.top + stack.height - stack.viewport) <= 1, JSON.stringify(stack));
  const prompt = await install.evaluate((element) => element.getBoundingClientRect().bottom);
  assert.ok(prompt <= stack.top + 1 && prompt > stack.top - 40, `the prompt sits just above the stack's bottom margin: ${prompt}`);
  const footerInstall = page.locator('.site-footer').getByRole('button', { name: 'Install app' });
  await footerInstall.waitFor();
  const headerInstall = page.locator('.site-header').getByRole('button', { name: 'Install app' });
  await headerInstall.waitFor();
  // Headless Chromium cannot finish an installation, so the test sends the event a finished
  // installation sends.
  await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
  await install.waitFor({ state: 'detached' });
  await footerInstall.waitFor({ state: 'detached' });
  await headerInstall.waitFor({ state: 'detached' });

  // "Not now" is remembered.
  await page.reload();
  await install.waitFor({ timeout: 20_000 });
  await page.locator('.app-prompt').getByRole('button', { name: 'Not now' }).click();
  await install.waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('.site-footer').getByRole('button', { name: 'Install app' }).waitFor({ timeout: 20_000 });
  assert.equal(await install.count(), 0);
  await profile.close();
});
