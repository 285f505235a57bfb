// Reader defects of issue 14, second part: tags named in the article's language that open a tag
// page, authors in the reader's script, "Most read" over the last 7 days (beside the feed on
// wide screens, inside it on phones, on article pages, absent when nobody read anything), ad
// slots with house content sized per viewport, a 404 with search and the latest stories,
// "Also in" links, the newsroom's time zone named for readers elsewhere, the printed masthead,
// the footer's contact and imprint links, A+ at its largest, and a header whose Tab order is
// the order on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteUnderTest } from './support.mjs';

const server = siteUnderTest();
const PHONE = { viewport: { width: 390, height: 844 } };
const DESKTOP = { viewport: { width: 1366, height: 900 } };
const MEXICO = {
  en: '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations',
  ru: '/ru/article/meksika-i-azerbaydzhan-otmechayut-33-goda-diplomaticheskikh-otnosheniy',
  hy: '/hy/article/meksikan-ev-adrbejany-divanagitakan-haraberutyunneri-33-amyaky',
};

/** Counts a view of `path`'s article by `visitors` readers, through the public API. */
async function read(path, visitors) {
  const [, lang] = path.match(/^\/(ru|hy)\//) ?? [, 'en'];
  const slug = path.split('/').pop();
  for (let reader = 0; reader < visitors; reader += 1) {
    const response = await fetch(`${server.url}/api/v1/articles/${slug}/views?lang=${lang}`, {
      method: 'POST',
      headers: { 'x-gazette-visitor': `e2e-reader-${path}-${reader}` },
    });
    assert.equal(response.status, 200);
  }
}

test('tags are named in the article\'s language and open a tag page; the author is in its script', async () => {
  for (const [lang, viewport, tagName, author, heading] of [
    ['ru', PHONE, 'Дипломатия', 'Нигяр Гусейнли', 'Новости с тегом «Дипломатия»'],
    ['hy', DESKTOP, 'Դիվանագիտություն', 'Նիգյար Հուսեյնլի', '«Դիվանագիտություն» պիտակով լուրեր'],
  ]) {
    const { context, page, problems } = await server.newReader(viewport);
    await page.goto(server.url + MEXICO[lang]);
    await page.locator('main .article__title').waitFor();
    assert.match(await page.locator('main .article__byline').textContent(), new RegExp(author));
    const tags = await page.locator('main .article__tags a').allTextContents();
    assert.ok(tags.includes(tagName), `${tags}`);
    assert.ok(tags.every((tag) => !/^[a-z-]+$/.test(tag)), `no slugs: ${tags}`);
    await page.locator('main .article__tags a', { hasText: tagName }).click();
    await page.waitForURL(`${server.url}/${lang}/tag/diplomacy`);
    await page.locator('main .category-header__name', { hasText: tagName }).waitFor();
    assert.equal(await page.locator('main .category-header__description').textContent(), heading);
    const cards = page.locator('main .feed__cards .card__title a');
    await cards.first().waitFor();
    const hrefs = await cards.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    assert.ok(hrefs.includes(MEXICO[lang]), `${hrefs}`);
    assert.ok(hrefs.every((href) => href.startsWith(`/${lang}/article/`)), `${hrefs}`);
    assert.match(await page.title(), new RegExp(`^${tagName} — Gazette$`));
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('"Most read" counts the last 7 days: absent before anyone reads, then beside the feed or inside it on phones, and on articles', async () => {
  // Nobody has read anything in English yet (the tests before read Russian and Armenian).
  const fresh = await server.newReader(DESKTOP);
  await fresh.page.goto(server.url + '/');
  await fresh.page.locator('main .card--lead').waitFor();
  // Both blocks (beside the feed, and inside it for narrow screens) are made, then hidden
  // once the empty list has arrived.
  await fresh.page.waitForFunction(() => {
    const blocks = [...document.querySelectorAll('main .most-read')];
    return blocks.length === 2 && blocks.every((block) => block.hidden);
  });
  await fresh.context.close();

  await read(MEXICO.ru, 3);
  const second = '/ru/article/' + (await (await fetch(`${server.url}/api/v1/articles?lang=ru&limit=3`)).json()).items[2].slug;
  await read(second, 1);

  const desktop = await server.newReader(DESKTOP);
  await desktop.page.goto(server.url + '/ru');
  const side = desktop.page.locator('main .most-read--side');
  await side.locator('.card__title a').first().waitFor();
  assert.equal(await side.locator('h2').textContent(), 'Самое читаемое за 7 дней');
  assert.deepEqual(await side.locator('.card__title a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))), [MEXICO.ru, second]);
  assert.equal(await desktop.page.locator('main .most-read--inline').isVisible(), false);
  // On an article page too.
  await desktop.page.goto(server.url + second);
  await desktop.page.locator('main .most-read--side .card__title a').first().waitFor();
  assert.equal(await desktop.page.locator('main .most-read--side .card__title a').first().getAttribute('href'), MEXICO.ru);
  await desktop.context.close();

  const phone = await server.newReader(PHONE);
  await phone.page.goto(server.url + '/ru');
  const inline = phone.page.locator('main .feed__interlude .most-read');
  await inline.locator('.card__title a').first().waitFor();
  assert.ok(await inline.isVisible());
  assert.equal(await phone.page.locator('main .most-read--side').isVisible(), false);
  // After five cards of the feed, not below all of them.
  const before = await phone.page.locator('main .feed__cards > .card').count();
  const position = await phone.page.evaluate(() => {
    const interlude = document.querySelector('main .feed__interlude');
    const cards = [...document.querySelectorAll('main .feed__cards > .card')];
    return cards.filter((card) => card.compareDocumentPosition(interlude) & Node.DOCUMENT_POSITION_FOLLOWING).length;
  });
  assert.equal(position, 5, `the block follows card 5 of ${before}`);
  await phone.context.close();
});

test('unfilled ad slots show the site\'s own links, sized per viewport, and no side box in the phone column', async () => {
  const phone = await server.newReader(PHONE);
  await phone.page.goto(server.url + MEXICO.en);
  await phone.page.locator('main .article__title').waitFor();
  const top = phone.page.locator('main .ad-slot--top .ad-slot__space');
  await top.locator('a', { hasText: 'App Store' }).waitFor();
  const box = await top.boundingBox();
  assert.ok(Math.abs(box.width - 320) <= 1 && Math.abs(box.height - 100) <= 1, `phone banner ${box.width}×${box.height}`);
  assert.ok(await top.locator('a', { hasText: 'Google Play' }).isVisible(), 'both links fit');
  const stripes = await phone.page.locator('main .ad-slot__space').evaluateAll((slots) => slots.map((slot) => getComputedStyle(slot).backgroundImage));
  assert.ok(stripes.every((image) => image === 'none'), `${stripes}`);
  assert.equal(await phone.page.locator('main .ad-slot--sidebar').isVisible(), false);
  await phone.context.close();

  const desktop = await server.newReader(DESKTOP);
  await desktop.page.goto(server.url + MEXICO.en);
  await desktop.page.locator('main .article__title').waitFor();
  const wide = await desktop.page.locator('main .ad-slot--top .ad-slot__space').boundingBox();
  assert.ok(Math.abs(wide.width - 728) <= 1 && Math.abs(wide.height - 90) <= 1, `leaderboard ${wide.width}×${wide.height}`);
  const sideSlot = desktop.page.locator('main .ad-slot--sidebar .ad-slot__space');
  await sideSlot.locator('a', { hasText: 'Telegram' }).waitFor();
  const side = await sideSlot.boundingBox();
  assert.ok(Math.abs(side.width - 300) <= 1 && Math.abs(side.height - 600) <= 1, `side ${side.width}×${side.height}`);
  await desktop.context.close();
});

test('a missing page offers search and the latest stories, in the reader\'s language', async () => {
  const { context, page, problems } = await server.newReader(PHONE);
  const response = await page.goto(server.url + '/hy/article/no-such-story');
  assert.equal(response.status(), 404);
  await page.locator('main .not-found h1').waitFor();
  const latest = page.locator('main .not-found .card__title a');
  await latest.first().waitFor();
  assert.equal(await latest.count(), 5);
  assert.ok((await latest.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).every((href) => href.startsWith('/hy/article/')));
  await page.locator('main .not-found__field').fill('Բաքու');
  await page.locator('main .not-found__search button').click();
  await page.waitForURL(/\/hy\/search\?q=/);
  await page.locator('main .search-result').first().waitFor();
  assert.deepEqual(problems.filter((problem) => !problem.includes('404')), []);
  await context.close();
});

test('"Also in" leads to the translations; times name the newsroom\'s zone only for readers elsewhere', async () => {
  const away = await server.newReader({ ...PHONE, timezoneId: 'Europe/Berlin' });
  await away.page.goto(server.url + MEXICO.ru);
  const also = away.page.locator('main .article__also');
  await also.waitFor();
  assert.equal(await also.textContent(), 'Также на языках: English · Հայերեն');
  const time = away.page.locator('main .article__meta time');
  await time.filter({ hasText: 'по бакинскому времени' }).waitFor();
  assert.match(await time.textContent(), /^14 января 2025 17:32 по бакинскому времени$/);
  await also.locator('a[hreflang="hy"]').click();
  await away.page.waitForURL(server.url + MEXICO.hy);
  await away.page.locator('main .article__meta time', { hasText: 'Բաքվի ժամանակով' }).waitFor();
  await away.context.close();

  const home = await server.newReader({ ...PHONE, timezoneId: 'Asia/Baku' });
  await home.page.goto(server.url + MEXICO.ru);
  await home.page.locator('main .article__meta time', { hasText: '17:32' }).waitFor();
  assert.equal(await home.page.locator('main .article__meta time').textContent(), '14 января 2025 17:32');
  await home.context.close();
});

test('printed articles start with the masthead; the footer has the newsroom\'s contact and imprint', async () => {
  const { context, page } = await server.newReader(DESKTOP);
  await page.goto(server.url + MEXICO.hy);
  await page.locator('main .article__title').waitFor();
  const contact = page.locator('footer .site-footer__newsroom a', { hasText: 'Կապ խմբագրության հետ' });
  await contact.waitFor();
  assert.equal(await contact.getAttribute('href'), 'mailto:newsroom@gazette.example');
  assert.equal(await page.locator('footer .site-footer__newsroom a', { hasText: 'Ելքային տվյալներ' }).count(), 1);
  await page.emulateMedia({ media: 'print' });
  const masthead = page.locator('.print-masthead');
  assert.ok(await masthead.isVisible());
  assert.match(await masthead.textContent(), /^Gazette — /);
  assert.equal(await page.locator('header.site-header').isVisible(), false);
  const [mastheadBox, titleBox] = [await masthead.boundingBox(), await page.locator('main .article__title').boundingBox()];
  assert.ok(mastheadBox.y < titleBox.y, 'the masthead is above the headline');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await masthead.isVisible(), false);
  await context.close();
});

test('A+ at its largest grows the text but keeps the phone headline within the screen', async () => {
  const { context, page } = await server.newReader(PHONE);
  await page.goto(server.url + MEXICO.hy);
  await page.locator('main .article__title').waitFor();
  const measure = () => page.evaluate(() => {
    const title = document.querySelector('main .article__title');
    return {
      title: parseFloat(getComputedStyle(title).fontSize),
      body: parseFloat(getComputedStyle(document.querySelector('main .article__body p')).fontSize),
      overflow: title.scrollWidth > title.clientWidth || document.documentElement.scrollWidth > innerWidth,
    };
  });
  const before = await measure();
  const increase = page.locator('main .font-controls__increase');
  while (!(await increase.isDisabled())) await increase.click();
  const largest = await measure();
  assert.ok(largest.body >= before.body * 1.4, `text ${before.body} → ${largest.body}`);
  assert.ok(largest.title <= 0.084 * 390 + 0.5, `headline ${largest.title}px`);
  assert.equal(largest.overflow, false);
  await context.close();
});

test('on a wide screen the header\'s Tab order is its order on screen', async () => {
  const { context, page } = await server.newReader(DESKTOP);
  await page.goto(server.url + '/ru');
  await page.locator('main .card--lead').waitFor();
  await page.locator('header.site-header .site-header__links .apps a').first().waitFor();
  await page.locator('header.site-header .nav__link').nth(1).waitFor();
  const order = await page.evaluate(() => {
    const header = document.querySelector('header.site-header');
    const focusable = [...header.querySelectorAll('a[href], button, input')]
      .filter((element) => element.offsetParent !== null);
    return focusable.map((element) => {
      const box = element.getBoundingClientRect();
      return { row: Math.round((box.top + box.height / 2) / 24), x: box.left, name: element.textContent.trim() || element.placeholder };
    });
  });
  assert.ok(order.length >= 15, `${order.length} elements`);
  for (let at = 1; at < order.length; at += 1) {
    const [previous, next] = [order[at - 1], order[at]];
    const ahead = next.row > previous.row || (next.row === previous.row && next.x > previous.x);
    assert.ok(ahead, `${previous.name} (${previous.row}, ${previous.x}) before ${next.name} (${next.row}, ${next.x})`);
  }
  await context.close();
});
