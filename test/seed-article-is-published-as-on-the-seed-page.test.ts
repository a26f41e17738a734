import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNinjs } from './support/paths.js';
import { readSeedPage } from './support/seed-page.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';

const seed = readSeedPage();
const articlePath = '/global/2019/04/30/after-caliphate-collapse-isis-militants-head-to-afghanistan';

describe('the seed NINJS story, imported with --section global --publish', () => {
  let site: TestSite;
  let doc: Document;
  let status: number;

  beforeAll(async () => {
    site = await startSite('seed', { sections: ['Global'] });
    const imported = await site.cli(['import', seedNinjs, '--section', 'global', '--publish']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`https://news.example.test${articlePath}`);
    const page = await get(site, articlePath);
    status = page.status;
    doc = parseHtml(page.body);
  });
  afterAll(() => site?.close());

  it('is served at /{section}/{yyyy}/{mm}/{dd}/{slug made from the headline}', () => {
    expect(status).toBe(200);
  });

  it('has the breadcrumb Home > Global, as links', () => {
    const links = [...doc.querySelectorAll('nav.breadcrumb a')];
    expect(links.map((a) => a.textContent!.trim().toUpperCase())).toEqual(seed.breadcrumb.map((c) => c.toUpperCase()));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/', '/global']);
  });

  it('has the headline, curly quotes intact, in the only <h1>', () => {
    const h1s = doc.querySelectorAll('h1');
    expect(h1s.length).toBe(1);
    expect(h1s[0]!.textContent).toBe(seed.headline);
    expect(seed.headline).toContain('‘caliphate’');
  });

  it('shows the publication date, 30 April 2019, in a <time datetime>', () => {
    const time = doc.querySelector('.story-head time')!;
    expect(time.getAttribute('datetime')).toBe('2019-04-30T08:00:00.000Z');
    expect(time.textContent).toBe('30 April 2019');
    // The seed page printed the same day as "April 30 , 2019".
    expect(seed.dateText.replace(/\s+,/, ',')).toBe('April 30, 2019');
  });

  it('credits the agency the story was written on', () => {
    expect(doc.querySelector('.byline a.agency')?.textContent).toBe('AFP');
  });

  it('shows the lead photo as a <figure> with <picture> variants, sizes, alt text, caption and credit', () => {
    const figure = doc.querySelector('article figure')!;
    const img = figure.querySelector('picture img')!;
    expect(img.getAttribute('width')).toBe('1600');
    expect(img.getAttribute('height')).toBe('900');
    expect(img.getAttribute('alt')).toBeTruthy();
    const types = [...figure.querySelectorAll('picture source')].map((s) => s.getAttribute('type'));
    expect(types).toEqual(['image/avif', 'image/webp']);
    for (const source of figure.querySelectorAll('picture source')) {
      expect(source.getAttribute('srcset')!.split(',').length).toBeGreaterThanOrEqual(3);
    }
    const caption = figure.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(caption).toBe(`${seed.caption} (${seed.credit})`);
    expect(seed.credit).toBe('AFP Photo');
  });

  it('has the 15 body paragraphs, word for word', () => {
    const paragraphs = [...doc.querySelectorAll('.story-body p')].map((p) => p.textContent);
    expect(seed.paragraphs.length).toBe(15);
    expect(paragraphs).toEqual(seed.paragraphs);
    expect(paragraphs.join(' ')).toContain('“spectacular”');
  });

  it('links the four topics', () => {
    const topics = [...doc.querySelectorAll('.story-topics a')];
    expect(topics.map((a) => a.textContent)).toEqual(seed.topics);
    expect(topics.map((a) => a.getAttribute('href'))).toEqual(
      ['/topic/afghanistan', '/topic/caliphate', '/topic/isis', '/topic/pakistan'],
    );
  });

  it('carries NewsArticle JSON-LD that parses and names the article', () => {
    const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')];
    const items = scripts.flatMap((s) => [JSON.parse(s.textContent!)].flat());
    const article = items.find((i) => i['@type'] === 'NewsArticle');
    expect(article).toMatchObject({
      headline: seed.headline,
      datePublished: '2019-04-30T08:00:00.000Z',
      dateModified: '2019-04-30T08:00:00.000Z',
      articleSection: 'Global',
      keywords: seed.topics,
      author: [{ '@type': 'Organization', name: 'AFP' }],
      publisher: { name: 'Dateline Test' },
    });
    expect(article.image[0]).toMatch(/^https:\/\/news\.example\.test\/media\/.+\.jpg$/);
  });

  it('has a title, description, canonical link and Open Graph / Twitter card tags', () => {
    const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content');
    expect(doc.title).toBe(`${seed.headline} | Dateline Test`);
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`https://news.example.test${articlePath}`);
    expect(meta('meta[name=description]')).toBe(seed.paragraphs[0]);
    expect(meta('meta[property="og:title"]')).toBe(seed.headline);
    expect(meta('meta[property="og:type"]')).toBe('article');
    expect(meta('meta[property="og:image"]')).toMatch(/^https:\/\/news\.example\.test\/media\//);
    expect(meta('meta[name="twitter:card"]')).toBe('summary_large_image');
  });

  it('serves every image variant the page refers to', async () => {
    const urls = new Set<string>();
    for (const el of doc.querySelectorAll('article picture source, article picture img')) {
      for (const part of el.getAttribute('srcset')!.split(',')) urls.add(part.trim().split(' ')[0]!);
    }
    expect(urls.size).toBe(15);
    for (const url of urls) {
      const res = await fetch(site.url + url);
      expect(res.status, url).toBe(200);
      const type = url.endsWith('.avif') ? 'image/avif' : url.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toContain('immutable');
    }
  });
});
