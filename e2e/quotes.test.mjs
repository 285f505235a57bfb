// Quote links (issue 13), in real Chromium against the real server: selecting text in an
// article offers "Copy link to this quote" and "Share quote"; the link is the article's address
// with a percent-encoded text fragment (the whole quote when short, its first and last words
// when long or over several paragraphs), the toast says which quote was copied, the share sheet
// gets the quote and the link, the share bar still copies the plain address, and opening the
// link scrolls the reader to the quote. In English and Armenian.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteUnderTest, startReading } from './support.mjs';

const MEXICO = '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
const MEXICO_HY = '/hy/article/meksikan-ev-adrbejany-divanagitakan-haraberutyunneri-33-amyaky';
const server = siteUnderTest();

/** A reader whose browser has a share sheet that records what it was given. */
async function quoteReader(options) {
  const reader = await server.newReader(options);
  await reader.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await reader.context.addInitScript(() => {
    window.shared = [];
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data) => { window.shared.push(data); },
    });
  });
  return reader;
}

/**
 * Selects text in the article body as a reader would (a range set on the page's selection):
 * from `start` characters into paragraph `from` to `end` characters into paragraph `to`.
 */
async function select(page, { from, start, to = from, end }) {
  await page.evaluate(({ from, start, to, end }) => {
    const paragraphs = document.querySelectorAll('main .article__body > p');
    const textOf = (index) => {
      const walker = document.createTreeWalker(paragraphs[index], NodeFilter.SHOW_TEXT);
      return walker.nextNode();
    };
    const range = document.createRange();
    range.setStart(textOf(from), start);
    range.setEnd(textOf(to), end);
    paragraphs[from].scrollIntoView({ block: 'center' });
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }, { from, start, to, end });
}

/** Decodes a text directive's terms. */
function terms(url) {
  const fragment = new URL(url).hash;
  assert.match(fragment, /^#:~:text=[^#&]+$/);
  return fragment.slice('#:~:text='.length).split(',').map(decodeURIComponent);
}

test('a short quote: its link, the toast, the share sheet, and the link opens at the quote (English)', async () => {
  const { context, page, problems } = await quoteReader({ viewport: { width: 1366, height: 900 } });
  await page.goto(server.url + MEXICO);
  await page.locator('main .article__body p').first().waitFor();
  const tools = page.locator('main .quote-tools');
  assert.equal(await tools.isVisible(), false, 'no quote tools without a selection');

  // "mark the 33rd anniversary" is selected from the middle of "marked": widened to whole words.
  const first = await page.locator('main .article__body > p').first().textContent();
  const at = first.indexOf('marked the 33rd anniversary');
  await select(page, { from: 0, start: at + 2, end: at + 'marked the 33rd anniversary'.length });
  // Selecting is also what fetches the tools: they follow the selection made before them.
  await tools.waitFor();
  assert.equal(await tools.getAttribute('role'), 'toolbar');
  assert.equal(await page.evaluate(() => window.getSelection().toString()), 'marked the 33rd anniversary');
  const copy = tools.getByRole('button', { name: 'Copy link to this quote' });
  await copy.click();
  const toast = page.locator('.toast-region .toast');
  await toast.waitFor();
  assert.equal(await toast.textContent(), 'Link to the quote copied: «marked the 33rd anniversary»');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${server.url}${MEXICO}#:~:text=marked%20the%2033rd%20anniversary`);
  // The box stays by the selection and inside the screen.
  const box = await tools.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 1366, JSON.stringify(box));

  await tools.getByRole('button', { name: 'Share quote' }).click();
  await page.waitForFunction(() => window.shared.length === 1);
  const [shared] = await page.evaluate(() => window.shared);
  assert.equal(shared.url, link);
  assert.equal(shared.text, '«marked the 33rd anniversary»');
  assert.match(shared.title, /^Mexico and Azerbaijan/);

  // The share bar keeps the article's plain address.
  await page.evaluate(() => window.getSelection().removeAllRanges());
  await tools.waitFor({ state: 'hidden' });
  await page.locator('.share-bar__copy').click();
  await page.waitForFunction(async () => !(await navigator.clipboard.readText()).includes('#'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), server.url + MEXICO);
  assert.match((await page.locator('.share-bar__link--telegram').getAttribute('href')), /url=[^&]*mexico[^&#%]*(&|$)/);

  // Opened, the link brings its reader to the quote.
  const receiver = await context.newPage();
  await receiver.goto(link);
  await receiver.locator('main .article__body p').first().waitFor();
  await receiver.waitForFunction(() => window.scrollY > 200, null, { timeout: 10_000 });
  const quoteTop = await receiver.evaluate(() => {
    const paragraph = document.querySelectorAll('main .article__body > p')[0];
    return paragraph.getBoundingClientRect().top;
  });
  assert.ok(quoteTop > -400 && quoteTop < 900, `the quote's paragraph is on screen (${quoteTop})`);
  await receiver.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long quote over two paragraphs is named by its first and last words (Armenian, phone)', async () => {
  const { context, page, problems } = await quoteReader({ viewport: { width: 390, height: 844 } });
  await page.goto(server.url + MEXICO_HY);
  await page.locator('main .article__body p').first().waitFor();
  const tools = page.locator('main .quote-tools');
  const paragraphs = await page.locator('main .article__body > p').allTextContents();
  // From the start of the second paragraph to the end of the third's first sentence.
  const end = paragraphs[2].indexOf('։') + 1;
  await select(page, { from: 1, start: 0, to: 2, end: end - 1 });
  await tools.waitFor();
  await tools.getByRole('button', { name: 'Պատճենել մեջբերման հղումը' }).click();
  const toast = page.locator('.toast-region .toast');
  await toast.waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${server.url}${MEXICO_HY}#:~:text=`), link);
  // Percent-encoded: no raw spaces, commas or dashes in a term, Armenian letters as UTF-8.
  const raw = new URL(link).hash.slice('#:~:text='.length).split(',');
  assert.equal(raw.length, 2, link);
  for (const term of raw) assert.match(term, /^[A-Za-z0-9._~!*'()%]+$/);
  const [startTerm, endTerm] = terms(link);
  const secondWords = paragraphs[1].trim().split(/\s+/);
  assert.ok(paragraphs[1].trim().startsWith(startTerm), `${startTerm} starts the second paragraph`);
  assert.ok(startTerm.split(' ').length >= 4 && startTerm.split(' ').length < secondWords.length);
  const selectedEnd = paragraphs[2].slice(0, end - 1).trim();
  assert.ok(selectedEnd.endsWith(endTerm), `${endTerm} ends the selection`);
  // The toast names the quote by its start.
  const message = await toast.textContent();
  assert.ok(message.startsWith('Մեջբերման հղումը պատճենվեց՝ «'), message);
  assert.ok(message.includes(secondWords.slice(0, 3).join(' ')), message);
  assert.ok(message.endsWith('…»'), message);
  // The tools fit the phone's screen.
  const box = await tools.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));

  // Opened, the link brings its reader to the second paragraph.
  const receiver = await context.newPage();
  await receiver.setViewportSize({ width: 390, height: 844 });
  await receiver.goto(link);
  await receiver.locator('main .article__body p').first().waitFor();
  await receiver.waitForFunction(() => window.scrollY > 200, null, { timeout: 10_000 });
  await receiver.close();
  assert.deepEqual(problems, []);
  await context.close();
});
