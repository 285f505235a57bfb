// Bytes a reader's browser takes from the network on a first and a repeat visit of the front
// page, counting the page's own requests and those its service worker makes (precaching,
// revalidating), split into app code (wasm, JS, CSS) and the rest (HTML, API, images, icons).
// Usage: node scripts/visit-bytes.mjs http://127.0.0.1:18088
import { launchBrowser } from '../e2e/support.mjs';

const origin = process.argv[2] ?? 'http://127.0.0.1:8080';
const browser = await launchBrowser();
const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 412, height: 823 } });
let responses = [];
context.on('response', (response) => responses.push(response));

async function visit(label) {
  responses = [];
  const page = await context.newPage();
  await page.goto(origin + '/', { waitUntil: 'networkidle' });
  await page.locator('main .card--lead').waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(1500);
  let code = 0;
  let rest = 0;
  let count = 0;
  for (const response of responses) {
    // Answers the worker gave the page from its cache did not touch the network.
    if (response.fromServiceWorker()) continue;
    const sizes = await response.request().sizes().catch(() => null);
    if (!sizes) continue;
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    count += 1;
    if (/\.(wasm|bin|js|css)$/.test(new URL(response.url()).pathname)) code += bytes;
    else rest += bytes;
  }
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log(`${label}: ${kb(code + rest)} KB from the network in ${count} responses `
    + `(app code ${kb(code)} KB, pages/API/images ${kb(rest)} KB)`);
  await page.close();
  return { code, rest };
}

const first = await visit('first visit ');
const repeat = await visit('repeat visit');
await browser.close();
if (repeat.code > 0) {
  console.error('the repeat visit loaded app code from the network');
  process.exitCode = 1;
}
void first;
