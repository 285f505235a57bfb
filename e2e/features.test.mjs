// Reader features of issue 13. Head tags follow navigation inside the app: after the reader
// moves to another page without a full load, the canonical link, the hreflang alternates,
// og:url, og:title, og:description and <html lang> are what a full load of that address gives,
// so a link copied or shared from the page (and a crawler that runs scripts) sees its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteUnderTest } from './support.mjs';

const server = siteUnderTest();

/** The head tags a link preview, a search engine or a share sheet read. */
async function headTags(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    canonical: document.querySelector('link[rel=canonical]')?.href ?? null,
    alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')]
      .map((link) => `${link.hreflang} ${link.href}`).sort(),
    ogUrl: document.querySelector('meta[property="og:url"]')?.content ?? null,
    ogTitle: document.querySelector('meta[property="og:title"]')?.content ?? null,
    ogDescription: document.querySelector('meta[property="og:description"]')?.content ?? null,
    title: document.title,
  }));
}

/** What a full page load of `path` has in its head. */
async function fullLoadTags(reader, path) {
  const page = await reader.context.newPage();
  await page.goto(server.url + path);
  await page.locator('main h1').first().waitFor();
  const tags = await headTags(page);
  await page.close();
  return tags;
}

test('head tags follow navigation inside the app, in Russian and Armenian', async () => {
  const reader = await server.newReader({ viewport: { width: 1366, height: 900 } });
  const { page, problems } = reader;
  await page.goto(`${server.url}/ru`);
  await page.locator('main .card__title a').first().waitFor();
  const start = await headTags(page);

  // Front page → an article, by clicking its card (no full load).
  const link = page.locator('main .card__title a').first();
  const articlePath = new URL(await link.evaluate((a) => a.href)).pathname;
  await page.evaluate(() => { window.sameDocument = true; });
  await link.click();
  await page.waitForURL(`**${articlePath}`);
  await page.locator('main h1.article__title').waitFor();
  await page.waitForFunction((path) => document.querySelector('link[rel=canonical]')?.href.endsWith(path), articlePath);
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'no full load happened');
  const afterClick = await headTags(page);
  assert.notEqual(afterClick.canonical, start.canonical);
  assert.deepEqual(afterClick, await fullLoadTags(reader, articlePath));

  // The article → the same article in Armenian, by the language switch.
  const switchToHy = page.locator('header.site-header a[hreflang="hy"]').first();
  await switchToHy.click();
  await page.waitForURL(/\/hy\//);
  await page.locator('main h1.article__title').waitFor();
  await page.waitForFunction(() => document.documentElement.lang === 'hy'
    && document.querySelector('link[rel=canonical]')?.href.includes('/hy/'));
  const hyPath = new URL(page.url()).pathname;
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'still no full load');
  assert.deepEqual(await headTags(page), await fullLoadTags(reader, hyPath));

  // The article → its section (every language listed, and x-default).
  const section = page.locator('main a.article__category').first();
  const sectionPath = new URL(await section.evaluate((a) => a.href)).pathname;
  await section.click();
  await page.waitForURL(`**${sectionPath}`);
  await page.locator('main h1.category-header__name').waitFor();
  await page.waitForFunction((path) => document.querySelector('link[rel=canonical]')?.href.endsWith(path), sectionPath);
  const sectionTags = await headTags(page);
  assert.equal(sectionTags.alternates.length, 4, sectionTags.alternates.join('\n'));
  assert.deepEqual(sectionTags, await fullLoadTags(reader, sectionPath));
  assert.equal(await page.evaluate(() => window.sameDocument), true);
  assert.deepEqual(problems, []);
  await reader.context.close();
});
