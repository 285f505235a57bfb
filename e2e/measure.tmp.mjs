import { startServer, launchBrowser, openPage } from './support.mjs';
const server = await startServer();
const browser = await launchBrowser();
const pages = { home: ['/', '.card--lead .card__title'], article: ['/hy/article/meksikan-ev-adrbejany-divanagitakan-haraberutyunneri-33-amyaky', '.article__title'], category: ['/ru/category/politics', '.category-header__name'] };
for (const [w,h] of [[390,844],[1366,900]]) {
  for (const [name, [path, sel]] of Object.entries(pages)) {
    const m = async (block) => {
      const context = await browser.newContext({ viewport: {width:w,height:h}, serviceWorkers:'block' });
      const { page } = await openPage(context);
      if (block) await page.route('**/*.wasm', (r) => r.abort());
      await page.goto(server.url + path);
      const s = block ? `#first-screen ${sel}` : `main ${sel}`;
      await page.locator(s).first().waitFor();
      if (!block) await page.waitForFunction(() => !document.getElementById('first-screen'));
      await page.waitForTimeout(300);
      if (block) await page.screenshot({ path: `/tmp/shots/fs-${name}-${w}.png` });
      const r = await page.evaluate((s) => { const e = document.querySelector(s); const b = e.getBoundingClientRect(); const c = getComputedStyle(e); return [Math.round(b.y), Math.round(b.x), Math.round(b.height), c.fontSize, c.fontWeight]; }, s);
      await context.close();
      return r;
    };
    console.log(w, name, 'first', JSON.stringify(await m(true)), 'app', JSON.stringify(await m(false)));
  }
}
await browser.close(); await server.stop();
