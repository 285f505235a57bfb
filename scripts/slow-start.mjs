// A first visit on a slow phone connection (Chromium's network emulation: 400 kbps down and
// up, 400 ms round trips; a fresh profile, no service worker): for each landing page, when
// the story is readable (the first contentful paint: the server's first screen) and when the
// page answers the reader (the app has replaced the first screen, so its controls — menu,
// theme, text size, share, links inside the app — work), against the 3 s budget.
// Usage: node scripts/slow-start.mjs http://127.0.0.1:18088
import { launchBrowser } from '../e2e/support.mjs';
import { LANDING_PAGES } from './landing-pages.mjs';

const BUDGET_S = 3;
const origin = process.argv[2] ?? 'http://127.0.0.1:8080';
// /ru is the front page again: its figures are home's.
const routes = LANDING_PAGES.filter(([label]) => label !== 'home (ru)');
const browser = await launchBrowser();
const seconds = (ms) => (ms / 1000).toFixed(2);
console.log(`${'page'.padEnd(10)}${'readable'.padStart(10)}${'answers'.padStart(10)}`);
let over = 0;
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
  // The app removes the server's first screen once its own page is in place underneath.
  await page.waitForFunction(() => document.readyState !== 'loading' && !document.getElementById('first-screen')
    && document.querySelector('main#main > *'), null, { timeout: 60_000, polling: 50 });
  const { readable, answers } = await page.evaluate(() => ({
    readable: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    answers: performance.now(),
  }));
  if (!(answers <= BUDGET_S * 1000)) over += 1;
  console.log(`${label.padEnd(10)}${(seconds(readable) + ' s').padStart(10)}${(seconds(answers) + ' s').padStart(10)}`);
  await context.close();
}
await browser.close();
console.log(`budget: the page answers within ${BUDGET_S} s at 400 kbps / 400 ms: ${over === 0 ? 'all within' : `${over} of ${routes.length} OVER`}`);
