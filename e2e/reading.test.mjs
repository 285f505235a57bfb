// Reading progress and return (issue 13), in real Chromium against the real server: on an
// article a thin progress bar follows the text (eased only when the reader allows motion), "Back
// to top" appears a screen down and takes the reader (and keyboard focus) back up, and the
// position is kept in localStorage: after a reload the bar says the same, and the front page in
// the article's language offers "Continue reading", which opens the article where the reader
// stopped; read to the end, it is no longer offered. In English on a phone and in Russian on a
// desktop, where the offer also shows offline and can be dismissed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteUnderTest, startReading } from './support.mjs';

const MEXICO = '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
const MEXICO_RU = '/ru/article/meksika-i-azerbaydzhan-otmechayut-33-goda-diplomaticheskikh-otnosheniy';
const server = siteUnderTest();

/** Scrolls so that `share` of the article's text is above the bottom of the screen. */
async function scrollToShare(page, share) {
  await page.evaluate((share) => {
    const text = document.querySelector('main .article__text').getBoundingClientRect();
    window.scrollTo(0, window.scrollY + text.top + share * text.height - window.innerHeight);
  }, share);
}

/** Waits until the progress bar says `percent` (give or take two). */
async function waitForProgress(page, percent) {
  await page.waitForFunction((percent) => {
    const bar = document.querySelector('.reading-progress[role=progressbar]');
    return bar && Math.abs(Number(bar.getAttribute('aria-valuenow')) - percent) <= 2;
  }, percent);
}

/** The positions kept in localStorage. */
const kept = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('gazette.reading') ?? '[]'));

/** Waits until the kept position in the article is about `share`. */
async function waitForKept(page, slug, share) {
  await page.waitForFunction(({ slug, share }) => {
    const positions = JSON.parse(localStorage.getItem('gazette.reading') ?? '[]');
    return positions.some((position) => position.slug === slug && Math.abs(position.permille / 1000 - share) < 0.03);
  }, { slug, share });
}

test('an article\'s progress bar, Back to top and Continue reading after reloads (English, phone)', async () => {
  const { context, page, problems } = await server.newReader({ viewport: { width: 390, height: 844 } });
  const slug = MEXICO.split('/').pop();
  await page.goto(server.url + MEXICO);
  await startReading(page);
  const bar = page.locator('.reading-progress[role=progressbar]');
  await bar.waitFor({ state: 'attached' });
  assert.equal(await bar.getAttribute('aria-label'), 'Reading progress');
  assert.ok(Number(await bar.getAttribute('aria-valuenow')) < 40, 'the top of the article is not half read');
  // The bar eases its movement for a reader who allows motion.
  assert.equal(await page.locator('.reading-progress__bar').evaluate((bar) => getComputedStyle(bar).transitionDuration), '0.15s');
  const backToTop = page.locator('main .back-to-top');
  assert.equal(await backToTop.isVisible(), false, 'no Back to top on the first screen');
  assert.deepEqual(await kept(page), [], 'nothing kept before the reader scrolls');

  await scrollToShare(page, 0.6);
  await waitForProgress(page, 60);
  assert.match(await bar.getAttribute('aria-valuetext'), /^\d+% read$/);
  const scale = await page.locator('.reading-progress__bar').evaluate((bar) => bar.style.transform);
  assert.match(scale, /^scaleX\(0\.(5[89]|6[0-2]?)\d*\)$/);
  await backToTop.waitFor();
  assert.equal((await backToTop.textContent()).trim(), '↑Back to top');
  await waitForKept(page, slug, 0.6);
  const [position] = await kept(page);
  assert.equal(position.lang, 'en');
  assert.match(position.title, /^Mexico and Azerbaijan/);

  // A reload comes back to the same place, and the bar says so.
  await page.reload();
  await bar.waitFor({ state: 'attached' });
  await waitForProgress(page, 60);

  // Back to top: the top of the page, keyboard focus on its content.
  await backToTop.waitFor();
  await backToTop.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.scrollY === 0);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await backToTop.waitFor({ state: 'hidden' });

  // The front page offers the article; it stays offered after a reload.
  await scrollToShare(page, 0.6);
  await waitForProgress(page, 60);
  await waitForKept(page, slug, 0.6);
  await page.goto(server.url + '/');
  const offer = page.locator('main .continue-reading');
  await offer.waitFor();
  assert.equal(await offer.locator('h2').textContent(), 'Continue reading');
  assert.match(await offer.locator('.continue-reading__progress').textContent(), /^(59|60|61)% read$/);
  await page.reload();
  await offer.waitFor();
  const link = offer.locator('a.continue-reading__link');
  assert.equal(await link.getAttribute('href'), MEXICO);
  assert.match(await link.textContent(), /^Mexico and Azerbaijan/);
  // …only in its own language.
  const ruPage = await context.newPage();
  await ruPage.goto(server.url + '/ru');
  await ruPage.locator('main .card--lead').waitFor();
  await ruPage.waitForLoadState('networkidle');
  await ruPage.waitForTimeout(300);
  assert.equal(await ruPage.locator('.continue-reading').count(), 0);
  await ruPage.close();

  // It opens the article where the reader stopped.
  await page.evaluate(() => { window.sameDocument = true; });
  await link.click();
  await page.waitForURL('**' + MEXICO);
  await waitForProgress(page, 60);
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'opened inside the app');

  // Read to the end, it is no longer offered.
  await scrollToShare(page, 1);
  await waitForProgress(page, 100);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('gazette.reading') ?? '[]').length === 0);
  await page.goto(server.url + '/');
  await page.locator('main .card--lead').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.continue-reading').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Russian: progress without motion, Continue reading offline, and the offer dismissed', async () => {
  const { context, page, problems } = await server.newReader({
    viewport: { width: 1366, height: 900 },
    reducedMotion: 'reduce',
    serviceWorkers: 'allow',
  });
  const slug = MEXICO_RU.split('/').pop();
  // A first visit installs the service worker, which keeps the app for offline use.
  await page.goto(server.url + '/ru');
  await page.locator('main .card--lead').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

  await page.goto(server.url + MEXICO_RU);
  await startReading(page);
  const bar = page.locator('.reading-progress[role=progressbar]');
  await bar.waitFor({ state: 'attached' });
  assert.equal(await bar.getAttribute('aria-label'), 'Прогресс чтения');
  assert.equal(await page.locator('.reading-progress__bar').evaluate((bar) => getComputedStyle(bar).transitionDuration), '0s');
  await scrollToShare(page, 0.7);
  await waitForProgress(page, 70);
  assert.match(await bar.getAttribute('aria-valuetext'), /^Прочитано \d+%$/);
  assert.equal((await page.locator('main .back-to-top').textContent()).trim(), '↑Наверх');
  await waitForKept(page, slug, 0.7);
  await page.reload();
  await bar.waitFor({ state: 'attached' });
  await waitForProgress(page, 70);

  // Offline, the front page still offers it (the position is local).
  await context.setOffline(true);
  await page.goto(server.url + '/ru');
  const offer = page.locator('main .continue-reading');
  await offer.waitFor();
  assert.equal(await offer.locator('h2').textContent(), 'Продолжить чтение');
  assert.match(await offer.locator('.continue-reading__progress').textContent(), /^Прочитано (69|70|71)%$/);
  assert.equal(await offer.locator('a').getAttribute('href'), MEXICO_RU);
  await context.setOffline(false);

  // "Hide this suggestion" forgets it, for good.
  const dismiss = offer.getByRole('button', { name: 'Скрыть это предложение' });
  await dismiss.click();
  await offer.waitFor({ state: 'detached' });
  assert.deepEqual(await kept(page), []);
  await page.reload();
  await page.locator('main .card--lead').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.continue-reading').count(), 0);
  assert.deepEqual(problems.filter((line) => !line.includes('Failed to load resource')), []);
  await context.close();
});

test('the reading tools are a chunk of their own, fetched once the reader starts reading', async () => {
  const { context, problems } = await server.newReader({ viewport: { width: 390, height: 844 } });
  /** Opens `path` in a new tab of `reader`, listing the WebAssembly files it fetches. */
  async function open(reader, path) {
    const page = await reader.newPage();
    page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
    const fetched = [];
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname;
      if (/\.(wasm|bin)$/.test(name)) fetched.push(name.slice(1).replace(/-[0-9a-f]{16}(_bg)?\.(wasm|bin)$/, ''));
    });
    await page.goto(server.url + path);
    return { page, fetched };
  }
  /** Where a page's own chunk came in `fetched`: on its own, or in the landing bundle of a first visit. */
  const own = (fetched, split) => {
    const at = fetched.findIndex((name) => name === `split_${split}` || name === `bundle_${split}`);
    assert.ok(at >= 0, `the ${split} chunk was fetched: ${fetched}`);
    return at;
  };
  const toolsFetched = (page) => page.waitForFunction(() => performance.getEntriesByType('resource')
    .some((entry) => entry.name.includes('split_reader_tools')));
  // The server's pages name their own chunks to fetch with the app, never the tools'.
  for (const [path, own] of [[MEXICO, 'split_article_page'], ['/', 'split_home_page']]) {
    const html = await (await fetch(server.url + path)).text();
    assert.match(html, new RegExp(`<meta name="gazette-chunks" content="[^"]*${own}-`));
    assert.doesNotMatch(html, /split_reader_tools/);
  }
  // An article fetches them only once the reader starts reading (a reader who only glances at
  // it does not pay for them), after its own chunk.
  const article = await open(context, MEXICO);
  await article.page.locator('main .article__body p').first().waitFor();
  await article.page.waitForLoadState('networkidle');
  await article.page.waitForTimeout(500);
  assert.ok(!article.fetched.includes('split_reader_tools'), `not before reading: ${article.fetched}`);
  await article.page.mouse.wheel(0, 200);
  await toolsFetched(article.page);
  assert.ok(article.fetched.indexOf('split_reader_tools') > own(article.fetched, 'article_page'), `${article.fetched}`);
  await article.page.locator('.reading-progress').waitFor({ state: 'attached' });
  await scrollToShare(article.page, 0.5);
  await waitForKept(article.page, MEXICO.split('/').pop(), 0.5);
  // The next article opened inside the app has its tools at once: this reader is reading.
  const next = article.page.locator('.sidebar .card__title a').first();
  const nextTitle = (await next.textContent()).trim();
  await next.click();
  await article.page.locator('main .article__title', { hasText: nextTitle }).waitFor();
  await article.page.locator('.reading-progress').waitFor({ state: 'attached' });
  await article.page.close();
  // The front page fetches them for a reader with an article to go back to…
  const home = await open(context, '/');
  await toolsFetched(home.page);
  assert.ok(home.fetched.indexOf('split_reader_tools') > own(home.fetched, 'home_page'), `${home.fetched}`);
  await home.page.locator('main .continue-reading').waitFor();
  await home.page.close();
  // …and not at all for a reader without one.
  const newcomer = await server.newReader();
  const fresh = await open(newcomer.context, '/');
  await fresh.page.locator('main .card--lead').waitFor();
  await fresh.page.waitForLoadState('networkidle');
  await fresh.page.waitForTimeout(500);
  own(fresh.fetched, 'home_page');
  assert.ok(!fresh.fetched.includes('split_reader_tools'), `${fresh.fetched}`);
  await newcomer.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});
