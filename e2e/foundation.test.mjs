// The release pipeline end to end: the server serves the built front end, precompressed and
// with the right cache and security headers, and the WebAssembly app renders API data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteUnderTest } from './support.mjs';

const server = siteUnderTest();

test('the home page renders the site name from the API with no console errors', async () => {
  const { context, page, problems } = await server.newReader();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  const main = await page.goto(server.url + '/');
  assert.equal(main.status(), 200);
  const headers = main.headers();
  assert.equal(headers['cache-control'], 'no-cache');
  assert.match(headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(headers['content-security-policy'], /unsafe-inline/);

  await page.locator('main#main h1').filter({ hasText: 'Gazette' }).waitFor({ timeout: 15_000 });

  const wasm = responses.find((response) => response.url().endsWith('.wasm'));
  assert.ok(wasm, 'the wasm was requested');
  const wasmHeaders = await wasm.allHeaders();
  assert.equal(wasmHeaders['content-encoding'], 'br');
  assert.equal(wasmHeaders['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(wasmHeaders['content-type'], 'application/wasm');
  assert.deepEqual(problems, []);
  await context.close();
});

test('unknown asset paths are 404 and app routes get the shell', async () => {
  const missing = await fetch(server.url + '/no-such-file.js');
  assert.equal(missing.status, 404);
  const api = await fetch(server.url + '/api/v1/nope');
  assert.equal(api.status, 404);
  assert.equal((await api.json()).error.code, 'not_found');
  const shell = await fetch(server.url + '/category/politics');
  assert.equal(shell.status, 200);
  assert.match(await shell.text(), /<title>Politics — Gazette<\/title>/);
});
