import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline } from './support/cli.js';
import { signIn, type Client } from './support/http.js';
import { startSite, type TestSite } from './support/site.js';
import { dataEnv } from './support/database.js';

interface Purge {
  auth: string | undefined;
  surrogateKey: string | undefined;
  tags: string[];
}

describe('the CDN purge hook', () => {
  const purges: Purge[] = [];
  let cdn: http.Server;
  let site: TestSite;
  let editor: Client;

  beforeAll(async () => {
    // Stands in for the CDN's purge endpoint: a real HTTP server recording what it is told.
    cdn = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        purges.push({ auth: req.headers.authorization, surrogateKey: req.headers['surrogate-key'] as string | undefined, tags: JSON.parse(body).tags });
        res.end('{"status":"ok"}');
      });
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}/purge`;
    site = await startSite('cdn-purge', { sections: ['Global', 'Science'], env: { CDN_PURGE_URL: url, CDN_PURGE_TOKEN: 'cdn-secret-token' } });
    await site.addUser('eda@example.org', 'editor');
    editor = await signIn(site, 'eda@example.org');
  });
  afterAll(async () => {
    await site?.close();
    cdn?.close();
  });

  const purgedSoon = async (tag: string) => {
    for (let i = 0; i < 60 && !purges.some((p) => p.tags.includes(tag)); i++) await new Promise((r) => setTimeout(r, 100));
    return purges.find((p) => p.tags.includes(tag));
  };

  it('is sent the keys of the pages a publish changed, with its token, without any reader asking', async () => {
    const a = await editor.api('POST', '/articles', { headline: 'Comet seen', section: 'science', topics: ['Space'], bodyHtml: '<p>A comet.</p>' });
    expect((await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' })).status).toBe(200);
    const purge = await purgedSoon(`article:${a.json.id}`);
    expect(purge).toBeDefined();
    expect(purge!.auth).toBe('Bearer cdn-secret-token');
    const all = purges.flatMap((p) => p.tags);
    expect(all).toEqual(expect.arrayContaining(['home', 'sitemap', expect.stringMatching(/^section:\d+$/), expect.stringMatching(/^topic:\d+$/)]));
    expect(purge!.surrogateKey!.split(' ')).toEqual(purge!.tags);
  });

  it('hears of changes made by another process too', async () => {
    const before = purges.length;
    const r = await dateline(['generate', '--articles', '3', '--pictures', '1'], dataEnv(site.dataDir));
    expect(r.code).toBe(0);
    // A bulk load changes every page: the CDN is told '*'.
    expect(await purgedSoon('*')).toBeDefined();
    expect(purges.length).toBeGreaterThan(before);
  });
});
