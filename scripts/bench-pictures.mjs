// Picture benchmark on a running server (issue 12's budgets): the time from uploading a
// 12-megapixel JPEG to all its variants being ready (the upload answers when they are), the
// latency of a variant request once made (wrk, p50/p99), and the bytes of the lead picture
// a phone-sized first visit downloads for the demo pictures.
//
//   node scripts/bench-pictures.mjs BASE_URL ADMIN_TOKEN PHOTO.jpg
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../e2e/support.mjs';

const [base, token, photoPath] = process.argv.slice(2);
const photo = readFileSync(photoPath);
const timings = [];
let answer;
for (let run = 0; run < 3; run += 1) {
  // A different file each run (one byte after the JPEG's end: the same picture, another id),
  // or the server answers runs 2 and 3 from the first upload's record.
  const file = Buffer.concat([photo, Buffer.from([run, Date.now() % 251])]);
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/admin/images`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: file,
  });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  answer = await response.json();
  timings.push(performance.now() - started);
}
const median = [...timings].sort((a, b) => a - b)[1];
console.log(`upload of a ${(photo.length / 1e6).toFixed(1)} MB ${answer.width} × ${answer.height} JPEG → ${answer.variants.length} variants + preview ready: median ${(median / 1000).toFixed(2)} s (runs: ${timings.map((t) => (t / 1000).toFixed(2)).join(', ')} s; budget 2 s) — ${median <= 2000 ? 'within' : 'OVER'}`);

const variant = `${base}${answer.variants.find((v) => v.width === 960 && v.format === 'webp').url}`;
execFileSync('wrk', ['-t2', '-c4', '-d1s', variant]);
const wrk = execFileSync('wrk', ['-t2', '-c4', '-d5s', '--latency', variant], { encoding: 'utf8' });
const pick = (label) => wrk.split('\n').find((line) => line.trim().startsWith(label))?.trim().split(/\s+/)[1];
const p99 = pick('99%');
const p99ms = p99?.endsWith('ms') ? Number.parseFloat(p99) : p99?.endsWith('us') ? Number.parseFloat(p99) / 1000 : Number.parseFloat(p99) * 1000;
console.log(`variant request (960.webp, made): p50 ${pick('50%')}, p99 ${p99} (budget 2 ms) — ${p99ms <= 2 ? 'within' : 'OVER'}`);

// A phone (412 × 823 at 1.75×, as Lighthouse's mobile) opening an article and the front page.
const browser = await launchBrowser();
const slug = 'mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations';
for (const [label, path, selector] of [['article', `/article/${slug}`, 'main .article__image'], ['home', '/', 'main .card--lead .card__image']]) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, serviceWorkers: 'block' });
  const page = await context.newPage();
  const pictures = [];
  page.on('response', (response) => { if (response.url().includes('/media/images/')) pictures.push(response); });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  const chosen = await page.locator(selector).first().evaluate((img) => img.currentSrc);
  const response = pictures.find((r) => r.url() === chosen);
  const bytes = response ? (await response.body()).length : NaN;
  console.log(`lead picture on a phone, ${label}: ${chosen.replace(base, '')} ${(bytes / 1024).toFixed(1)} KB (budget 60 KB) — ${bytes <= 60 * 1024 ? 'within' : 'OVER'}; picture files fetched: ${new Set(pictures.map((r) => r.url())).size}`);
  await context.close();
}
await browser.close();
