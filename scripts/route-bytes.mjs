// App code a first visit of each landing page loads, measured in a real browser: the page is
// opened in a fresh profile (no cache, no service worker), and the WebAssembly, JavaScript and
// CSS responses it received are added up as sent (brotli from the server), against the
// 100 KB budget. The service worker's precache of the remaining chunks runs later, after the
// page is up, and is not part of the first load.
// Usage: node scripts/route-bytes.mjs http://127.0.0.1:18088
import { launchBrowser } from '../e2e/support.mjs';
import { LANDING_PAGES } from './landing-pages.mjs';

const BUDGET_KB = 100;
const origin = process.argv[2] ?? 'http://127.0.0.1:8080';
const routes = LANDING_PAGES;
const browser = await launchBrowser();
const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log(`${'page'.padEnd(12)}${'app code'.padStart(10)}${'wasm'.padStart(8)}${'JS'.padStart(7)}${'CSS'.padStart(7)}  files`);
let over = 0;
for (const [label, path] of routes) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  const sums = { wasm: 0, js: 0, css: 0 };
  let files = 0;
  for (const response of responses) {
    // A landing bundle (`.bin`) is the page's WebAssembly chunks in one response.
    const kind = new URL(response.url()).pathname.match(/\.(wasm|bin|js|css)$/)?.[1]?.replace('bin', 'wasm');
    if (!kind) continue;
    const sizes = await response.request().sizes().catch(() => null);
    if (!sizes) continue;
    sums[kind] += sizes.responseBodySize;
    files += 1;
  }
  const total = sums.wasm + sums.js + sums.css;
  if (total > BUDGET_KB * 1024) over += 1;
  console.log(`${label.padEnd(12)}${(kb(total) + ' KB').padStart(10)}${kb(sums.wasm).padStart(8)}${kb(sums.js).padStart(7)}${kb(sums.css).padStart(7)}  ${files}`);
  await context.close();
}
await browser.close();
console.log(`budget ${BUDGET_KB} KB per landing page: ${over === 0 ? 'all within' : `${over} of ${routes.length} OVER`}`);
