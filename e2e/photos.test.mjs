// Real photos (issue 12): an editor uploads a picture and attaches it to a story; readers get a
// <picture> with WebP and JPEG srcsets, its size reserved, the lead picture fetched first and
// once (the server's first screen and the app pick the same file), the credit and caption shown;
// the page's link preview is a 1200 × 630 JPEG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_TOKEN, siteUnderTest } from './support.mjs';

const server = siteUnderTest();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 };
const LANGS = { en: 'Photo: Harbour desk', ru: 'Фото: портовая редакция', hy: 'Լուսանկարը՝ նավահանգստի խմբագրություն' };

/** Uploads a real JPEG (a large variant of a demo story's art) and returns the answer. */
async function uploadPhoto() {
  const list = await (await fetch(`${server.url}/api/v1/articles?limit=1`)).json();
  const art = list.items[0].image.variants.find((v) => v.format === 'jpeg' && v.width === 1440);
  const bytes = Buffer.from(await (await fetch(server.url + art.url)).arrayBuffer());
  const response = await fetch(`${server.url}/api/v1/admin/images`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/jpeg', Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: bytes,
  });
  assert.equal(response.status, 201);
  return response.json();
}

async function publish(lang, slug, image) {
  const response = await fetch(`${server.url}/api/v1/admin/articles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({
      lang, slug, category: 'society', title: `Harbour at dawn ${lang}`, lead: 'Boats return at six.',
      body_html: '<p>The first boats came in at six.</p>', author: 'Desk',
      image: image.id, image_alt: 'Fishing boats at the pier at dawn', image_caption: 'The pier at six',
      image_credit: LANGS[lang],
    }),
  });
  assert.equal(response.status, 201, await response.text());
}

test('an uploaded photo reaches readers as a responsive picture, fetched once, with its credit', async () => {
  const image = await uploadPhoto();
  for (const lang of ['en', 'ru', 'hy']) await publish(lang, `harbour-at-dawn-${lang}`, image);
  for (const lang of ['ru', 'hy']) {
    const { context, page, problems } = await server.newReader(PHONE);
    const pictureRequests = [];
    page.on('request', (request) => { if (request.url().includes(`/media/images/${image.id}/`)) pictureRequests.push(request.url()); });
    const sizes = new Map();
    page.on('response', async (response) => {
      if (response.url().includes(`/media/images/${image.id}/`)) sizes.set(response.url(), (await response.body()).length);
    });
    await page.goto(`${server.url}/${lang}/article/harbour-at-dawn-${lang}`);
    const figure = page.locator('main .article__figure');
    await figure.locator('.figure__credit').waitFor();
    assert.equal(await figure.locator('.figure__credit').textContent(), LANGS[lang]);
    assert.match(await figure.locator('figcaption').textContent(), /The pier at six/);
    const source = figure.locator('picture source[type="image/webp"]');
    assert.equal(await source.getAttribute('srcset'), image.variants.filter((v) => v.format === 'webp').map((v) => `${v.url} ${v.width}w`).join(', '));
    const img = figure.locator('picture img.article__image');
    assert.match(await img.getAttribute('srcset'), /\/960\.jpg 960w/);
    assert.equal(await img.getAttribute('width'), String(image.width));
    assert.equal(await img.getAttribute('height'), String(image.height));
    assert.equal(await img.getAttribute('fetchpriority'), 'high');
    assert.equal(await img.getAttribute('loading'), 'eager');
    await page.waitForFunction(() => document.querySelector('main .article__image')?.complete
      && document.querySelector('main .article__image').naturalWidth > 0);
    const chosen = await img.evaluate((element) => element.currentSrc);
    // 390 px at 2× wants 716 px: the 960 WebP, and only that file, whatever drew it first.
    assert.match(chosen, new RegExp(`/media/images/${image.id}/960\\.webp$`));
    await page.waitForTimeout(300);
    assert.deepEqual([...new Set(pictureRequests)], [chosen], 'one file for the lead picture');
    assert.ok(sizes.get(chosen) <= 60 * 1024, `lead picture ${sizes.get(chosen)} bytes`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('cards below the fold load their pictures lazily; the lead card first', async () => {
  const { context, page, problems } = await server.newReader({ viewport: { width: 1366, height: 900 } });
  await page.goto(server.url + '/');
  await page.locator('main .feed__cards > .card').nth(3).waitFor();
  const lead = page.locator('main .card--lead img.card__image');
  assert.equal(await lead.getAttribute('loading'), 'eager');
  assert.equal(await lead.getAttribute('fetchpriority'), 'high');
  const later = page.locator('main .feed__cards > .card:not(.card--lead) img.card__image').nth(2);
  assert.equal(await later.getAttribute('loading'), 'lazy');
  assert.match(await page.locator('main .feed__cards > .card:not(.card--lead) picture source').first().getAttribute('srcset'), /480w, .*960w, .*1440w$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link previews as a 1200 × 630 JPEG that messengers show', async () => {
  const html = await (await fetch(`${server.url}/ru/article/meksika-i-azerbaydzhan-otmechayut-33-goda-diplomaticheskikh-otnosheniy`)).text();
  const meta = (property) => html.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`))?.[1];
  const url = meta('og:image');
  assert.match(url, /\/media\/images\/[a-z0-9-]+\/og\.jpg$/);
  assert.equal(meta('og:image:width'), '1200');
  assert.equal(meta('og:image:height'), '630');
  assert.equal(meta('og:image:type'), 'image/jpeg');
  assert.ok(meta('og:image:alt').length > 0);
  assert.equal(meta('twitter:card'), 'summary_large_image');
  assert.equal(meta('twitter:image'), url);
  const preview = await fetch(url.replace(/^https?:\/\/[^/]+/, server.url));
  assert.equal(preview.headers.get('content-type'), 'image/jpeg');
  const bytes = Buffer.from(await preview.arrayBuffer());
  // JPEG start-of-frame: height and width of the picture.
  const frame = bytes.indexOf(Buffer.from([0xff, 0xc0]));
  assert.deepEqual([bytes.readUInt16BE(frame + 7), bytes.readUInt16BE(frame + 5)], [1200, 630]);
});

test('a picture in the article body is shown at its size with its caption, loaded when near', async () => {
  const image = await uploadPhoto();
  const filler = Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i + 1} of the story, long enough to fill a line or two on a phone.</p>`).join('');
  const response = await fetch(`${server.url}/api/v1/admin/articles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({
      lang: 'hy', slug: 'harbour-in-pictures', category: 'society', title: 'Նավահանգիստը լուսանկարներում',
      lead: 'Նավակները վերադառնում են։', author: 'Desk',
      body_html: `${filler}<figure><img src="${server.url}${image.variants[0].url}" alt="Նավակներ նավամատույցի մոտ" onerror="alert(1)"><figcaption>Նավամատույցը վեցին</figcaption></figure><p>Վերջ։</p>`,
    }),
  });
  assert.equal(response.status, 201, await response.text());
  const { context, page, problems } = await server.newReader(PHONE);
  await page.goto(`${server.url}/hy/article/harbour-in-pictures`);
  const figure = page.locator('main .article__body .article__figure');
  await figure.waitFor({ state: 'attached' });
  const img = figure.locator('picture img');
  assert.equal(await img.getAttribute('loading'), 'lazy', 'below the fold: lazy');
  assert.equal(await img.getAttribute('alt'), 'Նավակներ նավամատույցի մոտ');
  assert.equal(await img.getAttribute('width'), String(image.width));
  assert.equal(await img.getAttribute('onerror'), null);
  assert.equal(await figure.locator('figcaption').textContent(), 'Նավամատույցը վեցին');
  // The space is reserved before the file arrives: the box already has the picture's ratio.
  const box = await img.boundingBox();
  assert.ok(Math.abs(box.width / box.height - image.width / image.height) < 0.02, `${box.width}×${box.height}`);
  await figure.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const picture = document.querySelector('main .article__body .article__figure img');
    return picture?.complete && picture.naturalWidth > 0;
  });
  assert.match(await img.evaluate((element) => element.currentSrc), new RegExp(`/media/images/${image.id}/\\d+\\.webp$`));
  assert.deepEqual(problems, []);
  await context.close();
});
