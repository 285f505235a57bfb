// Listen to the article (issue 13), in real Chromium against the real server, with a test voice:
// the page's speechSynthesis and SpeechSynthesisUtterance are replaced (before the app runs) by a
// recorder that lists every call and plays utterances only when the test says they ended. The
// Listen button reads the title, then the lead and the body, one part at a time, in the article's
// language, at the chosen speed; the part being read is highlighted; Pause, Resume, Stop and
// leaving the article reach the synthesis; without a voice for the article's language there is
// no button (until one arrives). In English and Russian.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteUnderTest, startReading } from './support.mjs';

const MEXICO = '/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
const MEXICO_RU = '/ru/article/meksika-i-azerbaydzhan-otmechayut-33-goda-diplomaticheskikh-otnosheniy';
const MEXICO_HY = '/hy/article/meksikan-ev-adrbejany-divanagitakan-haraberutyunneri-33-amyaky';
const server = siteUnderTest();

/**
 * Installs the fake synthesis with `voices` ([{ lang, name }]). `window.speech.calls` lists
 * { call: 'speak', text, lang, rate, voice } and { call: 'pause' | 'resume' | 'cancel' };
 * `window.speech.end()` ends the utterance being spoken (the next one queued starts);
 * `window.speech.addVoice(voice)` adds a voice and fires `voiceschanged`.
 */
function installFakeSpeech(voices) {
  class FakeUtterance extends EventTarget {
    constructor(text = '') {
      super();
      Object.assign(this, { text, lang: '', rate: 1, pitch: 1, volume: 1, voice: null });
    }
  }
  const fire = (utterance, type, extra = {}) => {
    const event = new Event(type);
    Object.assign(event, { utterance, charIndex: 0, elapsedTime: 0, name: '' }, extra);
    utterance[`on${type}`]?.(event);
    utterance.dispatchEvent(event);
  };
  const list = voices.map((voice) => ({ default: false, localService: true, voiceURI: voice.name, ...voice }));
  const synthesis = new EventTarget();
  const state = { queue: [], speaking: null, paused: false };
  const next = () => {
    state.speaking = state.queue.shift() ?? null;
    if (state.speaking) setTimeout(() => fire(state.speaking, 'start'), 0);
  };
  Object.assign(synthesis, {
    get speaking() { return state.speaking !== null; },
    get pending() { return state.queue.length > 0; },
    get paused() { return state.paused; },
    onvoiceschanged: null,
    getVoices: () => list.slice(),
    speak(utterance) {
      window.speech.calls.push({
        call: 'speak', text: utterance.text, lang: utterance.lang, rate: utterance.rate, voice: utterance.voice?.name ?? null,
      });
      state.queue.push(utterance);
      if (!state.speaking) next();
    },
    pause() { window.speech.calls.push({ call: 'pause' }); state.paused = true; },
    resume() { window.speech.calls.push({ call: 'resume' }); state.paused = false; },
    cancel() {
      window.speech.calls.push({ call: 'cancel' });
      const cancelled = [state.speaking, ...state.queue].filter(Boolean);
      state.queue = [];
      state.speaking = null;
      state.paused = false;
      for (const utterance of cancelled) fire(utterance, 'error', { error: 'canceled' });
    },
  });
  window.speech = {
    calls: [],
    end() {
      const ended = state.speaking;
      if (ended) fire(ended, 'end');
      next();
    },
    addVoice(voice) {
      list.push({ default: false, localService: true, voiceURI: voice.name, ...voice });
      const event = new Event('voiceschanged');
      synthesis.onvoiceschanged?.(event);
      synthesis.dispatchEvent(event);
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synthesis });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: FakeUtterance });
}

async function listener(voices, options = {}) {
  const reader = await server.newReader(options);
  await reader.context.addInitScript(installFakeSpeech, voices);
  return reader;
}

const calls = (page) => page.evaluate(() => window.speech.calls);
const speakCalls = async (page) => (await calls(page)).filter((call) => call.call === 'speak');
const squash = (text) => text.replace(/\s+/g, ' ').trim();

/** Waits until the synthesis has been called `count` times in all. */
async function waitForCalls(page, count) {
  await page.waitForFunction((count) => window.speech.calls.length >= count, count);
}

async function readsAloud(page, path, { listen, pause, resume, stop, speed, lang, part }) {
  await page.goto(server.url + path);
  await startReading(page);
  const toggle = page.locator('main .listen__toggle');
  await toggle.waitFor();
  assert.equal((await toggle.textContent()).trim(), `▶${listen}`);
  assert.equal(await page.locator('main .listen').getAttribute('role'), 'group');
  assert.deepEqual(await calls(page), [], 'nothing is read before Listen');

  const title = squash(await page.locator('main .article__title').textContent());
  const lead = squash(await page.locator('main .article__lead').textContent());
  const paragraphs = (await page.locator('main .article__body > p').allTextContents()).map(squash);
  await toggle.click();
  await waitForCalls(page, 1);
  let [first] = await speakCalls(page);
  assert.deepEqual(first, { call: 'speak', text: title, lang: first.lang, rate: 1, voice: first.voice });
  assert.ok(first.lang.toLowerCase().startsWith(lang), `utterance in ${lang}: ${first.lang}`);
  assert.ok(first.voice, 'a voice for the language was chosen');
  await page.locator('main .article__title[data-read-aloud]').waitFor();
  assert.equal((await toggle.textContent()).trim(), `❚❚${pause}`);
  assert.match(await page.locator('main .listen__where').textContent(), part(1));

  // The title ends: the lead, highlighted instead.
  await page.evaluate(() => window.speech.end());
  await waitForCalls(page, 2);
  assert.equal((await speakCalls(page))[1].text, lead);
  await page.locator('main .article__lead[data-read-aloud]').waitFor();
  assert.equal(await page.locator('[data-read-aloud]').count(), 1);
  assert.match(await page.locator('main .listen__where').textContent(), part(2));

  // Pause and Resume (the same button), by keyboard.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await waitForCalls(page, 3);
  assert.deepEqual((await calls(page))[2], { call: 'pause' });
  assert.equal((await toggle.textContent()).trim(), `▶${resume}`);
  await page.keyboard.press('Enter');
  await waitForCalls(page, 4);
  assert.deepEqual((await calls(page))[3], { call: 'resume' });

  // A faster speed starts the part again at it.
  await page.locator('main .listen__rate').selectOption('1.5');
  await waitForCalls(page, 6);
  assert.deepEqual((await calls(page)).slice(4).map((call) => call.call), ['cancel', 'speak']);
  const again = (await speakCalls(page))[2];
  assert.equal(again.text, lead);
  assert.equal(again.rate, 1.5);
  assert.ok((await page.locator('main .listen__speed').textContent()).includes(speed));

  // On through the body: each paragraph in turn, kept in view.
  await page.evaluate(() => window.speech.end());
  await waitForCalls(page, 7);
  const body = (await speakCalls(page))[3];
  assert.equal(body.text, paragraphs[0]);
  assert.equal(body.rate, 1.5);
  await page.evaluate(() => window.speech.end());
  await waitForCalls(page, 8);
  assert.equal((await speakCalls(page))[4].text, paragraphs[1]);
  const highlighted = page.locator('main .article__body > p[data-read-aloud]');
  await highlighted.waitFor();
  assert.equal(squash(await highlighted.textContent()), paragraphs[1]);
  await page.waitForFunction(() => {
    const box = document.querySelector('[data-read-aloud]').getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

  // Stop: the synthesis is cancelled, the highlight goes, focus stays on the player.
  await page.locator('main .listen__stop').click();
  await waitForCalls(page, 9);
  assert.deepEqual((await calls(page))[8], { call: 'cancel' });
  assert.equal(await page.locator('[data-read-aloud]').count(), 0);
  assert.equal((await toggle.textContent()).trim(), `▶${listen}`);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('listen__toggle')), true);
  assert.equal(await page.locator('main .listen__stop').count(), 0);
  void stop;
}

test('Listen reads an English article aloud: parts, highlight, pause, resume, speed, stop', async () => {
  const { context, page, problems } = await listener([{ lang: 'en-US', name: 'Test English' }, { lang: 'ru-RU', name: 'Test Russian' }]);
  await readsAloud(page, MEXICO, {
    listen: 'Listen', pause: 'Pause', resume: 'Resume', stop: 'Stop', speed: 'Speed', lang: 'en',
    part: (n) => new RegExp(`^Part ${n} of \\d+$`),
  });
  const [first] = await speakCalls(page);
  assert.equal(first.voice, 'Test English');

  // Reading stops when the reader leaves the article (the synthesis would go on otherwise).
  await page.locator('main .listen__toggle').click();
  await waitForCalls(page, 10);
  const before = (await calls(page)).length;
  await page.locator('main a.article__category').click();
  await page.waitForURL('**/category/**');
  await page.waitForFunction((before) => window.speech.calls.slice(before).some((call) => call.call === 'cancel'), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Listen in Russian, at the speed kept from before, with a Russian voice', async () => {
  const { context, page, problems } = await listener([{ lang: 'ru_RU', name: 'Test Russian' }], { viewport: { width: 390, height: 844 } });
  await readsAloud(page, MEXICO_RU, {
    listen: 'Слушать', pause: 'Пауза', resume: 'Продолжить', stop: 'Стоп', speed: 'Скорость', lang: 'ru',
    part: (n) => new RegExp(`^Фрагмент ${n} из \\d+$`),
  });
  // The speed chosen is kept: the next article is read at it.
  await page.reload();
  await page.locator('main .listen__toggle').click();
  await page.waitForFunction(() => window.speech.calls.length >= 1);
  const [first] = await speakCalls(page);
  assert.equal(first.rate, 1.5);
  assert.equal(first.voice, 'Test Russian');
  assert.equal(await page.locator('main .listen__rate').inputValue(), '1.5');
  assert.equal(await page.locator('main .listen__rate option:checked').textContent(), '1,5×');
  assert.deepEqual(problems, []);
  await context.close();
});

test('no Listen button without a voice for the article\'s language, until one arrives', async () => {
  const { context, page, problems } = await listener([{ lang: 'en-US', name: 'Test English' }]);
  await page.goto(server.url + MEXICO_HY);
  await startReading(page);
  // The reader tools have loaded (the progress bar is theirs), and Listen is not among them.
  await page.locator('.reading-progress').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.listen__toggle').count(), 0);
  // A browser that loads an Armenian voice later shows the button then.
  await page.evaluate(() => window.speech.addVoice({ lang: 'hy-AM', name: 'Test Armenian' }));
  const toggle = page.locator('main .listen__toggle');
  await toggle.waitFor();
  assert.equal((await toggle.textContent()).trim(), '▶Լսել');
  await toggle.click();
  await page.waitForFunction(() => window.speech.calls.length >= 1);
  const [first] = await speakCalls(page);
  assert.equal(first.lang, 'hy-AM');
  assert.equal(first.voice, 'Test Armenian');

  // A browser without speech synthesis at all: no button, no error.
  const bare = await context.newPage();
  await bare.addInitScript(() => {
    delete window.speechSynthesis;
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined });
  });
  const errors = [];
  bare.on('pageerror', (error) => errors.push(error.message));
  await bare.goto(server.url + MEXICO);
  await startReading(bare);
  await bare.locator('.reading-progress').waitFor({ state: 'attached' });
  await bare.waitForLoadState('networkidle');
  await bare.waitForTimeout(500);
  assert.equal(await bare.locator('.listen__toggle').count(), 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(problems, []);
  await context.close();
});
