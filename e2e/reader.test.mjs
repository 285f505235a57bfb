// A reader's walk through the site in real Chromium against the real server with the demo
// content: navigation by clicks, infinite scroll, the article page's share, copy and print,
// view counting, search, the 404 page, and every page's error view with a working Retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_TOKEN, siteUnderTest } from './support.mjs';

const MEXICO = '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
const server = siteUnderTest();

/** Console errors other than the browser's own note about an HTTP error status we caused. */
const unexpected = (problems) => problems.filter((line) => !line.includes('Failed to load resource'));

test('home → category → article by clicking links, without console errors', async () => {
  const { context, page, problems } = await server.newReader();
  await page.goto(server.url + '/');
  await page.locator('main .card--lead').waitFor();
  assert.match(await page.title(), /Gazette/);
  // Links from the site endpoint: social networks and app stores in the header, social in
  // the footer; the footer's reuse notice and copyright with this year.
  const headerLink = (selector) => page.locator(`.site-header ${selector}`).getAttribute('href');
  await page.locator('.site-header .social__link--telegram').waitFor();
  for (const network of ['x', 'youtube', 'instagram', 'facebook', 'telegram']) {
    assert.match(await headerLink(`.social__link--${network}`), /^https:\/\//);
  }
  assert.match(await headerLink('.apps__link--app-store'), /^https:\/\/apps\.apple\.com\//);
  assert.match(await headerLink('.apps__link--google-play'), /^https:\/\/play\.google\.com\//);
  assert.equal(await page.locator('.site-footer .social__link--telegram').getAttribute('href'), 'https://t.me/gazette');
  assert.match(await page.locator('.site-footer__notice').textContent(), /only with a hyperlink/);
  assert.match(await page.locator('.site-footer__copyright').textContent(), new RegExp(`© ${new Date().getFullYear()} Gazette`));
  await page.locator('header.site-header .nav__link', { hasText: 'Politics' }).click();
  await page.waitForURL('**/category/politics');
  await page.locator('main .category-header__description', {
    hasText: 'The most important news of the political life in Azerbaijan',
  }).waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Politics');
  await page.locator('main .card__title a', { hasText: 'Mexico and Azerbaijan' }).click();
  await page.waitForURL('**' + MEXICO);
  await page.locator('main .article__title').waitFor();
  assert.match(await page.title(), /^Mexico and Azerbaijan.* — Gazette$/);
  assert.match(await page.locator('main .article__meta time').textContent(), /^14 January 2025 17:32$/);
  assert.match(await page.locator('main .article__byline').textContent(), /^By \S+/);
  await page.locator('#related-heading').waitFor();
  await page.locator('.sidebar .card').first().waitFor();
  assert.equal(await page.locator('.ad-slot__label').first().textContent(), 'Advertisement');
  // Back returns to the category page.
  await page.goBack();
  await page.waitForURL('**/category/politics');
  await page.locator('main .category-header__name').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the front page\'s category blocks are made when the reader scrolls near them', async () => {
  const { context, page, problems } = await server.newReader();
  const blockRequests = [];
  page.on('request', (request) => {
    if (/\/api\/v1\/articles\?.*category=.*limit=3/.test(request.url())) blockRequests.push(request.url());
  });
  await page.goto(server.url + '/');
  await page.locator('main .feed__cards > .card').nth(19).waitFor();
  assert.equal(await page.locator('.home__block').count(), 0);
  assert.deepEqual(blockRequests, [], 'no block is requested before the reader comes near');
  // Scroll to the end of the page (the feed loads its automatic pages on the way).
  for (let step = 0; step < 10 && (await page.locator('.home__block').count()) === 0; step += 1) {
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
  }
  const blocks = page.locator('.home__block');
  await blocks.first().waitFor();
  assert.equal(await blocks.count(), 6);
  await page.locator('.home__block .card').nth(17).waitFor();
  assert.match(await blocks.first().locator('.section-title a').getAttribute('href'), /^\/category\/[a-z-]+$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('scrolling loads more news, and "Load more" is a real URL', async () => {
  const { context, page, problems } = await server.newReader();
  await page.goto(server.url + '/');
  await page.locator('main .feed__cards > .card').nth(19).waitFor();
  const first = await page.locator('main .feed__cards > .card').count();
  assert.equal(first, 20);
  await page.locator('.feed__sentinel').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('main .feed__cards > .card').length > 20);
  const more = page.locator('.feed__more');
  await more.waitFor();
  const href = await more.getAttribute('href');
  assert.match(href, /^\/\?after=[A-Za-z0-9_-]+$/);
  // The fallback URL works on its own (no JavaScript state needed).
  const second = await context.newPage();
  await second.goto(server.url + href);
  await second.locator('main .feed__cards > .card').first().waitFor();
  const titles = await page.locator('main .feed__cards > .card .card__title').allTextContents();
  const firstOfNext = await second.locator('main .feed__cards > .card .card__title').first().textContent();
  assert.ok(!titles.slice(0, 20).includes(firstOfNext), 'the next page starts after the first');
  assert.deepEqual(problems, []);
  await context.close();
});

test('copy link puts the canonical URL on the clipboard and shows a toast', async () => {
  const { context, page, problems } = await server.newReader();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.goto(server.url + MEXICO);
  await page.locator('.share-bar__copy').click();
  const toast = page.locator('.toast-region .toast');
  await toast.waitFor();
  assert.equal(await toast.textContent(), 'Link copied');
  assert.equal(await page.locator('.toast-region').getAttribute('aria-live'), 'polite');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), server.url + MEXICO);
  await toast.waitFor({ state: 'detached', timeout: 6000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('print opens the print dialog and share links carry the encoded URL', async () => {
  const { context, page, problems } = await server.newReader();
  await page.addInitScript(() => {
    window.printCalls = 0;
    window.print = () => { window.printCalls += 1; };
  });
  await page.goto(server.url + MEXICO);
  await page.locator('.share-bar__heading', { hasText: 'Liked the story? Share it on social media!' }).waitFor();
  await page.locator('.share-bar__print').click();
  assert.equal(await page.evaluate(() => window.printCalls), 1);
  const encoded = encodeURIComponent(server.url + MEXICO);
  for (const network of ['x', 'facebook', 'telegram', 'whatsapp', 'email']) {
    const href = await page.locator(`.share-bar__link--${network}`).getAttribute('href');
    assert.ok(href.includes(encoded), `${network}: ${href}`);
  }
  assert.equal(await page.locator('.share-bar__link--telegram').getAttribute('aria-label'), 'Share on Telegram');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new reader\'s visit increments the view counter once', async () => {
  const views = async () => {
    const { context, page } = await server.newReader();
    const read = async (load) => {
      const counted = page.waitForResponse((response) => response.url().includes('/views'));
      await load();
      // The page shows the counter the server answered (not the one the article came with).
      const answered = (await (await counted).json()).views;
      await page.locator('main .article__views', { hasText: `Views: ${answered}` }).waitFor();
      return answered;
    };
    const visit = await read(() => page.goto(server.url + MEXICO));
    const reload = await read(() => page.reload());
    await context.close();
    return [visit, reload];
  };
  const [firstVisit, firstReload] = await views();
  assert.equal(firstReload, firstVisit, 'a reload by the same reader is not counted again');
  const [secondVisit] = await views();
  assert.equal(secondVisit, firstVisit + 1);
});

test('search from the header finds a known article with highlighted matches', async () => {
  const { context, page, problems } = await server.newReader();
  await page.goto(server.url + '/');
  const field = page.locator('#search-field');
  assert.equal(await field.getAttribute('placeholder'), 'WHAT ARE YOU LOOKING FOR ?');
  await field.fill('Mexico embassy');
  await field.press('Enter');
  await page.waitForURL('**/search?q=Mexico%20embassy');
  const result = page.locator('.search-result', { hasText: 'Mexico and Azerbaijan' });
  await result.waitFor();
  assert.ok((await result.locator('mark').count()) >= 1);
  assert.match(await result.locator('.search-result__title mark').first().textContent(), /^Mexico/i);
  await page.goto(server.url + '/search?q=zzzzqqq');
  await page.locator('.search__empty').waitFor();
  // Opened directly, a search page shows its heading from the server's first screen, and the
  // app asks for the results once: the request the page preloaded.
  const searches = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v1/search') searches.push(request.url());
  });
  const response = await page.goto(server.url + '/search?q=baku+oil');
  assert.match(await response.text(), /<h1 class="search__title">Results for «baku oil»<\/h1>/);
  await page.locator('main .search-result').first().waitFor();
  await page.waitForFunction(() => !document.getElementById('first-screen'));
  assert.equal(await page.locator('main .search__title').textContent(), 'Results for «baku oil»');
  await page.waitForLoadState('networkidle');
  assert.equal(searches.length, 1, `${searches}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('unknown articles, categories and addresses show the 404 page', async () => {
  const { context, page, problems } = await server.newReader();
  for (const path of ['/article/no-such-story', '/category/no-such-section', '/no/such/page']) {
    const response = await page.goto(server.url + path);
    assert.equal(response.status(), 404, path);
    await page.locator('h1', { hasText: 'Page not found' }).waitFor();
    assert.equal(await page.locator('.not-found a.button').getAttribute('href'), '/');
  }
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

/** Makes matching API requests fail in `mode` until the returned function is called. */
async function breakApi(page, pattern, mode) {
  const handler = (route) => {
    if (mode === 'status') return route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"internal","message":"boom"}}' });
    if (mode === 'malformed') return route.fulfill({ status: 200, contentType: 'application/json', body: '{"items": [{"not": "an article"' });
    return undefined; // timeout: never answer
  };
  await page.route(pattern, handler);
  return () => page.unroute(pattern, handler);
}

for (const mode of ['status', 'malformed', 'timeout']) {
  test(`every page shows its error view when the API fails (${mode}) and Retry recovers`, { timeout: 120_000 }, async () => {
    const { context, page, problems } = await server.newReader();
    const pages = [
      ['/', /\/api\/v1\/articles\?lang=en$/, 'main .feed__cards > .card'],
      ['/category/economy', /\/api\/v1\/categories\/economy\?lang=en$/, 'main .category-header__name'],
      [MEXICO, /\/api\/v1\/articles\/mexico-[^/?]*\?lang=en$/, 'main .article__title'],
      ['/search?q=baku', /\/api\/v1\/search\?/, '.search-result'],
    ];
    for (const [path, pattern, content] of pages) {
      const repair = await breakApi(page, pattern, mode);
      await page.goto(server.url + path);
      const error = page.locator('.error-view').first();
      await error.waitFor({ timeout: 20_000 });
      assert.equal(await error.getAttribute('role'), 'alert');
      await repair();
      await error.locator('.error-view__retry').click();
      await page.locator(content).first().waitFor({ timeout: 10_000 });
    }
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });
}

test('pages do not shift while they load on a phone (CLS 0)', async () => {
  const { context, page } = await server.newReader({ viewport: { width: 412, height: 823 } });
  await page.addInitScript(() => {
    window.layoutShifts = [];
    window.shiftSources = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.layoutShifts.push(entry.value);
        // What moved, so a failure says where to look.
        for (const source of entry.sources) {
          const node = source.node;
          const name = node ? `${node.nodeName.toLowerCase()}.${String(node.className ?? '').replace(/ /g, '.')}` : '?';
          window.shiftSources.push(`${Math.round(entry.startTime)}ms ${name} ${JSON.stringify(source.previousRect)} → ${JSON.stringify(source.currentRect)}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const [path, ready] of [['/', 'main .card--lead'], ['/category/politics', 'main .feed__cards > .card'], [MEXICO, '.sidebar .card']]) {
    await page.goto(server.url + path);
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(1000);
    const total = await page.evaluate(() => window.layoutShifts.reduce((sum, value) => sum + value, 0));
    const sources = await page.evaluate(() => window.shiftSources);
    assert.equal(total, 0, `${path} shifted by ${total}: ${sources.join('; ')}`);
  }
  // The site information (time zone, ad sizes) arriving after the page's content moves
  // nothing either: times keep their lines until they can be shown.
  await page.route('**/api/v1/site?*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  for (const [path, ready] of [['/', 'main .card--lead'], ['/category/politics', 'main .feed__cards > .card'], [MEXICO, 'main .article__title']]) {
    await page.goto(server.url + path);
    await page.locator(ready).first().waitFor();
    await page.locator('main time', { hasText: /\d/ }).first().waitFor();
    await page.waitForTimeout(500);
    const total = await page.evaluate(() => window.layoutShifts.reduce((sum, value) => sum + value, 0));
    const sources = await page.evaluate(() => window.shiftSources);
    assert.equal(total, 0, `${path} shifted by ${total} with the site information late: ${sources.join('; ')}`);
  }
  await context.close();
});

test('hostile article content stays inert from the editor API to the reader\'s screen', async () => {
  const hostile = {
    lang: 'en',
    slug: 'hostile-content-e2e',
    category: 'politics',
    title: '<img src=x onerror=alert(1)> Budget <script>alert(2)</script>',
    lead: '<b onmouseover=alert(3)>Lead</b>',
    body_html: '<p>Safe <a href="javascript:alert(4)">bad link</a> <a href="https://example.org/">good link</a>'
      + '<script>alert(5)</script><img src=x onerror=alert(6)></p><iframe src="javascript:alert(7)"></iframe>'
      + '<p onclick="alert(8)">Second paragraph</p>',
    author: 'Desk',
    image_alt: '"><script>alert(9)</script>',
  };
  const created = await fetch(`${server.url}/api/v1/admin/articles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(hostile),
  });
  assert.equal(created.status, 201);
  const { context, page, problems } = await server.newReader();
  const dialogs = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  await page.goto(`${server.url}/article/${hostile.slug}`);
  await page.locator('main .article__title').waitFor();
  await page.locator('main .article__body p', { hasText: 'Second paragraph' }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('main .article__title').textContent(), hostile.title, 'the title is shown as text');
  assert.equal(await page.locator('main script, main iframe, main .article__body img').count(), 0);
  const hrefs = await page.locator('main .article__body a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  assert.deepEqual(hrefs, ['https://example.org/']);
  assert.deepEqual(dialogs, []);
  assert.match(await page.title(), /^<img src=x onerror=alert\(1\)> Budget/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the server\'s first screen shows the headline and picture before the app, which then takes over', async () => {
  const { context, page, problems } = await server.newReader({ viewport: { width: 412, height: 823 } });
  // Hold the picture, then the WebAssembly, to see each stage.
  const hold = () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    return { held, release };
  };
  const picture = hold();
  const code = hold();
  let wasmRequested = false;
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasmRequested = true; });
  await page.route('**/media/images/**', async (route) => { await picture.held; await route.continue(); });
  await page.route('**/*.wasm', async (route) => { await code.held; await route.continue(); });

  await page.goto(server.url + MEXICO, { waitUntil: 'domcontentloaded' });
  const firstScreen = page.locator('#first-screen');
  await firstScreen.locator('.article__title', { hasText: 'Mexico and Azerbaijan' }).waitFor();
  // A page, not a picture of one: readers and screen readers can use it, and its links lead on.
  assert.equal(await firstScreen.getAttribute('aria-hidden'), null);
  assert.equal(await firstScreen.locator('a.article__category').getAttribute('href'), '/category/politics');
  await page.waitForTimeout(500);
  assert.equal(wasmRequested, false, 'the app waits for the first screen\'s picture');

  const wasmStarted = page.waitForRequest((request) => request.url().endsWith('.wasm'));
  picture.release();
  await page.waitForFunction(() => {
    const image = document.querySelector('#first-screen img');
    return image?.complete && image.naturalWidth > 0;
  });
  await wasmStarted;
  assert.equal(await page.locator('main').count(), 0, 'the app has not started yet');

  code.release();
  await page.locator('main h1.article__title', { hasText: 'Mexico and Azerbaijan' }).waitFor();
  await firstScreen.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);

  // A shell made for another address (the service worker's offline fallback is the front
  // page's) shows no first screen, even before the app starts.
  const frontPage = await (await fetch(server.url + '/')).text();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.route('**/*.wasm', (route) => route.abort());
  await page.route('**/article/not-the-front-page', (route) => route.fulfill({ contentType: 'text/html', body: frontPage }));
  await page.goto(server.url + '/article/not-the-front-page', { waitUntil: 'domcontentloaded' });
  assert.match(frontPage, /id="first-screen"/);
  assert.equal(await page.locator('#first-screen').count(), 0);
  await context.close();
});

test('back from an article returns the reader to where they were in the feed', async () => {
  const { context, page, problems } = await server.newReader({ viewport: { width: 412, height: 823 } });
  await page.goto(server.url + '/');
  await page.locator('main .feed__cards > .card').nth(19).waitFor();
  // The feed loads two more pages by itself as it is scrolled, then the reader presses
  // "Load more": the fourth page (the demo's 61st English story) is deeper than anything the
  // feed loads on its own.
  const cards = page.locator('main .feed__cards > .card');
  for (const shown of [40, 60]) {
    await page.locator('.feed__sentinel').scrollIntoViewIfNeeded();
    await cards.nth(shown - 1).waitFor();
  }
  await page.locator('main .feed__more').click();
  await cards.nth(60).waitFor();
  // Headlines at three depths: the second page, the third, and the one "Load more" brought.
  let place = 0;
  let title = '';
  for (const card of [25, 45, 60]) {
    const depth = await cards.nth(card).evaluate((element) => element.getBoundingClientRect().top + window.scrollY - 200);
    await page.evaluate((y) => window.scrollTo(0, y), depth);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, depth, { timeout: 10_000 });
    await page.waitForTimeout(300);
    // A headline wholly on screen, so clicking it does not scroll; the place is where we are.
    const { index, y } = await page.evaluate(() => {
      const links = [...document.querySelectorAll('main .feed__cards > .card .card__title a')];
      const shown = links.findIndex((link) => {
        const box = link.getBoundingClientRect();
        return box.top > 80 && box.bottom < window.innerHeight - 80;
      });
      return { index: shown, y: window.scrollY };
    });
    assert.ok(index >= 0, `a headline is on screen near card ${card}`);
    place = y;
    const link = page.locator('main .feed__cards > .card .card__title a').nth(index);
    title = (await link.textContent()).trim();
    await link.click();
    await page.locator('main h1.article__title', { hasText: title.slice(0, 30) }).waitFor();
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'a new page starts at the top');
    await page.goBack();
    await returnedTo(page, place);
    await assertHeadlineOnScreen(page, title, `back to card ${card}`);
  }
  // A reload keeps the place too, among the same stories.
  await page.reload();
  await returnedTo(page, place);
  await assertHeadlineOnScreen(page, title, 'after a reload');
  // A fresh visit of the front page (from an article, by the logo) starts with one page.
  await page.locator('main .feed__cards > .card .card__title a').first().click();
  await page.locator('main h1.article__title').waitFor();
  await page.locator('header.site-header .site-header__logo').click();
  await cards.first().waitFor();
  await page.waitForTimeout(1000);
  assert.ok((await cards.count()) <= 20, 'a new visit loads one page');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Waits until the feed has loaded its cards again and the page is back at `place`. */
async function returnedTo(page, place) {
  await page.waitForFunction(
    (y) => !document.querySelector('.feed[data-restoring]') && Math.abs(window.scrollY - y) < 2,
    place,
    { timeout: 10_000 },
  );
}

/** The headline the reader opened is among the stories on screen, not only the scroll depth. */
async function assertHeadlineOnScreen(page, title, when) {
  const onScreen = await page.evaluate((text) => {
    const links = [...document.querySelectorAll('main .feed__cards > .card .card__title a')];
    const same = links.filter((candidate) => candidate.textContent.trim() === text);
    if (same.length === 0) return 'not in the feed';
    const boxes = same.map((link) => link.getBoundingClientRect());
    return boxes.some((box) => box.bottom > 0 && box.top < window.innerHeight)
      ? 'on screen'
      : `at ${boxes.map((box) => Math.round(box.top))} px of ${links.length} cards, scrolled to ${window.scrollY}`;
  }, title);
  assert.equal(onScreen, 'on screen', `${when}: "${title}"`);
}
