import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from './support/http.js';
import { seedNinjs } from './support/paths.js';
import { startSite, type TestSite } from './support/site.js';

/** A raw GET (fetch would decompress): status, headers and the bytes as sent. */
function raw(site: TestSite, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.request(site.url + path, { headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('the page cache', () => {
  let site: TestSite;
  let editor: Client;

  const publish = async (headline: string, section: string, topics: string[] = []) => {
    const a = await editor.api('POST', '/articles', { headline, section, topics, bodyHtml: `<p>${headline}.</p>` });
    const p = await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' });
    expect(p.status).toBe(200);
    return a.json.id as number;
  };
  const page = async (path: string) => {
    const r = await raw(site, path);
    return { status: r.status, etag: r.headers.etag, cache: r.headers['x-cache'], html: r.body.toString() };
  };

  beforeAll(async () => {
    site = await startSite('page-cache', { sections: ['Global', 'Science'] });
    await site.addUser('eda@example.org', 'editor');
    editor = await signIn(site, 'eda@example.org');
    await publish('Telescope sees a new comet', 'science', ['Space']);
    await publish('Ceasefire talks resume', 'global', ['Diplomacy']);
  });
  afterAll(() => site?.close());

  it('answers the second visit from memory, with validators and CDN headers', async () => {
    const first = await raw(site, '/global');
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await raw(site, '/global');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers['cache-control']).toBe('public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=300');
    expect(String(second.headers['surrogate-key']).split(' ')).toEqual(expect.arrayContaining(['nav', expect.stringMatching(/^section:\d+$/), expect.stringMatching(/^article:\d+$/)]));
    expect(second.headers['cache-tag']).toBe(String(second.headers['surrogate-key']).replaceAll(' ', ','));
    expect(second.headers['last-modified']).toBeTruthy();
    // Answered before routing, a hit carries every header the rendered page did (security headers too).
    const names = (h: http.IncomingHttpHeaders) => Object.keys(h).filter((n) => !['date', 'x-cache'].includes(n)).sort();
    expect(names(second.headers)).toEqual(names(first.headers));
    for (const n of names(first.headers)) expect(second.headers[n]).toEqual(first.headers[n]);
    expect(second.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const head = await raw(site, '/global', {}, 'HEAD');
    expect([head.status, head.headers['x-cache'], head.body.length]).toEqual([200, 'HIT', 0]);
    expect(head.headers['content-length']).toBe(String(second.body.length));
    // Search results and the newsroom are never cached.
    expect((await raw(site, '/search?q=comet')).headers['x-cache']).toBeUndefined();
    expect((await raw(site, '/global?utm_source=x')).headers['x-cache']).toBeUndefined();
  });

  it('answers 304 to a matching If-None-Match, and gzip and brotli decode to the same page', async () => {
    const plain = await raw(site, '/', { 'accept-encoding': 'identity' });
    const notModified = await raw(site, '/', { 'if-none-match': plain.headers.etag! });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    const br = await raw(site, '/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    const gz = await raw(site, '/', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    // A compressed copy's validator still matches the page it came from; a 304 names the variant asked for.
    const brRevalidated = await raw(site, '/', { 'if-none-match': br.headers.etag!, 'accept-encoding': 'br' });
    expect([brRevalidated.status, brRevalidated.headers.etag]).toEqual([304, br.headers.etag]);
    const plainRevalidated = await raw(site, '/', { 'if-none-match': plain.headers.etag!, 'accept-encoding': 'identity' });
    expect([plainRevalidated.status, plainRevalidated.headers.etag]).toEqual([304, plain.headers.etag]);
    expect((await raw(site, '/', { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('publishing a story changes exactly the pages that show it', async () => {
    const paths = ['/', '/global', '/science', '/topic/space', '/feed.xml', '/global/feed.xml', '/science/atom.xml', '/sitemap.xml'];
    for (const p of paths) await page(p);
    const before = Object.fromEntries(await Promise.all(paths.map(async (p) => [p, await page(p)] as const)));
    for (const p of paths) expect(before[p]!.cache, p).toBe('HIT');

    await publish('Talks end with an agreement', 'global', ['Diplomacy']);
    for (const p of ['/', '/global', '/feed.xml', '/global/feed.xml', '/sitemap.xml']) {
      const after = await page(p);
      expect(after.cache, p).toBe('MISS');
      if (p !== '/sitemap.xml') expect(after.html, p).toContain('Talks end with an agreement');
    }
    for (const p of ['/science', '/topic/space', '/science/atom.xml']) {
      const after = await page(p);
      expect(after.cache, p).toBe('HIT');
      expect(after.etag, p).toBe(before[p]!.etag);
    }
  });

  it('an edit, a correction and an unpublish reach the story’s page at once', async () => {
    const id = await publish('Bridge to reopen', 'global');
    const url = (await editor.api('GET', `/articles/${id}`)).json.url as string;
    await page(url);
    expect((await page(url)).cache).toBe('HIT');
    await editor.api('PATCH', `/articles/${id}`, { headline: 'Bridge to reopen in May' });
    expect((await page(url)).html).toContain('Bridge to reopen in May');
    await editor.api('POST', `/articles/${id}/corrections`, { text: 'An earlier version gave the wrong month.' });
    expect((await page(url)).html).toContain('An earlier version gave the wrong month.');
    await editor.api('POST', `/articles/${id}/status`, { status: 'unpublished' });
    expect((await page(url)).status).toBe(410);
    expect((await page('/global')).html).not.toContain('Bridge to reopen');
  });

  it('a story published by a separate CLI process is live on the next request', async () => {
    expect((await page('/')).html).not.toContain('ISIS militants head to Afghanistan');
    expect((await page('/')).cache).toBe('HIT');
    const r = await site.cli(['import', seedNinjs, '--section', 'global', '--publish']);
    expect(r.code, r.stderr).toBe(0);
    const after = await page('/');
    expect(after.cache).toBe('MISS');
    expect(after.html).toContain('ISIS militants head to Afghanistan');
  });

  it('renders a just-invalidated page once for a burst of requests', async () => {
    await page('/science');
    await publish('Rover finds ice', 'science');
    const burst = await Promise.all(Array.from({ length: 40 }, () => page('/science')));
    expect(burst.every((b) => b.status === 200 && b.html.includes('Rover finds ice'))).toBe(true);
    expect(burst.filter((b) => b.cache === 'MISS')).toHaveLength(1);
  });
});
