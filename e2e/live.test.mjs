// Live updates and breaking news (issue 13), in real Chromium against the real server, with
// stories published through the editor API while the page is open. Chromium's clock is
// Playwright's (`page.clock`), so "a minute later" takes no minute: the page's own timers fire.
// - The front page (Russian, phone) and a section's page (English, desktop) ask every minute with
//   the ETag of the last answer (a 304 when nothing changed), not while the tab is hidden or the
//   browser offline, and at once when the reader comes back; "2 свежие новости" / "5 свежих
//   новостей" / "1 new story" in a polite live region and in the tab's title; activating it puts
//   the stories at the top while the card the reader was looking at stays where it was.
// - With the service worker in control, a check still reaches the server (not the worker's copy).
// - An open article the newsroom changed (Armenian) offers "Updated HH:MM — Show the new
//   version", which shows the new text.
// - A story marked breaking is a banner on every page in its language (at once on load, and
//   within a minute on an open page); "Hide" hides it, also after a reload.
// - axe-core finds nothing with the pill, the notice and the banner showing, in both themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { ADMIN_TOKEN, siteUnderTest } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const server = siteUnderTest();
let made = 0;

/** Publishes an article through the editor API; resolves with its slug. */
async function publish({ lang = 'en', category = 'politics', title, breaking = false, slug }) {
  made += 1;
  const article = {
    lang,
    slug: slug ?? `live-${lang}-${made}-${Date.now()}`,
    category,
    title,
    lead: `${title}: the lead.`,
    body_html: `<p>${title}: the first paragraph.</p>`,
    author: 'Live desk',
    breaking,
  };
  const response = await fetch(`${server.url}/api/v1/admin/articles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(article),
  });
  assert.equal(response.status, 201, await response.text());
  return article;
}

/** Changes a published article through the editor API. */
async function update(article, changes) {
  const response = await fetch(`${server.url}/api/v1/admin/articles/${article.lang}/${article.slug}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ ...article, ...changes }),
  });
  assert.equal(response.status, 200, await response.text());
}

/** Records the statuses of the page's requests of exactly `path` (an API path and query). */
function watchChecks(page, path) {
  const checks = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (`${url.pathname}${url.search}` === path) checks.push(response.status());
  });
  return checks;
}

/** Lets a minute (and a little) pass on the page's clock and waits for its work to settle. */
async function aMinuteLater(page) {
  await page.clock.runFor(61_000);
  await page.waitForTimeout(300);
}

/** Waits (up to 5 s) until `condition()` holds. */
async function until(condition, what) {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 5000) assert.fail(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs axe-core on the page; returns "rule: target" lines for every violation. */
async function axe(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(() => window.axe.run({ include: [['html']] }, { resultTypes: ['violations'] }));
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

test('the front page offers new stories as they are published, in Russian, without moving the reader (phone)', { timeout: 120_000 }, async () => {
  const { context, page, problems } = await server.newReader({ viewport: { width: 390, height: 844 } });
  await page.clock.install();
  const checks = watchChecks(page, '/api/v1/articles?lang=ru');
  await page.goto(`${server.url}/ru`);
  await page.locator('main .card--lead').waitFor();
  await page.waitForTimeout(1000);
  const title = await page.title();
  const loaded = checks.length;
  // The first visit loads no live-update code: it comes when the first check is due.
  assert.equal(await page.locator('main .live-updates').count(), 0);

  // Nothing new: a minute later the page asked, and nothing is offered.
  await aMinuteLater(page);
  await page.locator('main .live-updates').waitFor({ state: 'attached' });
  await until(() => checks.length === loaded + 1, 'the page asked for news within a minute');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.live-updates__button').count(), 0);

  // Two stories published while the reader is scrolled down the list.
  const first = await publish({ lang: 'ru', title: 'Первая свежая новость дня' });
  const second = await publish({ lang: 'ru', title: 'Вторая свежая новость дня' });
  await page.evaluate(() => {
    const card = document.querySelectorAll('main .feed__cards > article')[3];
    window.scrollTo(0, window.scrollY + card.getBoundingClientRect().top - 100);
  });
  const pill = page.locator('.live-updates__button');
  await aMinuteLater(page);
  await pill.waitFor();
  assert.equal((await pill.textContent()).replace('↑', '').trim(), '2 свежие новости');
  assert.equal(await page.locator('main .live-updates [role=status]').textContent(), '2 свежие новости');
  assert.equal(await page.title(), `(2) ${title}`);

  // Unchanged since: the next question is answered 304, without a body.
  const before = checks.length;
  await aMinuteLater(page);
  await until(() => checks.length === before + 1, 'a question a minute later');
  assert.equal(checks.at(-1), 304, 'an unchanged list is a 304');

  // Hidden tab: no questions; back on the tab: one at once.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const third = await publish({ lang: 'ru', title: 'Третья свежая новость дня' });
  await aMinuteLater(page);
  await aMinuteLater(page);
  assert.equal(checks.length, before + 1, 'no questions while the tab is hidden');
  // Offline: no questions either; the network back: one at once.
  await context.setOffline(true);
  await page.evaluate(() => {
    delete document.hidden;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await aMinuteLater(page);
  assert.equal(checks.length, before + 1, 'no questions while offline');
  await context.setOffline(false);
  await page.waitForFunction(() => document.querySelector('.live-updates__button')?.textContent.includes('3'));
  assert.equal(checks.length, before + 2);
  const fourth = await publish({ lang: 'ru', title: 'Четвёртая свежая новость дня' });
  const fifth = await publish({ lang: 'ru', title: 'Пятая свежая новость дня' });
  await aMinuteLater(page);
  await page.waitForFunction(() => document.querySelector('.live-updates__button')?.textContent.includes('5'));
  assert.equal((await pill.textContent()).replace('↑', '').trim(), '5 свежих новостей');
  assert.equal(await page.title(), `(5) ${title}`);

  // Activated: the card at the top of the screen stays where it was; the five are at the top.
  const anchor = () => page.evaluate(() => {
    const card = [...document.querySelectorAll('main .feed__cards > article')]
      .find((card) => card.getBoundingClientRect().bottom > 0);
    return { href: card.querySelector('.card__title a').getAttribute('href'), top: Math.round(card.getBoundingClientRect().top) };
  });
  const seen = await anchor();
  await pill.click();
  await page.waitForFunction((title) => document.querySelector('main .card--lead .card__title')?.textContent.includes(title), fifth.title);
  await page.waitForTimeout(200);
  const after = await page.evaluate((href) => {
    const card = [...document.querySelectorAll('main .feed__cards > article')]
      .find((card) => card.querySelector('.card__title a').getAttribute('href') === href);
    return Math.round(card.getBoundingClientRect().top);
  }, seen.href);
  assert.ok(Math.abs(after - seen.top) <= 2, `the card the reader was looking at stayed in place (${seen.top} → ${after})`);
  const titles = await page.locator('main .feed__cards > article .card__title').allTextContents();
  assert.deepEqual(titles.slice(0, 5).map((text) => text.trim()), [fifth, fourth, third, second, first].map((article) => article.title));
  assert.equal(await pill.count(), 0);
  assert.equal(await page.title(), title);
  assert.equal(await page.locator('main .live-updates [role=status]').textContent(), 'Свежие новости — в начале списка.');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), fifth.title, 'focus is on the first new story');
  assert.deepEqual(problems, []);
  await context.close();
});

test('with the service worker in control, the check asks the server, not the worker\'s kept copy', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await server.newReader({ serviceWorkers: 'allow', viewport: { width: 1366, height: 900 } });
  await page.clock.install();
  await page.goto(`${server.url}/`);
  await page.locator('main .card--lead').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  // Again, under the worker: it now keeps the list (stale-while-revalidate).
  await page.reload();
  await page.locator('main .card--lead').waitFor();
  await page.waitForTimeout(500);
  const checks = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (`${url.pathname}${url.search}` === '/api/v1/articles?lang=en') checks.push(response);
  });
  const story = await publish({ lang: 'en', title: 'Published while the worker keeps an older list' });
  await aMinuteLater(page);
  // One check, answered by the server: the story is offered at once.
  await page.locator('.live-updates__button').waitFor({ timeout: 5_000 });
  assert.equal(checks.length, 1);
  assert.equal(checks[0].fromServiceWorker(), false);
  await page.locator('.live-updates__button').click();
  await page.locator('main .card--lead .card__title', { hasText: story.title }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a section\'s page offers its own new story, in English (desktop)', { timeout: 90_000 }, async () => {
  const { context, page, problems } = await server.newReader({ viewport: { width: 1366, height: 900 } });
  await page.clock.install();
  await page.goto(`${server.url}/category/economy`);
  await page.locator('main .feed__cards > article').first().waitFor();
  // Another section's story is not this page's news.
  await publish({ lang: 'en', category: 'politics', title: 'A politics story for another page' });
  await aMinuteLater(page);
  await page.locator('main .live-updates').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.live-updates__button').count(), 0);
  const story = await publish({ lang: 'en', category: 'economy', title: 'Markets open higher on Monday' });
  await aMinuteLater(page);
  const pill = page.locator('.live-updates__button');
  await pill.waitFor();
  assert.equal((await pill.textContent()).replace('↑', '').trim(), '1 new story');
  assert.match(await page.title(), /^\(1\) /);
  await pill.press('Enter');
  await page.locator('main .feed__cards > article').first().locator('.card__title', { hasText: story.title }).waitFor();
  assert.equal(await pill.count(), 0);
  // Coming back to this list (Back) brings the reader among as many cards as it shows now.
  const shown = await page.locator('main .feed__cards > article').count();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('gazette.feed:/category/economy')), String(shown));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an open article the newsroom updates offers its new version, in Armenian', { timeout: 90_000 }, async () => {
  const story = await publish({ lang: 'hy', title: 'Կառավարությունը նոր որոշում է ընդունել' });
  const { context, page, problems } = await server.newReader({ viewport: { width: 390, height: 844 } });
  await page.clock.install();
  await page.goto(`${server.url}/hy/article/${story.slug}`);
  await page.locator('main .article__title', { hasText: story.title }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('main .article-update').count(), 0, 'its code comes when the first check is due');
  await aMinuteLater(page);
  await page.locator('main .article-update').waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.article-update__notice').count(), 0, 'nothing offered before a change');

  await update(story, { title: 'Կառավարությունը նոր որոշում է ընդունել (թարմացված)' });
  await aMinuteLater(page);
  const notice = page.locator('main .article-update__notice');
  await notice.waitFor();
  const expected = await page.evaluate(() => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Baku' }).format(new Date()));
  const text = (await notice.textContent()).replace(/\s+/g, ' ').trim();
  assert.match(text, /^Թարմացվել է \d\d:\d\d — Ցույց տալ նոր տարբերակը$/);
  // The time is the newsroom's (Baku) time of the change, a minute or two before the page's clock.
  const [hours, minutes] = text.match(/\d\d:\d\d/)[0].split(':').map(Number);
  const [nowHours, nowMinutes] = expected.split(':').map(Number);
  const behind = ((nowHours * 60 + nowMinutes) - (hours * 60 + minutes) + 1440) % 1440;
  assert.ok(behind <= 5, `updated ${text}, page clock ${expected}`);
  assert.equal(await page.locator('main .article-update').getAttribute('role'), 'status');
  // The reader is halfway down the article. The new version comes whole, in one task: a
  // version whose text came a task later would be short for a moment, and the browser would
  // clamp the reader's scroll position to it.
  await page.evaluate(() => window.scrollTo(0, document.querySelector('main .article__body').offsetTop + 200));
  const scrolledTo = await page.evaluate(() => window.scrollY);
  await page.evaluate(() => {
    window.newVersionWhole = null;
    new MutationObserver((_, observer) => {
      const title = [...document.querySelectorAll('main .article__title')].find((t) => t.textContent.includes('(թարմացված)'));
      if (!title) return;
      window.newVersionWhole = Boolean(title.closest('article')?.querySelector('.article__body p'));
      observer.disconnect();
    }).observe(document.querySelector('main'), { childList: true, subtree: true });
  });
  await notice.getByRole('button', { name: 'Ցույց տալ նոր տարբերակը' }).click();
  await page.locator('main .article__title', { hasText: '(թարմացված)' }).waitFor();
  assert.equal(await page.evaluate(() => window.newVersionWhole), true, 'the new version came with its text');
  assert.ok(Math.abs(await page.evaluate(() => window.scrollY) - scrolledTo) <= 40, 'the reader kept their place');
  assert.equal(await page.locator('.article-update__notice').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('breaking news is a banner on every page in its language, which the reader can hide', { timeout: 120_000 }, async () => {
  const { context, page, problems } = await server.newReader({ viewport: { width: 390, height: 844 } });
  await page.clock.install();
  await page.goto(`${server.url}/category/society`);
  await page.locator('main .feed__cards > article').first().waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.breaking').count(), 0, 'no banner without breaking news');

  // Marked breaking while the page is open: the banner comes within a minute.
  const story = await publish({ lang: 'en', category: 'economy', title: 'Breaking: the central bank cuts its rate', breaking: true });
  const ruStory = await publish({ lang: 'ru', category: 'economy', title: 'Срочно: центробанк снизил ставку', breaking: true });
  await aMinuteLater(page);
  const banner = page.locator('.bottom-stack .breaking');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('aria-label'), 'Breaking news');
  assert.equal((await banner.locator('.breaking__label').textContent()).trim(), 'Breaking');
  assert.equal(await banner.locator('a').getAttribute('href'), `/article/${story.slug}`);
  assert.equal((await banner.locator('a').textContent()).trim(), story.title);
  // It covers nothing the reader needs: fixed, outside the page's flow.
  assert.equal(await banner.evaluate((element) => getComputedStyle(element.parentElement).position), 'fixed');

  // Another page in Russian: the Russian story, at once, from one request (the page's
  // answer is handed to the banner, which does not ask again).
  const asked = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v1/breaking') asked.push(request.url());
  });
  await page.goto(`${server.url}/ru`);
  await page.locator('main .card--lead').waitFor();
  await banner.waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(asked.map((url) => new URL(url).search), ['?lang=ru']);
  assert.equal(await banner.getAttribute('aria-label'), 'Срочные новости');
  assert.equal((await banner.locator('.breaking__label').textContent()).trim(), 'Срочно');
  assert.equal((await banner.locator('a').textContent()).trim(), ruStory.title);
  await banner.locator('a').click();
  await page.locator('main .article__title', { hasText: ruStory.title }).waitFor();
  // Hidden: gone, and still gone after a reload; the English one is still shown in English.
  await banner.getByRole('button', { name: 'Скрыть эту срочную новость' }).click();
  assert.equal(await banner.count(), 0);
  await page.reload();
  await page.locator('main .article__title', { hasText: ruStory.title }).waitFor();
  await page.waitForTimeout(1000);
  assert.equal(await banner.count(), 0, 'a hidden story stays hidden');
  await page.goto(`${server.url}/`);
  await banner.waitFor();
  assert.equal((await banner.locator('a').textContent()).trim(), story.title);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations with the new-stories pill, the update notice and the banner showing (${colorScheme})`, { timeout: 120_000 }, async () => {
    const { context, page, problems } = await server.newReader({ colorScheme, bypassCSP: true, viewport: { width: 390, height: 844 } });
    await page.clock.install();
    const story = await publish({ lang: 'ru', category: 'society', title: `Срочная новость для проверки (${colorScheme})`, breaking: true });
    await page.goto(`${server.url}/ru`);
    await page.locator('main .card--lead').waitFor();
    await page.locator('.breaking').waitFor();
    await publish({ lang: 'ru', title: `Новость для проверки доступности (${colorScheme})` });
    await aMinuteLater(page);
    await page.locator('.live-updates__button').waitFor();
    const found = (await axe(page)).map((line) => `/ru ${line}`);
    await page.goto(`${server.url}/ru/article/${story.slug}`);
    await page.locator('main .article__title').waitFor();
    await aMinuteLater(page);
    await page.locator('main .article-update').waitFor({ state: 'attached' });
    await update(story, { lead: 'Обновлённый лид.' });
    await aMinuteLater(page);
    await page.locator('main .article-update__notice').waitFor();
    found.push(...(await axe(page)).map((line) => `article ${line}`));
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
