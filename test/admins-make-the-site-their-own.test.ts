import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from './support/database.js';
import { publishStory } from './support/factories.js';
import { signIn, type Client } from './support/http.js';
import { projectRoot } from './support/paths.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';
import { until } from './support/until.js';

interface Node {
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

/**
 * A second server process on the same data: `dateline serve` on the same data folder (SQLite) or
 * the same database (PostgreSQL), with the page cache off, so both ways of serving are covered.
 */
async function startSecondNode(env: Record<string, string>): Promise<Node> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/dateline.js'), 'serve', '--port', '0'], {
    cwd: projectRoot, env: { ...process.env, ...env, DATELINE_DEMO: 'false', PAGE_CACHE_MB: '0', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /serving .* at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d) => (out += d));
    void exited.then(() => reject(new Error(`the second node exited: ${out}`)));
  });
  return { url, child, exited };
}

const hostileSvg = `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY boom "boom">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 240 48" onload="alert('onload')">
<script>alert('script')</script>
<style>@import url(https://evil.example/style.css);</style>
<a href="javascript:alert('link')"><text x="0" y="20">click</text></a>
<foreignObject width="100" height="40"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert('html')"/></div></foreignObject>
<image href="https://evil.example/beacon.png" width="1" height="1"/>
<use xlink:href="https://evil.example/sprite.svg#logo"/>
<rect width="240" height="48" rx="6" fill="#0b3d91" onclick="alert('click')"/>
<text x="120" y="32" fill="#ffffff" text-anchor="middle" font-size="24">Harbour Herald</text>
</svg>`;

const ldOf = (body: string): Record<string, any>[] => [...parseHtml(body).querySelectorAll('script[type="application/ld+json"]')]
  .flatMap((s) => [JSON.parse(s.textContent!)].flat());

describe('admins make the site their own', () => {
  let site: TestSite;
  let second: Node;
  let admin: Client;
  let editor: Client;
  let articlePath: string;

  beforeAll(async () => {
    site = await startSite('make-it-yours', { sections: ['Global'] });
    await site.addUser('admin@example.org', 'admin', 'Ada Admin');
    await site.addUser('editor@example.org', 'editor', 'Ed Editor');
    [admin, editor] = await Promise.all([signIn(site, 'admin@example.org'), signIn(site, 'editor@example.org')]);
    const story = await publishStory(site.dateline.store.content, { headline: 'Harbour bridge reopens after repairs', topics: ['Harbour'] });
    articlePath = (await admin.api('GET', `/articles/${story.articleId}`)).json.url;
    const env = { DATELINE_DATA: site.config.dataDir, SITE_URL: site.config.siteUrl, ...('postgres' in site.config.database ? { DATABASE_URL: site.config.database.postgres.url } : {}) };
    second = await startSecondNode(env);
  }, 60_000);
  afterAll(async () => {
    if (second && second.child.exitCode === null) second.child.kill('SIGTERM');
    await second?.exited;
    await site?.close();
  });

  const pageTypes = () => ({
    home: '/', section: '/global', article: articlePath, topic: '/topic/harbour', search: '/search?q=harbour', 'not found': '/no-such-page',
  });

  /** What a page shows of the settings: its name, the masthead logo, and the accent of its theme stylesheet. */
  async function look(base: string, p: string) {
    const res = await fetch(base + p);
    const doc = parseHtml(await res.text());
    const theme = doc.querySelector('link[rel="stylesheet"][href^="/assets/theme-"]')?.getAttribute('href');
    const css = theme ? await (await fetch(base + theme)).text() : '';
    return {
      title: doc.title,
      brand: doc.querySelector('.brand')?.textContent?.trim() ?? '',
      logoAlt: doc.querySelector('.brand img')?.getAttribute('alt') ?? null,
      accent: /--dl-accent: (#[0-9a-f]{6})/.exec(css)?.[1] ?? null,
      themeColor: doc.querySelector('meta[name="theme-color"]')?.getAttribute('content'),
    };
  }

  it('refuses a colour pair under 4.5:1 with the measured ratio, naming the field, and keeps the settings', async () => {
    const grey = await admin.api('PATCH', '/settings', { textColor: '#999999' });
    expect(grey.status).toBe(400);
    // (1.05 / 0.3685) for #999999 on #fffdf8, rounded down so a refused pair never reads as 4.50.
    expect(grey.json.error).toEqual({ code: 'INVALID_INPUT', field: 'textColor', message: 'textColor and backgroundColor have a contrast of 2.80:1; at least 4.5:1 is needed' });
    const accent = await admin.api('PATCH', '/settings', { accentColor: '#ffcc00', backgroundColor: '#ffffff' });
    expect(accent.status).toBe(400);
    expect(accent.json.error.field).toBe('accentColor');
    expect(accent.json.error.message).toMatch(/^accentColor and backgroundColor have a contrast of 1\.\d\d:1; at least 4\.5:1 is needed$/);
    const bad = await admin.api('PATCH', '/settings', { accentColor: 'red' });
    expect([bad.status, bad.json.error.field]).toEqual([400, 'accentColor']);
    const unknown = await admin.api('PATCH', '/settings', { accentColour: '#123456' });
    expect([unknown.status, unknown.json.error.field]).toEqual([400, 'accentColour']);
    expect((await admin.api('GET', '/settings')).json).toMatchObject({ textColor: '#1a1a1a', accentColor: '#9b1c1c', backgroundColor: '#fffdf8' });
  });

  it('lets only admins read and change the settings, with CSRF for the cookie, and audits every change', async () => {
    const anonymous = await fetch(`${site.url}/api/v1/settings`);
    expect(anonymous.status).toBe(401);
    expect((await editor.api('GET', '/settings')).status).toBe(403);
    expect((await editor.api('PATCH', '/settings', { name: 'Taken over' })).status).toBe(403);
    const noCsrf = await admin.api('PATCH', '/settings', { tagline: 'No token' }, { csrf: false });
    expect([noCsrf.status, noCsrf.json.error.code]).toEqual([403, 'CSRF']);
    expect((await get(site, '/newsroom/settings')).status).toBe(303);
    const editorPage = await fetch(`${site.url}/newsroom/settings`, { headers: { cookie: editor.cookie } });
    expect(editorPage.status).toBe(403);
    const changed = await admin.api('PATCH', '/settings', { tagline: 'News from the harbour, every day', footerText: 'Harbour Herald Ltd, 1 Quay Street' });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ tagline: 'News from the harbour, every day', footerText: 'Harbour Herald Ltd, 1 Quay Street' });
    const audit = await admin.api('GET', '/audit?action=settings-change');
    expect(audit.json.items[0]).toMatchObject({
      actor: 'admin@example.org', action: 'settings-change', subject: 'settings:site',
      detail: { changed: { tagline: { from: 'Independent news, as it happens.', to: 'News from the harbour, every day' }, footerText: { from: '', to: 'Harbour Herald Ltd, 1 Quay Street' } } },
    });
    expect(audit.json.items.some((e: { detail: { changed: object } }) => 'name' in e.detail.changed)).toBe(false);
  });

  it('shows a new name, logo and colours on every page type within a second, here and on a second server', async () => {
    // Both servers have every page type rendered (and this one cached) with the old settings.
    for (const base of [site.url, second.url]) for (const p of Object.values(pageTypes())) expect((await look(base, p)).brand).toBe('Dateline Test');
    const form = new FormData();
    form.append('file', new Blob([hostileSvg], { type: 'image/svg+xml' }), 'logo.svg');
    const logo = await fetch(`${site.url}/api/v1/settings/logo`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, body: form });
    expect(logo.status, await logo.clone().text()).toBe(200);
    const r = await admin.api('PATCH', '/settings', { name: 'Harbour Herald', accentColor: '#0b5394', textColor: '#222222', backgroundColor: '#ffffff' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    for (const base of [site.url, second.url]) {
      for (const [type, p] of Object.entries(pageTypes())) {
        const seen = await until(`${type} on ${base === site.url ? 'this server' : 'the second server'}`, async () => {
          const l = await look(base, p);
          return l.logoAlt === 'Harbour Herald' && l.accent === '#0b5394' && l.title.endsWith('Harbour Herald') && l;
        }, 1000, 25);
        expect(seen.themeColor).toBe('#0b5394');
      }
    }
  });

  it('strips scripts, event handlers, foreignObject, javascript: and outside references from an SVG logo', async () => {
    const settings = (await admin.api('GET', '/settings')).json;
    expect(settings.logo).toMatchObject({ kind: 'svg', width: 240, height: 48 });
    const served = await fetch(site.url + settings.logo.url);
    expect(served.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    // Opened by itself, the drawing runs and loads nothing.
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox");
    const svg = await served.text();
    for (const hostile of ['<script', 'alert', 'onload', 'onclick', 'onerror', 'javascript:', 'foreignObject', 'evil.example', '@import', 'ENTITY']) {
      expect(svg).not.toContain(hostile);
    }
    expect(svg).toContain('<rect width="240" height="48" rx="6" fill="#0b3d91"');
    expect(svg).toContain('Harbour Herald</text>');
    const home = parseHtml((await get(site, '/')).body);
    expect(home.querySelector('.brand img')?.getAttribute('src')).toBe(settings.logo.url);
  });

  it('makes the favicon, apple-touch-icon and manifest icons from a square icon, and refuses one that is not square', async () => {
    const upload = async (png: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'icon.png');
      return fetch(`${site.url}/api/v1/settings/icon`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, body: form });
    };
    const wide = await upload(await sharp({ create: { width: 400, height: 200, channels: 3, background: '#0b5394' } }).png().toBuffer());
    expect([wide.status, ((await wide.json()) as { error: { field: string } }).error.field]).toEqual([400, 'icon']);
    expect((await upload(await sharp({ create: { width: 600, height: 600, channels: 3, background: '#0b5394' } }).png().toBuffer())).status).toBe(200);
    const head = await until('the icon links', async () => {
      const doc = parseHtml((await get(site, '/')).body);
      const touch = doc.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href');
      return touch?.startsWith('/media/') && doc;
    }, 1000, 25);
    const touch = head.querySelector('link[rel="apple-touch-icon"]')!.getAttribute('href')!;
    expect((await sharp(Buffer.from(await (await fetch(site.url + touch)).arrayBuffer())).metadata()).width).toBe(180);
    expect(head.querySelector('link[rel="manifest"]')?.getAttribute('href')).toBe('/manifest.webmanifest');
    const manifest = (await (await fetch(`${site.url}/manifest.webmanifest`)).json()) as { name: string; theme_color: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ name: 'Harbour Herald', theme_color: '#0b5394' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
    for (const icon of manifest.icons) {
      const meta = await sharp(Buffer.from(await (await fetch(site.url + icon.src)).arrayBuffer())).metadata();
      expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
    }
  });

  it('describes the publication as a NewsMediaOrganization with its standards pages, and every article names it as publisher', async () => {
    const page = async (title: string) => {
      const r = await admin.api('POST', '/pages', { title, bodyHtml: `<p>${title} of the Harbour Herald.</p>`, status: 'published' });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      return r.json as { id: number; slug: string };
    };
    const corrections = await page('Corrections policy');
    const masthead = await page('Who we are');
    const unknown = await admin.api('PATCH', '/settings', { ethicsPolicy: 987654 });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ field: 'ethicsPolicy', message: 'no page #987654' });
    const r = await admin.api('PATCH', '/settings', {
      correctionsPolicy: corrections.id, masthead: masthead.id, ethicsPolicy: 'https://standards.example.org/ethics',
      publishingPrinciples: 'https://standards.example.org/principles', ownershipFundingInfo: 'https://standards.example.org/owners',
      actionableFeedbackPolicy: 'https://standards.example.org/feedback', diversityPolicy: 'https://standards.example.org/diversity',
      socialAccounts: ['https://mastodon.social/@harbour', 'https://www.instagram.com/harbourherald'],
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const origin = site.config.siteUrl;
    const expected = {
      '@context': 'https://schema.org', '@type': 'NewsMediaOrganization', '@id': `${origin}/#organization`, name: 'Harbour Herald', url: origin,
      logo: { '@type': 'ImageObject', url: expect.stringMatching(new RegExp(`^${origin}/media/[0-9a-f]{32}/logo\\.svg$`)), width: 240, height: 48 },
      sameAs: ['https://mastodon.social/@harbour', 'https://www.instagram.com/harbourherald'],
      publishingPrinciples: 'https://standards.example.org/principles', correctionsPolicy: `${origin}/${corrections.slug}`,
      ethicsPolicy: 'https://standards.example.org/ethics', masthead: `${origin}/${masthead.slug}`,
      ownershipFundingInfo: 'https://standards.example.org/owners', actionableFeedbackPolicy: 'https://standards.example.org/feedback',
      diversityPolicy: 'https://standards.example.org/diversity',
    };
    const org = await until('the organisation on the home page', async () =>
      ldOf((await get(site, '/')).body).find((n) => n['@type'] === 'NewsMediaOrganization' && n.correctionsPolicy), 1000, 25);
    expect(org).toEqual(expected);
    const story = (await admin.api('GET', `/articles?status=published`)).json.items[0];
    expect((await admin.api('POST', `/articles/${story.id}/corrections`, { text: 'The bridge reopened on Tuesday, not Monday.' })).status).toBe(201);
    const article = (await get(site, articlePath)).body;
    const nodes = ldOf(article);
    expect(nodes.find((n) => n['@type'] === 'NewsArticle')!.publisher).toEqual({ '@type': 'NewsMediaOrganization', '@id': `${origin}/#organization`, name: 'Harbour Herald' });
    expect(nodes.find((n) => n['@type'] === 'NewsMediaOrganization')).toEqual(expected);
    const box = parseHtml(article).querySelector('.corrections');
    expect(box?.querySelector(`a[href="${origin}/${corrections.slug}"]`)?.textContent).toMatch(/corrections policy/);
    // The policy page taken down: the cached pages stop pointing at it at once.
    const down = await admin.api('PATCH', `/pages/${masthead.id}`, { status: 'unpublished' });
    expect(down.status, JSON.stringify(down.json)).toBe(200);
    await until('the masthead gone from the markup', async () => {
      const now = ldOf((await get(site, articlePath)).body).find((n) => n['@type'] === 'NewsMediaOrganization');
      return now && !('masthead' in now) && now.correctionsPolicy === `${origin}/${corrections.slug}`;
    }, 1000, 25);
    const footer = parseHtml((await get(site, '/')).body).querySelector('.site-footer')!;
    expect(footer.textContent).toContain('Harbour Herald Ltd, 1 Quay Street');
    expect([...footer.querySelectorAll('.social-links a')].map((a) => a.textContent)).toEqual(['Mastodon', 'Instagram']);
  });

  it('serves the custom CSS at a hashed, immutable address linked after the site’s, with the Content Security Policy unchanged', async () => {
    const before = (await get(site, '/')).headers.get('content-security-policy');
    expect(before).toContain("style-src 'self'");
    const css = ':root { --dl-accent: #7a1f5c; }\n.brand { letter-spacing: 0.05em; }';
    expect((await admin.api('PATCH', '/settings', { customCss: css })).status).toBe(200);
    const home = await until('the custom stylesheet', async () => {
      const r = await get(site, '/');
      return r.body.includes('/assets/custom-') && r;
    }, 1000, 25);
    expect(home.headers.get('content-security-policy')).toBe(before);
    const links = [...parseHtml(home.body).querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')!);
    expect(links[0]).toMatch(/^\/assets\/site\.css\?v=/);
    expect(links[1]).toMatch(/^\/assets\/theme-[0-9a-f]{16}\.css$/);
    expect(links[2]).toMatch(/^\/assets\/custom-[0-9a-f]{16}\.css$/);
    expect(links).toHaveLength(3);
    expect(home.body).not.toMatch(/<style|style="/);
    const served = await fetch(site.url + links[2]!);
    expect(served.headers.get('content-type')).toMatch(/^text\/css/);
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await served.text()).toBe(`${css}\n`);
    expect((await admin.api('PATCH', '/settings', { customCss: `${css}\n.tagline { font-style: normal; }` })).status).toBe(200);
    const oldAddress = links[2]!;
    await until('a new address for the new CSS', async () => !(await get(site, '/')).body.includes(oldAddress), 1000, 25);
    expect((await fetch(site.url + oldAddress)).status).toBe(404);
  });

  it('takes a picture as the logo through the media library, with its variants, and removes it again', async () => {
    const png = await sharp({ create: { width: 800, height: 160, channels: 4, background: { r: 11, g: 83, b: 148, alpha: 1 } } }).png().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'logo.png');
    const r = await fetch(`${site.url}/api/v1/settings/logo`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, body: form });
    expect(r.status, await r.clone().text()).toBe(200);
    const { logo } = (await r.json()) as { logo: { kind: string; imageId: number } };
    expect(logo.kind).toBe('image');
    expect((await admin.api('GET', '/images')).json.items.map((i: { id: number }) => i.id)).toContain(logo.imageId);
    const home = await until('the picture logo', async () => {
      const doc = parseHtml((await get(site, '/')).body);
      return doc.querySelector('.brand picture source[type="image/webp"]') && doc;
    }, 1000, 25);
    const img = home.querySelector('.brand picture img')!;
    expect([img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')]).toEqual(['Harbour Herald', '800', '160']);
    expect((await fetch(site.url + img.getAttribute('src')!)).headers.get('content-type')).toBe('image/jpeg');
    const org = ldOf((await get(site, '/')).body).find((n) => n['@type'] === 'NewsMediaOrganization')!;
    expect(org.logo).toEqual({ '@type': 'ImageObject', url: `${site.config.siteUrl}${img.getAttribute('src')}`, width: 640, height: 128 });
    expect((await admin.api('PATCH', '/settings', { logo: null })).status).toBe(200);
    await until('the name set in type again', async () => parseHtml((await get(site, '/')).body).querySelector('.brand')?.textContent === 'Harbour Herald'
      && !(await get(site, '/')).body.includes('brand-logo'), 1000, 25);
  });

  it('keeps the environment’s values as first-start defaults only', async () => {
    // The settings are stored: what the environment says now does not change them.
    expect(site.config.siteName).toBe('Dateline Test');
    expect((await admin.api('GET', '/settings')).json.name).toBe('Harbour Herald');
  });
});
