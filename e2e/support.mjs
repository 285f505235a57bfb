// Shared set-up of the end-to-end tests: a real Gazette server on a fresh SQLite database
// (demo content loaded on first start, as for a new user) and Debian's Chromium driven by
// Playwright. Each test file starts its own server on a free port.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const SERVER_BIN = process.env.GAZETTE_SERVER_BIN ?? 'target/debug/gazette-server';
const DIST = process.env.GAZETTE_DIST ?? 'dist';
export const ADMIN_TOKEN = 'e2e-token';

/**
 * Starts the server (on a free port unless `listen` names one, serving the front end in
 * `dist`); resolves with { url, stop(), dataDir }.
 */
export async function startServer({ dataDir, listen = '127.0.0.1:0', dist = DIST } = {}) {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'gazette-e2e-'));
  const child = spawn(SERVER_BIN, [
    '--listen', listen,
    '--database', join(dir, 'gazette.db'),
    '--dist', dist,
    '--admin-token', ADMIN_TOKEN,
    '--views-flush-secs', '1',
  ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn' } });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s\n${stderr}`)), 30_000);
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(/running at (http:\/\/[0-9.:]+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code})\n${stderr}`)); });
  });
  return {
    url,
    dataDir: dir,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepData && !dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium with the flags this machine needs. */
const LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
  ],
};

/** Launches Chromium; its contexts are incognito-like profiles. */
export async function launchBrowser() {
  return chromium.launch(LAUNCH_OPTIONS);
}

/**
 * A Chromium profile on disk (not incognito, as installability requires). `close()` deletes
 * it; `restart()` closes the browser and opens the same profile again, as a reader who quits
 * and comes back.
 */
export async function launchProfile({ args = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-profile-'));
  const options = { ...LAUNCH_OPTIONS, timezoneId: 'Asia/Baku', args: [...LAUNCH_OPTIONS.args, ...args] };
  const profile = {
    dir,
    context: await chromium.launchPersistentContext(dir, options),
    async restart() {
      await profile.context.close();
      profile.context = await chromium.launchPersistentContext(dir, options);
      return profile.context;
    },
    async close() {
      await profile.context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return profile;
}

/**
 * Opens a page that records console errors and uncaught exceptions; tests assert the list
 * is empty at the end (`problems`).
 */
export async function openPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  return { page, problems };
}

/**
 * What a reader does first on an article: a key press (a scroll, a touch or a selection do the
 * same). An article's reader tools (progress, quote links, Listen) are fetched then, not with
 * the page.
 */
export async function startReading(page) {
  await page.locator('main .article__body p').first().waitFor();
  await page.keyboard.press('Shift');
}

/**
 * Registers before/after hooks that start a server and a browser for one test file, and
 * returns the site: `site.url` once started, and `site.newReader(options)` for a fresh
 * browser profile (a new reader) with one page that records problems.
 */
export function siteUnderTest() {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get url() { return server.url; },
    async newReader(options = {}) {
      // Service workers are blocked unless a test asks for them: requests a worker makes are
      // not seen by page.route, which the error tests use to break the API.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        serviceWorkers: 'block',
        // A reader in the newsroom's time zone unless a test says otherwise (readers
        // elsewhere are told whose time an article's time is).
        timezoneId: 'Asia/Baku',
        ...options,
      });
      const { page, problems } = await openPage(context);
      return { context, page, problems };
    },
  };
}
