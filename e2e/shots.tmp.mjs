import { startServer, launchBrowser, openPage } from './support.mjs';
const server = await startServer();
const browser = await launchBrowser();
const MEX = {en:'/article/mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations', ru:'/ru/article/meksika-i-azerbaydzhan-otmechayut-33-goda-diplomaticheskikh-otnosheniy', hy:'/hy/article/meksikan-ev-adrbejany-divanagitakan-haraberutyunneri-33-amyaky'};
// a few views so most read shows
for (const lang of ['en','ru','hy']) {
  const slug = MEX[lang].split('/').pop();
  for (let i=0;i<3;i++) await fetch(`${server.url}/api/v1/articles/${slug}/views?lang=${lang}`, {method:'POST', headers:{'x-gazette-visitor':'v'+i}});
}
const pages = (process.argv[2]||'').split(',');
for (const [w,h] of [[390,844],[1366,900]]) {
  const context = await browser.newContext({ viewport: {width:w,height:h}, serviceWorkers:'block', timezoneId: 'Europe/Berlin' });
  const { page, problems } = await openPage(context);
  for (const p of pages) {
    await page.goto(server.url + p);
    await page.waitForTimeout(1500);
    const name = p.replace(/[\/?=]/g,'_') || 'home';
    await page.screenshot({ path: `/tmp/shots/${name}-${w}.png`, fullPage: process.env.FULL === '1' });
  }
  if (problems.length) console.log(problems);
  await context.close();
}
await browser.close(); await server.stop();
