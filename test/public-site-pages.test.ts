import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePath } from '../src/site/index.js';
import { publishStory } from './support/factories.js';
import { seedNinjs } from './support/paths.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';

describe('the public site', () => {
  let site: TestSite;

  beforeAll(async () => {
    site = await startSite('pages', { demo: true });
    const store = site.dateline.store.content;
    for (let i = 0; i < 23; i++) {
      await publishStory(store, { sectionSlug: 'science', topics: ['Space'], people: ['Ada Byline'], headline: `Space story ${i + 1}` });
    }
    await publishStory(store, { sectionSlug: 'markets', headline: 'A markets story', agency: 'Example Press Agency' });
    await publishStory(store, { sectionSlug: 'global', headline: 'An unpublished draft', publish: false });
  });
  afterAll(() => site?.close());

  const titles = (body: string, selector = 'main article h2 a, main article h3 a') =>
    [...parseHtml(body).querySelectorAll(selector)].map((a) => a.textContent);

  it('answers /healthz with 200', async () => {
    const r = await get(site, '/healthz');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ status: 'ok' });
  });

  it('lists the latest stories on the home page, newest first, 20 to a page', async () => {
    const page1 = await get(site, '/');
    expect(page1.status).toBe(200);
    const doc = parseHtml(page1.body);
    expect(doc.querySelector('.lead-story h2')).not.toBeNull();
    expect(doc.querySelectorAll('.lead-story, .story-list > li').length).toBe(20);
    expect(doc.querySelector('link[rel=next]')?.getAttribute('href')).toBe('https://news.example.test/?page=2');
    const page2 = await get(site, '/?page=2');
    expect(page2.status).toBe(200);
    expect(titles(page2.body)).not.toContain(titles(page1.body)[0]);
    expect(parseHtml(page2.body).querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://news.example.test/?page=2');
    // Search engines index the first page of a listing; later pages are followed, not indexed.
    expect(doc.querySelector('meta[name=robots]')).toBeNull();
    expect(parseHtml(page2.body).querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex, follow');
  });

  it('never lists or serves a draft', async () => {
    const all = [];
    for (let p = 1; p <= 2; p++) all.push(...titles((await get(site, `/?page=${p}`)).body));
    expect(all).not.toContain('An unpublished draft');
    expect(all).toContain('A markets story');
    const draft = await site.dateline.store.content.articleBySlug('an-unpublished-draft');
    expect(draft?.status).toBe('draft');
    expect((await get(site, '/global/2024/01/01/an-unpublished-draft')).status).toBe(404);
  });

  it('shows a section page with the stories of the section and the sections below it', async () => {
    const business = await get(site, '/business');
    expect(business.status).toBe(200);
    expect(titles(business.body)).toContain('A markets story');
    const sub = parseHtml(business.body).querySelector('nav.subsections a')!;
    expect([sub.textContent, sub.getAttribute('href')]).toEqual(['Markets', '/markets']);
    const markets = parseHtml((await get(site, '/markets')).body);
    expect(markets.querySelector('h1')!.textContent).toBe('Markets');
    expect([...markets.querySelectorAll('.breadcrumb a')].map((a) => a.textContent)).toEqual(['Home', 'Business']);
  });

  it('paginates a section, and a page past the end is 404', async () => {
    const p1 = await get(site, '/science');
    const p2 = await get(site, '/science?page=2');
    expect(titles(p1.body)).toHaveLength(20);
    expect(titles(p2.body).length).toBeGreaterThanOrEqual(3);
    expect(parseHtml(p2.body).querySelector('.pagination a[rel=prev]')?.getAttribute('href')).toBe('/science');
    expect((await get(site, '/science?page=9')).status).toBe(404);
  });

  it('answers a page number that is not a number with 400 and says why', async () => {
    const r = await get(site, '/science?page=abc');
    expect(r.status).toBe(400);
    expect(r.body).toContain('The page number must be a whole number from 1 to 500.');
  });

  it('has topic, author and agency pages', async () => {
    const topic = await get(site, '/topic/space');
    expect(topic.status).toBe(200);
    expect(titles(topic.body)).toHaveLength(20);
    const author = await get(site, '/author/ada-byline');
    expect(parseHtml(author.body).querySelector('h1')!.textContent).toBe('Ada Byline');
    const agency = await get(site, '/agency/example-press-agency');
    expect(titles(agency.body)).toEqual(['A markets story']);
  });

  it('links a person byline to the author page', async () => {
    const story = (await site.dateline.store.content.articleBySlug('space-story-1'))!;
    const page = await get(site, articlePath(story, 'UTC'));
    expect(page.status).toBe(200);
    const doc = parseHtml(page.body);
    const author = doc.querySelector('.byline a[rel=author]')!;
    expect(author.textContent).toBe('Ada Byline');
    expect(author.getAttribute('href')).toBe('/author/ada-byline');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!)[0];
    expect(ld.author).toEqual([{ '@type': 'Person', name: 'Ada Byline', url: 'https://news.example.test/author/ada-byline' }]);
  });

  it('answers anything unknown with a 404 page that still has the menu', async () => {
    for (const path of ['/no-such-section', '/topic/nothing', '/author/nobody', '/agency/none', '/global/2019/04/30/no-such-story', '/a/b/c']) {
      const r = await get(site, path);
      expect(r.status, path).toBe(404);
      const doc = parseHtml(r.body);
      expect(doc.querySelector('h1')!.textContent, path).toBe('Page not found');
      expect(doc.querySelector('nav.sections a[href="/global"]'), path).not.toBeNull();
      expect(doc.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex, follow');
    }
  });

  it('sends security headers, including a content security policy without inline scripts', async () => {
    const r = await get(site, '/');
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // Pictures only from the site (and hosts the operator names in IMAGE_HOSTS), not any https host.
    expect(/img-src ([^;]*)/.exec(csp)![1]!.split(' ').sort()).toEqual(["'self'", 'data:']);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it("serves the editor's script but never its source map", async () => {
    const script = await get(site, '/newsroom/assets/editor.js');
    expect(script.status).toBe(200);
    expect(script.body).not.toContain('sourceMappingURL');
    expect((await get(site, '/newsroom/assets/editor.js.map')).status).toBe(404);
  });

  it('serves the stylesheet with a long cache life', async () => {
    const href = parseHtml((await get(site, '/')).body).querySelector('link[rel=stylesheet]')!.getAttribute('href')!;
    const css = await get(site, href);
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toContain('immutable');
  });

  it('shows a story imported by the CLI while the server runs on the next request', async () => {
    const before = await get(site, '/global/2019/04/30/after-caliphate-collapse-isis-militants-head-to-afghanistan');
    expect(before.status).toBe(404);
    const r = await site.cli(['import', seedNinjs, '--section', 'global', '--publish']);
    expect(r.code).toBe(0);
    const after = await get(site, '/global/2019/04/30/after-caliphate-collapse-isis-militants-head-to-afghanistan');
    expect(after.status).toBe(200);
    expect(titles((await get(site, '/global')).body)).toContain('After ‘caliphate’ collapse, ISIS militants head to Afghanistan');
  });
});
