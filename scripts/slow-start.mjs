// A first visit on a slow phone connection (Chromium's network emulation: 400 kbps down and
// up, 400 ms round trips; a fresh profile, no service worker): for each landing page, when
// the story is readable (the first contentful paint: the server's first screen), when a tap
// answers (every 200 ms from the first paint the reader taps Menu, or the night theme switch
// once the menu shows it; the time the theme first changes — the first screen's links, Menu,
// search form, theme switch, Save and A-/A+ work before the app), and when the app is up (it
// has replaced the first screen, so every control works, sharing too), against 3 s.
// Usage: node scripts/slow-start.mjs http://127.0.0.1:18088
import { launchBrowser } from '../e2e/support.mjs';
import { LANDING_PAGES } from './landing-pages.mjs';

const BUDGET_S = 3;
const origin = process.argv[2] ?? 'http://127.0.0.1:8080';
// /ru is the front page again: its figures are home's.
const routes = LANDING_PAGES.filter(([label]) => label !== 'home (ru)');
const browser = await launchBrowser();
const seconds = (ms) => (ms / 1000).toFixed(2);
console.log(`${'page'.padEnd(10)}${'readable'.padStart(10)}${'tap'.padStart(10)}${'app up'.padStart(10)}`);
let over = 0;
let tapsOver = 0;
for (const [label, path] of routes) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: 400_000 / 8,
    uploadThroughput: 400_000 / 8,
  });
  await page.goto(origin + path, { waitUntil: 'commit' });
  // Taps on the theme switch (whichever is on top), until one has changed the theme.
  let tap = NaN;
  const deadline = Date.now() + 60_000;
  while (Number.isNaN(tap) && Date.now() < deadline) {
    // Watches for the theme changing from one value to another (not for the first value,
    // which the inline script in the head sets).
    await page.evaluate(() => {
      if (window.tapWatch || !document.documentElement) return;
      window.tapWatch = new MutationObserver((changes) => {
        if (changes.some((change) => change.oldValue && window.themeAnsweredAt === undefined)) {
          window.themeAnsweredAt = performance.now();
        }
      });
      window.tapWatch.observe(document.documentElement, { attributeFilter: ['data-theme'], attributeOldValue: true });
    }).catch(() => {});
    // A reader taps what is on the screen: nothing before the first paint.
    const painted = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length > 0)
      .catch(() => false);
    if (!painted) {
      await page.waitForTimeout(50);
      continue;
    }
    // On a phone the switch is in the menu: Menu first, while the switch is hidden.
    const toggle = page.locator('.theme-toggle').first();
    const shown = await toggle.isVisible().catch(() => false);
    const target = shown ? toggle : page.locator('.nav__toggle').first();
    const box = await target.boundingBox().catch(() => null);
    if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(200);
    tap = await page.evaluate(() => window.themeAnsweredAt ?? NaN).catch(() => NaN);
  }
  if (!(tap <= BUDGET_S * 1000)) tapsOver += 1;
  // The app removes the server's first screen once its own page is in place underneath.
  await page.waitForFunction(() => document.readyState !== 'loading' && !document.getElementById('first-screen')
    && document.querySelector('main#main > *'), null, { timeout: 60_000, polling: 50 });
  const { readable, answers } = await page.evaluate(() => ({
    readable: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    answers: performance.now(),
  }));
  if (!(answers <= BUDGET_S * 1000)) over += 1;
  console.log(`${label.padEnd(10)}${(seconds(readable) + ' s').padStart(10)}${(seconds(tap) + ' s').padStart(10)}${(seconds(answers) + ' s').padStart(10)}`);
  await context.close();
}
await browser.close();
console.log(`budget: a tap answers within ${BUDGET_S} s at 400 kbps / 400 ms: ${tapsOver === 0 ? 'all within' : `${tapsOver} of ${routes.length} OVER`}`);
console.log(`budget: the app is up within ${BUDGET_S} s at 400 kbps / 400 ms: ${over === 0 ? 'all within' : `${over} of ${routes.length} OVER`}`);
