import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishStory } from './support/factories.js';
import { signIn, type Client } from './support/http.js';
import { get, startSite, type TestSite } from './support/site.js';

/** Every route the app answers, with its methods, read from Fastify's own route tree. */
function routesOf(tree: string): { path: string; methods: string[] }[] {
  const trail: string[] = [];
  const out: { path: string; methods: string[] }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│├└─]*?)([^\s│├└─][^ ]*) \(([^)]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4 - 1;
    trail[depth] = (depth ? trail[depth - 1]! : '') + m[2]!;
    trail.length = depth + 1;
    out.push({ path: trail[depth]!.replace(/\/+/g, '/'), methods: m[3]!.split(', ') });
  }
  return out;
}

/** A PNG of width x height with every row zero, compressed as small as zlib goes. */
function flatPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height); // filter byte 0 and black pixels, row after row
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

describe('odd input answers 400, never 500', () => {
  let site: TestSite;
  let admin: Client;
  let articlePath = '';

  beforeAll(async () => {
    site = await startSite('odd-input', { sections: ['Global'] });
    await site.addUser('odd@example.org', 'admin');
    admin = await signIn(site, 'odd@example.org');
    const story = await publishStory(site.dateline.store.content, { headline: 'A story to fuzz', topics: ['Fuzz'], agency: 'AFP', people: ['Mara Quinn'] });
    articlePath = new URL((await admin.api('GET', `/articles/${story.articleId}`)).json.url, site.url).pathname;
  });
  afterAll(() => site?.close());

  it('a parameter given twice is refused with 400 naming it', async () => {
    for (const path of ['/search?q=a&q=b', '/api/v1/search?q=a&q=b', '/global?page=1&page=2']) {
      const r = await get(site, path);
      expect(r.status, path).toBe(400);
      expect(r.body, path).toMatch(/given more than once/);
    }
    for (const path of ['/articles?status=draft&status=published', '/articles?q=a&q=b', '/audit?action=a&action=b']) {
      const r = await admin.api('GET', path);
      expect(r.status, path).toBe(400);
      expect(r.json.error.message).toMatch(/given more than once/);
    }
    const page = await fetch(`${site.url}/newsroom/wire?source=a&source=b`, { headers: { cookie: admin.cookie } });
    expect(page.status).toBe(400);
  });

  it('page numbers past any listing, and unknown values, are refused with a reason', async () => {
    for (const path of ['/?page=1e308', '/search?q=story&page=1e308', '/topic/fuzz?page=-1']) expect((await get(site, path)).status, path).toBe(400);
    const r = await admin.api('GET', '/articles?page=1e308');
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ field: 'page', message: expect.stringMatching(/whole number/) });
    expect((await admin.api('GET', '/articles?status=bogus')).json.error.field).toBe('status');
    expect((await admin.api('GET', '/images?page=NaN')).status).toBe(400);
  });

  it('a sign-in address with line breaks cannot reach a header', async () => {
    const next = encodeURIComponent('/newsroom\r\nSet-Cookie: stolen=1');
    const page = await get(site, `/newsroom/sign-in?next=${next}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('name="next" value="/newsroom"');
    const form = new URLSearchParams({ email: 'odd@example.org', password: 'correct horse battery', next: '/newsroom/\r\nSet-Cookie: stolen=1' });
    const r = await fetch(`${site.url}/newsroom/sign-in`, { method: 'POST', body: form, redirect: 'manual' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/newsroom');
    expect(r.headers.getSetCookie().join(';')).not.toMatch(/stolen/);
  });

  it('a body of 2,000 nested quotes is saved and shown, its words kept', async () => {
    const bodyHtml = `${'<blockquote>'.repeat(2000)}Deep inside${'</blockquote>'.repeat(2000)}<p>After the quotes</p>`;
    const r = await admin.api('POST', '/articles', { headline: 'Nested quotes', section: 'global', bodyHtml });
    expect(r.status).toBe(201);
    const published = await admin.api('POST', `/articles/${r.json.id}/status`, { status: 'published' });
    expect(published.status).toBe(200);
    const page = await get(site, published.json.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Deep inside');
    expect(page.body).toContain('After the quotes');
  });

  it('a picture of extreme shape is refused from its header, before decoding', async () => {
    const upload = async (bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'picture.png');
      const res = await fetch(`${site.url}/api/v1/images`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, body: form });
      return { status: res.status, json: await res.json() };
    };
    const thin = flatPng(1, 49_000_000); // about 100 KB, under the 50-megapixel limit
    expect(thin.length).toBeLessThan(300_000);
    const refused = await upload(thin);
    expect(refused.status).toBe(415);
    expect(refused.json.error.message).toMatch(/1×49000000.*20 times/);
    expect((await upload(flatPng(31_000, 1_600))).json.error.message).toMatch(/at most 30,000 pixels on a side/);
    // A tall infographic within the limits is kept, its variants narrowed to what WebP can hold.
    const tall = await sharp({ create: { width: 900, height: 17_500, channels: 3, background: '#336699' } }).png().toBuffer();
    const kept = await upload(tall);
    expect(kept.status).toBe(201);
    const image = (await site.dateline.store.content.images({ page: 1, pageSize: 50 })).items.find((i) => i.id === kept.json.id)!;
    expect(image.variants.length).toBeGreaterThan(0);
    for (const v of image.variants) expect(v.height).toBeLessThanOrEqual(16_383);
  });

  it('fuzzed query parameters on every route never cause a 500', async () => {
    const routes = routesOf(site.dateline.app.printRoutes({ commonPrefix: false })).filter((r) => r.methods.includes('GET'));
    expect(routes.length).toBeGreaterThan(40);
    const params: Record<string, string> = {
      ':yyyy/:mm/:dd/:slug': articlePath.split('/').slice(2).join('/'), ':section': 'global', ':month': '2024-01', ':id': '1', ':rid': '1',
    };
    const concrete = (path: string) => {
      if (path.endsWith('/:yyyy/:mm/:dd/:slug')) return articlePath;
      let p = path.replace('*', 'nowhere');
      for (const [k, v] of Object.entries(params)) p = p.replace(k, v);
      return p.replace('/topic/:slug', '/topic/fuzz').replace('/agency/:slug', '/agency/afp').replace('/author/:slug', '/author/mara-quinn')
        .replace(/:slug/g, 'global');
    };
    const names = ['q', 'page', 'status', 'action', 'source', 'agency', 'section', 'topic', 'author', 'language', 'from', 'to', 'sort',
      'scope', 'next', 'urgency', 'a', 'b', 'ok', 'error', 'user', 'v'];
    const values = ['1e308', '-1', '0', '1.5', 'NaN', '9'.repeat(40), '%00', '%0D%0ASet-Cookie:%20x=1', '%E0%A4%A', '%F0%9F%92%A5', '[]', '{}',
      'x'.repeat(3000), '%22%3E%3Cscript%3E', 'null', '', '..%2F..%2Fetc%2Fpasswd'];
    const failures: string[] = [];
    for (const route of routes) {
      const path = concrete(route.path);
      const queries = [...values.map((v) => names.map((n) => `${n}=${v}`).join('&')), names.map((n) => `${n}=1&${n}=2`).join('&')];
      for (const query of queries) {
        for (const headers of [{}, { cookie: admin.cookie }] as Record<string, string>[]) {
          const res = await fetch(`${site.url}${path}?${query}`, { headers, redirect: 'manual' });
          await res.arrayBuffer();
          if (res.status >= 500) failures.push(`${res.status} GET ${path}?${query.slice(0, 80)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
