// Reader preferences, languages and accessibility in real Chromium: night theme and text size
// (persisted, applied before the app starts), English / Russian / Armenian, axe-core checks of
// every page in both themes, and a keyboard-only walk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { siteUnderTest } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const MEXICO = '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
const MEXICO_RU = '/ru/article/meksika-i-azerbaydzhan-otmechayut-33-goda-diplomaticheskikh-otnosheniy';
const server = siteUnderTest();

const theme = (page) => page.evaluate(() => document.documentElement.getAttribute('data-theme'));

/** Holds back the responses whose address matches `pattern`, as a slow network would, until
 * the function it returns is called. */
async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  return release;
}

test('the night theme toggles, persists, and is applied before the app runs', async () => {
  const { context, page, problems } = await server.newReader({ colorScheme: 'light' });
  await page.goto(server.url + '/');
  const toggle = page.locator('header.site-header .theme-toggle');
  await toggle.waitFor();
  assert.equal(await theme(page), 'light');
  assert.equal(await toggle.getAttribute('aria-label'), 'Switch to night theme');
  await toggle.click();
  assert.equal(await theme(page), 'dark');
  assert.equal(await toggle.getAttribute('aria-label'), 'Switch to day theme');
  assert.equal(await page.locator('meta[name=theme-color]').getAttribute('content'), '#111318');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, 'rgb(17, 19, 24)');

  // Reload with the app's code blocked: the theme comes from the inline script alone, so
  // there is no light frame before the WebAssembly starts.
  await page.route(/\.(js|wasm)$/, (route) => route.abort());
  await page.reload();
  assert.equal(await theme(page), 'dark');
  await page.unroute(/\.(js|wasm)$/);
  await page.reload();
  await page.locator('header.site-header .theme-toggle[aria-pressed=true]').waitFor();
  assert.deepEqual(problems.filter((line) => !line.includes('net::ERR_FAILED') && !line.includes('Failed to load')), []);
  await context.close();
});

test('a reader whose system is dark gets the dark theme on the first visit', async () => {
  const { context, page } = await server.newReader({ colorScheme: 'dark' });
  await page.goto(server.url + '/');
  assert.equal(await theme(page), 'dark');
  await page.locator('header.site-header .theme-toggle[aria-pressed=true]').waitFor();
  await context.close();
});

test('A+ and A- change the article text size step by step, stop at the ends and persist', async () => {
  const { context, page, problems } = await server.newReader();
  await page.goto(server.url + MEXICO);
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main .article__body p')).fontSize));
  await page.locator('main .article__body p').first().waitFor();
  const base = await size();
  const increase = page.locator('main .font-controls__increase');
  const decrease = page.locator('main .font-controls__decrease');
  const sizes = [base];
  for (let step = 0; step < 3; step++) {
    await increase.click();
    sizes.push(await size());
  }
  for (let i = 1; i < sizes.length; i++) assert.ok(sizes[i] > sizes[i - 1], `step ${i}: ${sizes}`);
  assert.ok(await increase.isDisabled(), 'A+ stops at the largest size');
  assert.equal(Math.round(sizes.at(-1) / base * 100), 150);
  await page.reload();
  await page.locator('main .article__body p').first().waitFor();
  assert.equal(await size(), sizes.at(-1), 'the size survives a reload');
  for (let step = 0; step < 4; step++) await decrease.click();
  assert.ok(await decrease.isDisabled(), 'A- stops at the smallest size');
  assert.ok((await size()) < base);
  assert.deepEqual(problems, []);
  await context.close();
});

test('before the app has started, the first screen\'s night theme and A-/A+ answer, and the app takes them over', async () => {
  const { context, page, problems } = await server.newReader({ colorScheme: 'light' });
  // The main WebAssembly module and the article's answer are held back, as on a slow network.
  const releaseApp = await holdBack(page, /_bg\.wasm$/);
  const releaseArticle = await holdBack(page, /\/api\/v1\/articles\/[^/?]+\?/);
  await page.goto(server.url + MEXICO, { waitUntil: 'domcontentloaded' });
  const screen = page.locator('#first-screen');
  const toggle = screen.locator('.theme-toggle');
  const increase = screen.locator('.font-controls__increase');
  const status = screen.locator('.font-controls [role=status]');
  const step = () => page.evaluate(() => document.documentElement.getAttribute('data-text-size'));
  const stored = (key) => page.evaluate((key) => localStorage.getItem(key), key);
  assert.equal(await toggle.getAttribute('aria-label'), 'Switch to night theme');

  await toggle.click();
  assert.equal(await theme(page), 'dark');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await toggle.getAttribute('aria-label'), 'Switch to day theme');
  assert.equal(await toggle.locator('span').first().textContent(), '☀');
  assert.equal(await page.locator('meta[name=theme-color]').getAttribute('content'), '#111318');
  assert.equal(await stored('gazette.theme'), 'dark');
  await increase.click();
  await increase.click();
  assert.equal(await step(), '3');
  assert.equal(await status.textContent(), 'Text size: 125%');
  assert.equal(await stored('gazette.text-size'), '3');
  assert.equal(await page.locator('header.site-header').count(), 0, 'the app has not started');

  // The app starts underneath (its header is there) while the article is still on its way:
  // a tap on the first screen's switch reaches the app's switch too.
  releaseApp();
  await page.locator('header.site-header .theme-toggle[aria-pressed=true]').waitFor({ state: 'attached' });
  await toggle.click();
  assert.equal(await theme(page), 'light');
  await page.locator('header.site-header .theme-toggle[aria-pressed=false]').waitFor({ state: 'attached' });
  await increase.click();
  assert.equal(await step(), '4');
  assert.ok(await increase.isDisabled(), 'A+ stops at the largest size on the first screen too');

  releaseArticle();
  await screen.waitFor({ state: 'detached' });
  assert.equal(await page.locator('header.site-header .theme-toggle').getAttribute('aria-label'), 'Switch to night theme');
  assert.ok(await page.locator('main .font-controls__increase').isDisabled(), 'the app continues from the size chosen before it started');
  await page.locator('main .font-controls__decrease').click();
  assert.equal(await step(), '3');
  assert.deepEqual(problems, []);
  await context.close();
});

test('before the app has started, the first screen\'s Save keeps the article, and the app shows it saved', async () => {
  const { context, page, problems } = await server.newReader();
  const releaseApp = await holdBack(page, /_bg\.wasm$/);
  await page.goto(server.url + MEXICO, { waitUntil: 'domcontentloaded' });
  const save = page.locator('#first-screen .save-button');
  assert.equal(await save.getAttribute('aria-pressed'), 'false');
  await save.click();
  await page.locator('#first-screen .save-button[aria-pressed=true]').waitFor();
  assert.equal((await save.textContent()).trim(), '★ Saved');
  // Said as the app's toast, in a live region (screen readers announce it).
  const toast = page.locator('#first-screen .toast-region[role=status][aria-live=polite] .toast');
  assert.equal(await toast.textContent(), 'Saved for reading offline');
  await toast.waitFor({ state: 'detached', timeout: 5_000 });
  const kept = () => page.evaluate(async () => {
    const cache = await caches.open('gazette-saved-v1');
    return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
  });
  const files = await kept();
  assert.ok(files.includes('/api/v1/articles/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations'), files.join(' '));
  assert.ok(files.some((file) => file.endsWith('.webp')) && files.some((file) => file.endsWith('.jpg')), files.join(' '));
  assert.equal(await page.locator('header.site-header').count(), 0, 'the app has not started');

  releaseApp();
  await page.locator('#first-screen').waitFor({ state: 'detached' });
  const appSave = page.locator('main .save-button');
  await page.locator('main .save-button[aria-pressed=true]').waitFor();
  await appSave.click();
  await page.locator('main .save-button[aria-pressed=false]').waitFor();
  assert.deepEqual(await kept(), [], 'the app removes what the first screen saved');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a Save pressed on the first screen that ends after the app has taken over is said by the app\'s toast', async () => {
  const { context, page, problems } = await server.newReader();
  const releaseApp = await holdBack(page, /_bg\.wasm$/);
  // The JPEG of the photo is fetched only by Save (the page shows the WebP): it is slow.
  const releasePhoto = await holdBack(page, /\.jpg$/);
  await page.goto(server.url + MEXICO, { waitUntil: 'domcontentloaded' });
  await page.locator('#first-screen .save-button').click();
  releaseApp();
  await page.locator('#first-screen').waitFor({ state: 'detached' });
  releasePhoto();
  const toast = page.locator('.bottom-stack .toast-region .toast');
  await toast.waitFor();
  assert.equal(await toast.textContent(), 'Saved for reading offline');
  await page.locator('main .save-button[aria-pressed=true]').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('before the app has started, the first screen\'s Save says when it could not keep the article, and keeps it on the next try', async () => {
  const { context, page } = await server.newReader({ viewport: { width: 390, height: 844 } });
  await page.route(/_bg\.wasm$/, () => {}); // the app never starts: the first screen alone
  await page.goto(server.url + MEXICO_RU, { waitUntil: 'domcontentloaded' });
  // The browser refuses to store (storage full, or a private window that has none).
  await page.evaluate(() => {
    const real = window.caches;
    window.realCaches = real;
    Object.defineProperty(window, 'caches', {
      configurable: true,
      value: { open: () => Promise.reject(new DOMException('full', 'QuotaExceededError')), match: real.match.bind(real) },
    });
  });
  const save = page.locator('#first-screen .save-button');
  const toast = page.locator('#first-screen .toast-region .toast');
  await save.click();
  await toast.waitFor();
  assert.equal(await toast.textContent(), 'Не удалось сохранить статью');
  assert.equal(await save.getAttribute('aria-pressed'), 'false');
  await page.evaluate(() => Object.defineProperty(window, 'caches', { configurable: true, value: window.realCaches }));
  await save.click();
  await page.locator('#first-screen .save-button[aria-pressed=true]').waitFor();
  await page.locator('#first-screen .toast', { hasText: 'Сохранено для чтения без сети' }).waitFor();
  await context.close();
});

test('on a phone before the app has started, the first screen\'s Menu opens the whole header, by tap and by keyboard', async () => {
  const { context, page, problems } = await server.newReader({ viewport: { width: 390, height: 844 }, colorScheme: 'light' });
  await page.route(/_bg\.wasm$/, () => {}); // the app never starts: the first screen alone
  await page.goto(server.url + '/ru/', { waitUntil: 'domcontentloaded' });
  const screen = page.locator('#first-screen');
  const menu = screen.locator('.nav__toggle');
  const toggle = screen.locator('.theme-toggle');
  assert.equal(await toggle.isVisible(), false, 'on a phone the theme switch is in the menu');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  assert.equal((await menu.textContent()).trim(), 'Закрыть меню');
  assert.ok(await screen.locator('.nav__list').isVisible());
  assert.ok(await screen.locator('.languages').isVisible());
  await toggle.click();
  assert.equal(await theme(page), 'dark');
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await toggle.isVisible(), false);
  assert.ok(await menu.evaluate((element) => element === document.activeElement), 'focus back on Menu');
  await page.keyboard.press(' ');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true', 'Space presses it');
  await page.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'Enter too');
  assert.equal(new URL(page.url()).hash, '', 'the script handles it, not the :target fallback');
  assert.deepEqual(problems.filter((line) => !line.includes('net::ERR_FAILED') && !line.includes('Failed to load')), []);
  await context.close();
});

/** Opens the article with the app held back, lets the reader `act` on the first screen, then
 * lets the app take over; resolves once the first screen has gone. */
async function takeOver(viewport, act) {
  const reader = await server.newReader({ viewport });
  const releaseApp = await holdBack(reader.page, /_bg\.wasm$/);
  await reader.page.goto(server.url + MEXICO, { waitUntil: 'domcontentloaded' });
  const screen = reader.page.locator('#first-screen');
  await act(screen);
  releaseApp();
  await screen.waitFor({ state: 'detached' });
  return reader;
}

test('when the app takes over from the first screen, an open menu stays open, typed search text stays, and focus stays on the same control', async () => {
  // On a phone: Menu opened and a section link focused on the first screen.
  {
    const { context, page, problems } = await takeOver({ width: 390, height: 844 }, async (screen) => {
      await screen.locator('.nav__toggle').click();
      await screen.locator('.nav__link[href="/category/politics"]').focus();
    });
    const menu = page.locator('header.site-header .nav__toggle');
    await page.waitForFunction(() => document.activeElement?.matches('header.site-header .nav__link[href="/category/politics"]'));
    assert.equal(await menu.getAttribute('aria-expanded'), 'true', 'the menu is still open');
    assert.ok(await page.locator('header.site-header .nav__list').isVisible());
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(problems, []);
    await context.close();
  }
  // On a desktop: a search being typed into the first screen's field.
  const desktop = { width: 1366, height: 900 };
  {
    const { context, page, problems } = await takeOver(desktop, async (screen) => {
      await screen.locator('.search-form__input').click();
      await screen.page().keyboard.type('oil pri');
    });
    await page.waitForFunction(() => document.activeElement?.matches('header.site-header .search-form__input'));
    assert.equal(await page.locator('header.site-header .search-form__input').inputValue(), 'oil pri');
    await page.keyboard.type('ces');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'oil prices');
    assert.deepEqual(problems, []);
    await context.close();
  }
  // On a desktop: the search typed, then Tab to its Search button.
  {
    const { context, page, problems } = await takeOver(desktop, async (screen) => {
      await screen.locator('.search-form__input').click();
      await screen.page().keyboard.type('oil');
      await screen.page().keyboard.press('Tab');
    });
    await page.waitForFunction(() => document.activeElement?.matches('header.site-header .search-form__button'));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'oil');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the open menu on a phone keeps whole words in its buttons, in every language', async () => {
  const { context, page, problems } = await server.newReader({ viewport: { width: 390, height: 844 } });
  for (const prefix of ['', '/ru', '/hy']) {
    await page.goto(server.url + prefix + '/');
    await page.locator('#first-screen').waitFor({ state: 'detached' });
    await page.locator('header.site-header .nav__toggle').click();
    // Every word of the buttons' labels lies on one line (Armenian "Saved articles" was cut).
    const broken = await page.evaluate(() => {
      const found = [];
      for (const button of document.querySelectorAll('header.site-header .site-header__top .button')) {
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.data.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
            if (lines.size > 1) found.push(match[0]);
          }
        }
      }
      return found;
    });
    assert.deepEqual(broken, [], `words cut in ${prefix || '/'}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('where storage is blocked, the text size chosen on the first screen stays when the app starts', async () => {
  const { context, page, problems } = await server.newReader();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const releaseApp = await holdBack(page, /_bg\.wasm$/);
  await page.goto(server.url + MEXICO, { waitUntil: 'domcontentloaded' });
  const step = () => page.evaluate(() => document.documentElement.getAttribute('data-text-size'));
  await page.locator('#first-screen .font-controls__increase').click();
  assert.equal(await step(), '2');
  releaseApp();
  await page.locator('#first-screen').waitFor({ state: 'detached' });
  assert.equal(await step(), '2', 'the app keeps the size shown');
  await page.locator('main .font-controls__increase').click();
  assert.equal(await step(), '3', 'and goes on from it');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Russian and Armenian change the language, strings, dates and content', async () => {
  const { context, page, problems } = await server.newReader();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.goto(server.url + MEXICO);
  await page.locator('main .article__title').waitFor();
  await page.locator('header.site-header .languages__link', { hasText: 'RU' }).click();
  await page.waitForURL('**/ru/article/**');
  await page.locator('main .article__title').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
  assert.match(await page.locator('main .article__title').textContent(), /Мексик/);
  assert.equal(await page.locator('main .article__meta time').textContent(), '14 января 2025 17:32');
  assert.match(await page.locator('main .article__views').textContent(), /^Просмотры: \d+$/);
  assert.equal(await page.locator('#search-field').getAttribute('placeholder'), 'ЧТО ВЫ ИЩЕТЕ ?');
  await page.locator('.share-bar__copy').click();
  const toast = page.locator('.toast-region .toast');
  await toast.waitFor();
  assert.equal(await toast.textContent(), 'Ссылка скопирована');

  await page.locator('header.site-header .languages__link', { hasText: 'ARM' }).click();
  await page.waitForURL('**/hy/article/**');
  await page.locator('main .article__title').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'hy');
  assert.match(await page.locator('.share-bar__heading').textContent(), /Կիսվեք/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching language on an untranslated article leads to that language\'s front page', async () => {
  const { context, page } = await server.newReader();
  const untranslated = await (await fetch(`${server.url}/api/v1/articles?lang=en&limit=50`)).json();
  let slug;
  for (const item of untranslated.items) {
    const article = await (await fetch(`${server.url}/api/v1/articles/${item.slug}?lang=en`)).json();
    if (article.translations.length === 0) { slug = item.slug; break; }
  }
  assert.ok(slug, 'the demo has an English-only article');
  await page.goto(`${server.url}/article/${slug}`);
  await page.locator('main .article__title').waitFor();
  await page.locator('header.site-header .languages__link', { hasText: 'RU' }).click();
  await page.waitForURL('**/ru?untranslated=1');
  await page.locator('.notice', { hasText: 'Этой статьи нет на русском языке' }).waitFor();
  await context.close();
});

test('the first visit picks the language from the browser, and the choice persists', async () => {
  const { context, page } = await server.newReader({ locale: 'hy-AM' });
  await page.goto(server.url + '/');
  await page.waitForURL('**/hy');
  await page.locator('main .card--lead').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'hy');
  await page.locator('header.site-header .languages__link', { hasText: 'EN' }).click();
  await page.waitForURL(server.url + '/');
  await page.goto(server.url + '/');
  await page.locator('main .card--lead').waitFor();
  assert.equal(new URL(page.url()).pathname, '/', 'the chosen English sticks');
  await context.close();
});

/** Runs axe-core on the page; returns "rule: target" lines for every violation. */
async function axe(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations on any page (${colorScheme} theme)`, { timeout: 120_000 }, async () => {
    const { context, page } = await server.newReader({ colorScheme, bypassCSP: true });
    const pages = [
      ['/', 'main .card--lead'],
      ['/category/politics', 'main .feed__cards > .card'],
      [MEXICO, '.sidebar .card'],
      ['/search?q=baku', '.search-result'],
      ['/article/no-such-story', '.not-found'],
      ['/ru', 'main .card--lead'],
      ['/saved', '.saved-item'],
    ];
    // An article saved, so the Saved page has something to check.
    await page.goto(server.url + MEXICO);
    await page.locator('main .save-button').click();
    await page.locator('main .save-button[aria-pressed="true"]').waitFor();
    const found = [];
    for (const [path, ready] of pages) {
      await page.goto(server.url + path);
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(300);
      found.push(...(await axe(page)).map((line) => `${path} ${line}`));
    }
    assert.deepEqual(found, []);
    await context.close();
  });
}

test('keyboard alone reaches the skip link, menu, search and share buttons', async () => {
  const { context, page } = await server.newReader({ viewport: { width: 390, height: 844 } });
  await page.goto(server.url + MEXICO);
  await page.locator('main .article__title').waitFor();
  await page.waitForFunction(() => !document.getElementById('first-screen'));
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => document.activeElement?.className ?? '');
  assert.match(await focused(), /skip-link/);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.hash === '#main');

  // Menu: open with the keyboard, Escape closes it.
  await page.locator('header.site-header .nav__toggle').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('header.site-header .nav__toggle').getAttribute('aria-expanded'), 'true');
  // The next Tab goes into the open menu, in the order it shows: saved articles first.
  await page.keyboard.press('Tab');
  assert.match(await focused(), /saved-link/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('header.site-header .nav__toggle').getAttribute('aria-expanded'), 'false');

  // Search: the phone's search button opens the field with the cursor in it; type, Enter.
  await page.locator('header.site-header .search-toggle').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'search-field');
  await page.keyboard.type('Mexico');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/search?q=Mexico');
  await page.locator('.search-result').first().waitFor();

  // Share buttons are reachable by Tab from the article.
  await page.goto(server.url + MEXICO);
  await page.locator('.share-bar__copy').waitFor();
  const reached = new Set();
  for (let i = 0; i < 80 && !reached.has('copy'); i++) {
    await page.keyboard.press('Tab');
    const name = await focused();
    if (name.includes('share-bar__link--telegram')) reached.add('telegram');
    if (name.includes('share-bar__print')) reached.add('print');
    if (name.includes('share-bar__copy')) reached.add('copy');
  }
  assert.deepEqual([...reached].sort(), ['copy', 'print', 'telegram']);
  await context.close();
});

test('the largest text size and 200% zoom need no horizontal scrolling', { timeout: 60_000 }, async () => {
  // 360 px is a small phone; 320 px is a 640 px window at 200% zoom (WCAG reflow).
  for (const width of [360, 320]) {
    const { context, page } = await server.newReader({ viewport: { width, height: 800 } });
    await page.addInitScript(() => localStorage.setItem('gazette.text-size', '4'));
    for (const path of [MEXICO, '/', '/search?q=baku', '/category/politics']) {
      await page.goto(server.url + path);
      await page.locator('main .card, main .article__title, main .search-result').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} at ${width}px scrolls sideways by ${overflow}px`);
    }
    await context.close();
  }
});
