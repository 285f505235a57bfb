// The reader tools of issue 13 for screen readers and keyboards, in both themes: axe-core finds
// no violations with each tool showing (the progress bar and Back to top a screen down an
// article, the quote tools over a selection, the Listen player while reading, "Continue
// reading" on the front page), and the keyboard reaches Listen and its controls in the order of
// the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { siteUnderTest, startReading } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const MEXICO = '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
const MEXICO_RU = '/ru/article/meksika-i-azerbaydzhan-otmechayut-33-goda-diplomaticheskikh-otnosheniy';
const server = siteUnderTest();

/** A speech synthesis with one voice per language that never finishes speaking. */
function installVoices() {
  const synthesis = new EventTarget();
  Object.assign(synthesis, {
    getVoices: () => ['en-US', 'ru-RU', 'hy-AM'].map((lang) => ({ lang, name: `Test ${lang}`, default: false, localService: true })),
    speak(utterance) { setTimeout(() => utterance.onstart?.(new Event('start')), 0); },
    pause() {}, resume() {}, cancel() {},
  });
  class Utterance extends EventTarget { constructor(text) { super(); this.text = text; } }
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synthesis });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: Utterance });
}

/** Runs axe-core on the page; returns "rule: target" lines for every violation. */
async function axe(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(() => window.axe.run(
    { include: [['html']] },
    { resultTypes: ['violations'] },
  ));
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations with the reader tools showing (${colorScheme} theme)`, { timeout: 120_000 }, async () => {
    const { context, page, problems } = await server.newReader({ colorScheme, bypassCSP: true, viewport: { width: 390, height: 844 } });
    await context.addInitScript(installVoices);
    const found = [];
    for (const path of [MEXICO, MEXICO_RU]) {
      await page.goto(server.url + path);
      await startReading(page);
      await page.locator('main .listen__toggle').waitFor();
      // A screen down: the bar and Back to top; a quote selected: its tools; Listen playing.
      await page.evaluate(() => {
        const paragraph = document.querySelectorAll('main .article__body > p')[1];
        paragraph.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
      });
      await page.locator('main .back-to-top').waitFor();
      await page.locator('main .quote-tools').waitFor();
      await page.locator('main .listen__toggle').click();
      await page.locator('main .listen__stop').waitFor();
      await page.locator('[data-read-aloud]').waitFor();
      await page.waitForTimeout(300);
      found.push(...(await axe(page)).map((line) => `${path} ${line}`));
      await page.locator('main .listen__stop').click();
    }
    // The front page with an article to go back to.
    await page.waitForFunction(() => (localStorage.getItem('gazette.reading') ?? '').includes('"lang":"ru"'));
    await page.goto(server.url + '/ru');
    await page.locator('main .continue-reading').waitFor();
    await page.waitForTimeout(300);
    found.push(...(await axe(page)).map((line) => `/ru ${line}`));
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the keyboard reaches Listen after the article\'s tools, then the player\'s controls', async () => {
  const { context, page, problems } = await server.newReader({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(installVoices);
  await page.goto(server.url + MEXICO);
  await startReading(page);
  await page.locator('main .listen__toggle').waitFor();
  await page.waitForFunction(() => !document.getElementById('first-screen'));
  await page.locator('main .font-controls__increase').focus();
  // A+ (then the "also in" links) come before Listen, which comes before the article's text.
  const order = [];
  for (let step = 0; step < 5 && !order.includes('listen'); step += 1) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const active = document.activeElement;
      if (active.classList.contains('listen__toggle')) return 'listen';
      return active.closest('.article__body') ? 'body' : active.tagName.toLowerCase();
    }));
  }
  assert.equal(order.at(-1), 'listen', order.join(' '));
  assert.ok(!order.includes('body'));
  await page.keyboard.press('Enter');
  await page.locator('main .listen__stop').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('listen__toggle')), true);
  // Tab goes on to the player's own controls.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('listen__stop')), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('listen__rate')), true);
  assert.deepEqual(problems, []);
  await context.close();
});
