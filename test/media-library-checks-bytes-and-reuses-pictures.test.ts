import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from './support/http.js';
import { seedDir } from './support/paths.js';
import { get, startSite, type TestSite } from './support/site.js';

describe('the media library', () => {
  let site: TestSite;
  let editor: Client;

  const upload = async (name: string, bytes: Buffer, fields: Record<string, string> = {}, type = 'application/octet-stream') => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const r = await fetch(`${site.url}/api/v1/images`, { method: 'POST', headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf }, body: form });
    return { status: r.status, json: await r.json() };
  };

  beforeAll(async () => {
    site = await startSite('media', { sections: ['Global'] });
    await site.addUser('eda@example.org', 'editor');
    editor = await signIn(site, 'eda@example.org');
  });
  afterAll(() => site?.close());

  it('judges a file by its bytes, not its name or declared type', async () => {
    const fake = await upload('photo.jpg', Buffer.from('GIF89a not really'), {}, 'image/jpeg');
    expect(fake.status).toBe(415);
    expect(fake.json.error.code).toBe('MEDIA_REJECTED');
    const png = await sharp({ create: { width: 900, height: 600, channels: 4, background: '#2a6f97' } }).png().toBuffer();
    const named = await upload('notes.txt', png, { alt: 'Blue', caption: 'A blue square over the bay', credit: 'Staff photographer' }, 'text/plain');
    expect(named.status).toBe(201);
    expect(named.json).toMatchObject({ mime: 'image/png', width: 900, height: 600, alt: 'Blue', credit: 'Staff photographer' });
    expect((await get(site, named.json.src)).status).toBe(200);
    const avif = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#aa3300' } }).avif().toBuffer();
    expect((await upload('x.avif', avif)).json.mime).toBe('image/avif');
  });

  it('refuses uploads over the size limit with 413', async () => {
    const big = Buffer.alloc(26 * 1024 * 1024, 1);
    const r = await upload('big.jpg', big);
    expect(r.status).toBe(413);
  });

  it('finds pictures by caption or credit', async () => {
    await upload('lead.jpg', fs.readFileSync(path.join(seedDir, 'lead.jpg')), { caption: 'Militia in Nangarhar', credit: 'AFP Photo', alt: 'Militia' });
    const byCredit = await editor.api('GET', '/images?q=afp');
    expect(byCredit.json.items.map((i: { caption: string }) => i.caption)).toEqual(['Militia in Nangarhar']);
    const byCaption = await editor.api('GET', '/images?q=BLUE%20SQUARE');
    expect(byCaption.json.items).toHaveLength(1);
    expect((await editor.api('GET', '/images?q=%25')).json.items).toHaveLength(0);
  });

  it('uses one picture in several stories', async () => {
    const image = (await editor.api('GET', '/images?q=afp')).json.items[0];
    const urls: string[] = [];
    for (const headline of ['First story with the picture', 'Second story with the picture']) {
      const a = await editor.api('POST', '/articles', { headline, section: 'global', leadImage: image.id });
      const p = await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' });
      expect(p.json.leadImage.id).toBe(image.id);
      urls.push(p.json.url);
    }
    for (const url of urls) expect((await get(site, url)).body).toContain('Militia in Nangarhar');
  });

  it('will not publish a story whose lead picture has no alt text', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#123456' } }).png().toBuffer();
    const image = (await upload('noalt.png', png)).json;
    const a = await editor.api('POST', '/articles', { headline: 'Picture without alt', section: 'global', leadImage: image.id });
    const refused = await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' });
    expect(refused.status).toBe(400);
    expect(refused.json.error.field).toBe('leadImage.alt');
    await editor.api('PATCH', `/images/${image.id}`, { alt: 'A dark blue rectangle' });
    expect((await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' })).status).toBe(200);
  });
});

describe('the API description', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startSite('openapi');
  });
  afterAll(() => site?.close());

  it('is an OpenAPI 3.1 document naming every route and its request schemas', async () => {
    const r = await get(site, '/api/v1/openapi.json');
    expect(r.status).toBe(200);
    const doc = JSON.parse(r.body);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toBe('https://news.example.test/api/v1');
    for (const p of ['/session', '/articles', '/articles/{id}', '/articles/{id}/status', '/articles/{id}/revisions', '/articles/{id}/corrections', '/images']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    const create = doc.paths['/articles'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['headline', 'section']));
    expect(create.properties.bodyHtml.type).toBe('string');
    expect(doc.paths['/articles/{id}/status'].post.requestBody.content['application/json'].schema.properties.status.enum)
      .toEqual(['draft', 'in_review', 'scheduled', 'published', 'unpublished']);
  });
});
