// Lighthouse (mobile: simulated slow 4G and 4x CPU slowdown) on the running site, several runs
// per page, printing the median of each figure against the budgets.
//
//   node scripts/lighthouse.mjs BASE_URL [RUNS]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANDING_PAGES } from './landing-pages.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const runs = Number(process.argv[3] ?? 3);
const lighthouse = join('bench', 'node_modules', '.bin', 'lighthouse');
const pages = LANDING_PAGES.filter(([name]) => ['home', 'article', 'category'].includes(name));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function once(url) {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-lh-'));
  const out = join(dir, 'report.json');
  const result = spawnSync(lighthouse, [
    url, '--output=json', `--output-path=${out}`, '--quiet',
    '--only-categories=performance,accessibility',
    `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --user-data-dir=${join(dir, 'profile')}`,
  ], { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`lighthouse failed on ${url}: ${result.stderr}`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  const audit = (id) => report.audits[id]?.numericValue ?? NaN;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    lcp: audit('largest-contentful-paint'),
    fcp: audit('first-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    tbt: audit('total-blocking-time'),
    bytes: audit('total-byte-weight'),
  };
}

console.log(`${'page'.padEnd(10)}${'perf'.padStart(6)}${'a11y'.padStart(6)}${'LCP'.padStart(9)}${'FCP'.padStart(9)}${'CLS'.padStart(7)}${'TBT'.padStart(8)}${'bytes'.padStart(10)}`);
const verdicts = [];
for (const [name, path] of pages) {
  const results = Array.from({ length: runs }, () => once(base + path));
  const m = (key) => median(results.map((result) => result[key]));
  const row = { performance: m('performance'), accessibility: m('accessibility'), lcp: m('lcp'), fcp: m('fcp'), cls: m('cls'), tbt: m('tbt'), bytes: m('bytes') };
  console.log(`${name.padEnd(10)}${String(row.performance).padStart(6)}${String(row.accessibility).padStart(6)}${(row.lcp / 1000).toFixed(2).padStart(8)}s${(row.fcp / 1000).toFixed(2).padStart(8)}s${row.cls.toFixed(3).padStart(7)}${Math.round(row.tbt).toString().padStart(6)}ms${(row.bytes / 1024).toFixed(1).padStart(7)} KB`);
  verdicts.push(`${name}: performance ${row.performance >= 100 ? 'meets' : 'misses'} 100, accessibility ${row.accessibility >= 100 ? 'meets' : 'misses'} 100, LCP ${row.lcp <= 1500 ? 'within' : 'over'} 1.5 s, CLS ${row.cls === 0 ? 'is' : 'is not'} 0`);
}
console.log(`\nmedian of ${runs} runs per page (Lighthouse 12.2.3, mobile, simulated throttling)`);
for (const line of verdicts) console.log(line);
