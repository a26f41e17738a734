import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { axeViolations, launchBrowser } from './support/browser.js';
import { dateline, tempDataDir } from './support/cli.js';
import { dataEnv, testEngine } from './support/database.js';
import { signIn, type Client } from './support/http.js';
import { validateXml } from './support/schemas.js';
import { get, parseHtml, password, startSite, type TestSite } from './support/site.js';
import { until } from './support/until.js';



describe('static pages: written like stories, served at /{slug}, kept out of the news', () => {
  let site: TestSite;
  let editor: Client;
  let rita: Client;
  let otto: Client;
  /** A published page every later test may look for; its body holds a word nothing else has. */
  let ethics: { id: number; slug: string };
  const secretWord = 'quillwortian';

  beforeAll(async () => {
    site = await startSite('static-pages', { demo: true, env: { SCHEDULER_INTERVAL_MS: '200' } });
    await site.addUser('eda@example.org', 'editor', 'Eda Editor');
    await site.addUser('rita@example.org', 'contributor', 'Rita Reporter');
    await site.addUser('otto@example.org', 'contributor', 'Otto Other');
    [editor, rita, otto] = await Promise.all(['eda', 'rita', 'otto'].map((n) => signIn(site, `${n}@example.org`))) as [Client, Client, Client];
    const created = await editor.api('POST', '/pages', {
      title: 'Ethics policy', bodyHtml: `<p>We are ${secretWord} about fairness.</p><script>alert(1)</script>`, status: 'published',
    });
    expect(created.status).toBe(201);
    ethics = { id: created.json.id, slug: created.json.slug };
  });
  afterAll(() => site?.close());

  it('creates a page with a slug from its title, keeps a revision of every change, and restores one', async () => {
    const created = await editor.api('POST', '/pages', { title: 'Advertise with us', bodyHtml: '<p>Rates on request.</p>' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ slug: 'advertise-with-us', url: '/advertise-with-us', status: 'draft', title: 'Advertise with us' });
    const id = created.json.id as number;
    const revised = await editor.api('PATCH', `/pages/${id}`, { bodyHtml: '<p>Our rates for 2026 are below.</p>', baseModifiedAt: created.json.modifiedAt });
    expect(revised.status).toBe(200);
    expect(revised.json.bodyHtml).toContain('rates for 2026');
    // Saving over a newer version is refused rather than undoing it.
    const stale = await editor.api('PATCH', `/pages/${id}`, { title: 'Old tab', baseModifiedAt: created.json.modifiedAt });
    expect(stale.status).toBe(409);

    const revisions = await editor.api('GET', `/pages/${id}/revisions`);
    expect(revisions.json.map((r: { changed: string[] }) => r.changed)).toEqual([['body'], ['slug', 'title', 'body']]);
    const first = revisions.json.at(-1).id as number;
    const restored = await editor.api('POST', `/pages/${id}/revisions/${first}/restore`);
    expect(restored.json.bodyHtml).toContain('Rates on request.');
    expect((await editor.api('GET', `/pages/${id}/revisions`)).json).toHaveLength(3);
    expect((await editor.api('GET', '/pages')).json.items.map((p: { id: number }) => p.id)).toContain(id);
  });

  it('publishes at /{slug} in the site layout: title, sanitised body, last update, canonical, WebPage JSON-LD, cached and purged', async () => {
    const page = await get(site, `/${ethics.slug}`);
    expect(page.status).toBe(200);
    const doc = parseHtml(page.body);
    expect(doc.querySelector('h1')?.textContent).toBe('Ethics policy');
    expect(doc.querySelector('.story-body')?.textContent).toContain(`We are ${secretWord} about fairness.`);
    expect(page.body).not.toContain('<script>alert');
    expect(doc.querySelector('nav[aria-label="Sections"]')).not.toBeNull();
    expect(doc.querySelector('.static-page-updated')?.textContent).toMatch(/^Last updated \d{1,2} \w+ \d{4}$/);
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`https://news.example.test/${ethics.slug}`);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld).toMatchObject({ '@type': 'WebPage', url: `https://news.example.test/${ethics.slug}`, name: 'Ethics policy' });
    expect(Date.parse(ld.dateModified)).not.toBeNaN();

    const again = await get(site, `/${ethics.slug}`);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(again.headers.get('surrogate-key')!.split(' ')).toEqual(expect.arrayContaining([`page:${ethics.id}`, 'nav']));
    const changed = await editor.api('PATCH', `/pages/${ethics.id}`, { bodyHtml: `<p>We are ${secretWord} about fairness and accuracy.</p>` });
    expect(changed.json.updatedAt).not.toBe(ld.dateModified);
    expect((await get(site, `/${ethics.slug}`)).body).toContain('fairness and accuracy');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = JSON.parse((await get(site, '/api/v1/openapi.json')).body);
    expect(Object.keys(doc.paths['/pages'])).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/pages/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
    expect(doc.paths['/pages/{id}/revisions'].get).toBeDefined();
    const create = doc.paths['/pages'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(['title']);
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['title', 'slug', 'bodyHtml', 'status', 'at']));
    expect(create.properties.status.enum).toEqual(['draft', 'in_review', 'scheduled', 'published', 'unpublished']);
    expect(doc.paths['/pages/{id}'].patch.requestBody.content['application/json'].schema.properties.baseModifiedAt).toBeDefined();
  });

  it('shows editors a preview exactly as readers will see it, never indexed', async () => {
    const draft = await editor.api('POST', '/pages', { title: 'Privacy', bodyHtml: '<p>We keep as little as we can.</p>' });
    const res = await fetch(`${site.url}/newsroom/pages/${draft.json.id}/preview`, { headers: { cookie: editor.cookie } });
    const doc = parseHtml(await res.text());
    expect(res.status).toBe(200);
    expect(doc.querySelector('h1')?.textContent).toBe('Privacy');
    expect(doc.querySelector('.preview-banner')?.textContent).toContain('draft');
    expect(doc.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex, follow');
    expect((await get(site, '/privacy')).status).toBe(404);
  });

  it('is published by the scheduler on time, by itself, dated by its schedule', async () => {
    const later = new Date(Date.now() + 3_600_000);
    const created = await editor.api('POST', '/pages', { title: 'Terms of use', bodyHtml: '<p>Be kind.</p>', status: 'scheduled', at: later.toISOString() });
    expect(created.json).toMatchObject({ status: 'scheduled', scheduledAt: later.toISOString() });
    // Rescheduled, sooner.
    const at = new Date(Date.now() + 1200);
    const scheduled = await editor.api('PATCH', `/pages/${created.json.id}`, { status: 'scheduled', at: at.toISOString() });
    expect(scheduled.json).toMatchObject({ status: 'scheduled', scheduledAt: at.toISOString() });
    expect((await get(site, '/terms-of-use')).status).toBe(404);
    await until('the page on the site', async () => (await get(site, '/terms-of-use')).status === 200);
    const page = (await editor.api('GET', `/pages/${created.json.id}`)).json;
    expect(page).toMatchObject({ status: 'published', firstPublishedAt: at.toISOString(), updatedAt: at.toISOString() });
    const audits = await site.dateline.store.audit.list({ page: 1, pageSize: 500, action: 'page-publish' });
    expect(audits.items.filter((e) => e.subject === `page:${created.json.id}`).map((e) => e.actor)).toEqual(['scheduler']);
  });

  it('refuses a slug that is a section’s or the site’s own address, and a section over a page’s slug', async () => {
    const section = await editor.api('POST', '/pages', { title: 'Our politics', slug: 'politics' });
    expect([section.status, section.json.error.field]).toEqual([409, 'slug']);
    expect(section.json.error.message).toContain('section');
    const reserved = await editor.api('POST', '/pages', { title: 'Search tips', slug: 'search' });
    expect([reserved.status, reserved.json.error.field]).toEqual([400, 'slug']);
    const twice = await editor.api('POST', '/pages', { title: 'Ethics, again', slug: ethics.slug });
    expect(twice.status).toBe(409);
    const renamed = await editor.api('POST', '/pages', { title: 'Jobs' });
    expect((await editor.api('PATCH', `/pages/${renamed.json.id}`, { slug: 'newsroom' })).status).toBe(400);
    const over = await editor.api('POST', '/sections', { name: 'Ethics', slug: ethics.slug });
    expect([over.status, over.json.error.code]).toEqual([409, 'CONFLICT']);
    expect((await editor.api('GET', '/sections')).json.map((s: { slug: string }) => s.slug)).not.toContain(ethics.slug);
  });

  it('is in the pages sitemap with its last update, and in no feed, listing, search or news sitemap', async () => {
    const sitemap = await get(site, '/sitemap-pages.xml');
    expect(validateXml('sitemap', [{ label: 'pages', xml: sitemap.body }])).toEqual([]);
    const entry = new RegExp(`<url><loc>https://news\\.example\\.test/${ethics.slug}</loc><lastmod>([^<]+)</lastmod></url>`).exec(sitemap.body);
    expect(entry?.[1]).toBe((await editor.api('GET', `/pages/${ethics.id}`)).json.updatedAt);
    expect(sitemap.body).toContain('<loc>https://news.example.test/about</loc>');
    expect(sitemap.body).not.toContain('/privacy<');

    const index = await get(site, '/sitemap.xml');
    const months = [...index.body.matchAll(/<loc>https:\/\/news\.example\.test(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
    const elsewhere = ['/', '/global', '/politics', '/feed.xml', '/atom.xml', '/feed.json', '/global/feed.xml', '/sitemap-news.xml', ...months];
    for (const p of elsewhere) {
      const r = await get(site, p);
      expect(r.status, p).toBe(200);
      expect(r.body, p).not.toContain('Ethics policy');
      expect(r.body, p).not.toContain(`/${ethics.slug}"`);
    }
    const search = await get(site, `/search?q=${secretWord}`);
    expect(search.body).not.toContain('Ethics policy');
    const api = (await editor.api('GET', `/search?q=${secretWord}&scope=newsroom`)).json;
    expect(api.total).toBe(0);
    expect((await editor.api('GET', '/articles')).json.items.map((a: { headline: string }) => a.headline)).not.toContain('Ethics policy');
  });

  it('lets a contributor draft and submit a page, not publish it (403), nor see another’s', async () => {
    const draft = await rita.api('POST', '/pages', { title: 'Contact', bodyHtml: '<p>Call us.</p>' });
    expect(draft.status).toBe(201);
    const publish = await rita.api('PATCH', `/pages/${draft.json.id}`, { title: 'Contact us', status: 'published' });
    expect(publish.status).toBe(403);
    expect(publish.json.error).toMatchObject({ code: 'FORBIDDEN', field: 'status' });
    // Refused whole: the title typed with the move is not saved either.
    expect((await rita.api('GET', `/pages/${draft.json.id}`)).json.title).toBe('Contact');
    expect((await rita.api('POST', '/pages', { title: 'Straight out', status: 'published' })).status).toBe(403);
    expect((await rita.api('PATCH', `/pages/${draft.json.id}`, { status: 'in_review' })).json.status).toBe('in_review');
    expect((await otto.api('GET', `/pages/${draft.json.id}`)).status).toBe(403);
    expect((await otto.api('GET', '/pages')).json.items).toEqual([]);
    expect((await rita.api('PATCH', `/pages/${ethics.id}`, { title: 'Mine' })).status).toBe(403);
    const published = await editor.api('PATCH', `/pages/${draft.json.id}`, { status: 'published' });
    expect(published.json.status).toBe('published');
    const contact = parseHtml((await get(site, '/contact')).body);
    expect(JSON.parse(contact.querySelector('script[type="application/ld+json"]')!.textContent!)['@type']).toBe('ContactPage');
  });

  it('checks the CSRF token on the newsroom’s page forms', async () => {
    const form = (body: Record<string, string>) => fetch(`${site.url}/newsroom/pages`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString(),
    });
    expect((await form({ title: 'Forged', bodyHtml: '<p>x</p>' })).status).toBe(403);
    const saved = await form({ _csrf: editor.csrf, title: 'Masthead', slug: '', bodyHtml: '<p>Who we are.</p>' });
    expect(saved.status).toBe(303);
    const id = /\/newsroom\/pages\/(\d+)/.exec(saved.headers.get('location')!)![1];
    const status = (body: Record<string, string>) => fetch(`${site.url}/newsroom/pages/${id}/status`, {
      method: 'POST', redirect: 'manual', headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString(),
    });
    expect((await status({ status: 'published' })).status).toBe(403);
    expect((await get(site, '/masthead')).status).toBe(404);
    expect((await status({ _csrf: editor.csrf, status: 'published' })).status).toBe(303);
    expect((await get(site, '/masthead')).status).toBe(200);
    const list = await fetch(`${site.url}/newsroom/pages`, { headers: { cookie: editor.cookie } });
    expect(parseHtml(await list.text()).querySelector(`a[href="/newsroom/pages/${id}"]`)?.textContent).toBe('Masthead');
  });

  it('answers 410 once unpublished and 404 for a draft; deletes a draft, never a page once published (409)', async () => {
    const created = await editor.api('POST', '/pages', { title: 'Old offer', status: 'published' });
    expect((await get(site, '/old-offer')).status).toBe(200);
    expect((await editor.api('PATCH', `/pages/${created.json.id}`, { status: 'unpublished' })).json.status).toBe('unpublished');
    const gone = await get(site, '/old-offer');
    expect(gone.status).toBe(410);
    expect((await editor.api('DELETE', `/pages/${created.json.id}`)).status).toBe(409);
    expect((await get(site, '/sitemap-pages.xml')).body).not.toContain('/old-offer<');

    const draft = await editor.api('POST', '/pages', { title: 'Half-written' });
    expect((await get(site, '/half-written')).status).toBe(404);
    expect((await editor.api('DELETE', `/pages/${draft.json.id}`)).status).toBe(204);
    expect((await editor.api('GET', `/pages/${draft.json.id}`)).status).toBe(404);
  });

  it('ships the demo newsroom with an About page and a Corrections policy, published', async () => {
    for (const [slug, title, words] of [['about', 'About us', 'independent'], ['corrections-policy', 'Corrections policy', 'correct']] as const) {
      const r = await get(site, `/${slug}`);
      expect(r.status, slug).toBe(200);
      const doc = parseHtml(r.body);
      expect(doc.querySelector('h1')?.textContent).toBe(title);
      expect(doc.querySelector('.story-body')?.textContent).toContain(words);
    }
    const about = parseHtml((await get(site, '/about')).body);
    expect(JSON.parse(about.querySelector('script[type="application/ld+json"]')!.textContent!)['@type']).toBe('AboutPage');
    const store = site.dateline.store.content;
    const byId = await store.pageById((await store.pageBySlug('about'))!.id);
    expect(byId).toMatchObject({ slug: 'about', title: 'About us', status: 'published' });
    // A page readers may not see is not found by id either (menus and settings link through it).
    const draft = await editor.api('POST', '/pages', { title: 'Not yet' });
    expect(await store.pageById(draft.json.id)).toBeNull();
  });

  it('is carried by export and import-site, with its revisions', async () => {
    const work = tempDataDir('pages-transfer');
    try {
      const file = path.join(work, 'site.jsonl');
      const out = await site.cli(['export', file]);
      expect(out.code, out.stderr).toBe(0);
      const target = path.join(work, 'target');
      const env: Record<string, string> = { ...dataEnv(target), DATELINE_DEMO: 'false', DATELINE_MEDIA: path.join(site.dataDir, 'media') };
      const imported = await dateline(['import-site', file], env);
      expect(imported.code, imported.stderr).toBe(0);
      const moved = openStore(testEngine === 'postgres' ? { postgres: { url: env.DATABASE_URL!, poolSize: 2 } } : { sqliteFile: path.join(target, 'dateline.sqlite') });
      try {
        const page = await moved.content.pageBySlug(ethics.slug);
        expect(page).toMatchObject({ id: ethics.id, title: 'Ethics policy', status: 'published' });
        expect(JSON.stringify(page!.body)).toContain('fairness and accuracy');
        expect((await moved.content.pageRevisions(ethics.id)).length).toBe((await site.dateline.store.content.pageRevisions(ethics.id)).length);
        expect(await moved.content.pageById((await moved.content.pageBySlug('corrections-policy'))!.id)).not.toBeNull();
      } finally {
        await moved.close();
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(() => browser?.close());

    it('an editor writes a page in the story editor, it autosaves, and publishes it', async () => {
      // The site's CSP forbids injected scripts, as it should; the accessibility audit needs one.
      const page = await (await browser.newContext({ bypassCSP: true })).newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${site.url}/newsroom/sign-in`);
      await page.fill('#email', 'eda@example.org');
      await page.fill('#password', password);
      await page.click('button[type=submit]');
      await page.click('nav[aria-label=Newsroom] >> text=Pages');
      await page.click('text=New page');
      await page.fill('#title', 'Funding');
      await page.click('button.nr-primary:has-text("Save")');
      await page.waitForURL(/\/newsroom\/pages\/\d+\?ok=Saved/);
      await page.click('.ProseMirror');
      await page.keyboard.type('Readers pay for this newsroom.');
      await until('the autosave', async () => /Draft saved/.test(await page.textContent('[data-autosave-status]') ?? ''), 15_000);
      expect(await axeViolations(page)).toEqual([]);
      await page.click('button:has-text("Publish now")');
      await page.waitForURL(/ok=Now%20published/);
      const r = await get(site, '/funding');
      expect(r.status).toBe(200);
      expect(parseHtml(r.body).querySelector('.story-body')?.textContent).toBe('Readers pay for this newsroom.');
      await page.goto(`${site.url}/funding`);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  });
});
