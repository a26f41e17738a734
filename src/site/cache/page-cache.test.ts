import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cachedPage, PageCache } from './page-cache.js';

const page = (body: string, tags: string[], o: { now?: number; maxAgeMs?: number } = {}) =>
  cachedPage(body, { status: 200, type: 'text/html', tags, now: o.now ?? 0, maxAgeMs: o.maxAgeMs });

describe('the page cache', () => {
  it('stays within its bytes, letting the least recently used page go first', () => {
    const one = page('a'.repeat(300), ['x']);
    const cache = new PageCache(one.bytes * 4);
    for (const n of [1, 2, 3, 4]) cache.set(`/${n}`, n === 1 ? one : page(String(n).repeat(300), ['x']));
    expect(cache.get('/1', 0)).toBeDefined(); // now the most recently used
    cache.set('/5', page('e'.repeat(300), ['x']));
    expect(cache.get('/2', 0)).toBeUndefined();
    expect(cache.get('/1', 0)).toBeDefined();
    expect(cache.size).toEqual({ pages: 4, bytes: one.bytes * 4 });
    // A page bigger than a quarter of the cache is not kept: it would push out many others.
    cache.set('/huge', page('h'.repeat(one.bytes * 2), ['x']));
    expect(cache.get('/huge', 0)).toBeUndefined();
  });

  it('purges exactly the pages filed under a changed key', () => {
    const cache = new PageCache(1_000_000);
    cache.set('/global', page('g', ['nav', 'section:1', 'article:7']));
    cache.set('/science', page('s', ['nav', 'section:2', 'article:8']));
    expect(cache.purge(['article:7'])).toBe(1);
    expect(cache.get('/global', 0)).toBeUndefined();
    expect(cache.get('/science', 0)).toBeDefined();
    expect(cache.purge(['nav'])).toBe(1);
    expect(cache.size.pages).toBe(0);
  });

  it('forgets a time-bound page when its time is up', () => {
    const cache = new PageCache(1_000_000);
    cache.set('/sitemap-news.xml', page('n', ['sitemap'], { now: 1_000, maxAgeMs: 60_000 }));
    expect(cache.get('/sitemap-news.xml', 60_999)).toBeDefined();
    expect(cache.get('/sitemap-news.xml', 61_000)).toBeUndefined();
  });

  it('compresses a page once, and not a tiny one at all', () => {
    const big = page('<p>news</p>'.repeat(500), []);
    expect(gunzipSync(big.gzip!).equals(big.identity)).toBe(true);
    expect(big.br!.length).toBeLessThan(big.identity.length / 10);
    expect(page('<p>x</p>', []).gzip).toBeNull();
    expect(big.etag).toMatch(/^"[\w-]{22}"$/);
  });
});
