import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishStory } from './support/factories.js';
import { seedNinjs } from './support/paths.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';
import { validateXml } from './support/schemas.js';
import { jsonFeed11 } from './schemas/json-feed.js';

const xml = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@',
  isArray: (name, jpath) => ['item', 'entry', 'url', 'sitemap', 'category'].includes(name) || (String(jpath).startsWith('feed') && ['link', 'author'].includes(name)),
});
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const rfc822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const absolute = /^https:\/\/news\.example\.test\//;

async function fetchXml(site: TestSite, path: string, type: string) {
  const r = await get(site, path);
  expect(r.status, path).toBe(200);
  expect(r.headers.get('content-type'), path).toBe(type);
  expect(XMLValidator.validate(r.body), path).toBe(true);
  return xml.parse(r.body);
}

/** RSS 2.0 (rssboard.org/rss-specification): the required channel and item elements. */
function checkRss(doc: any) {
  expect(doc.rss['@version']).toBe('2.0');
  const ch = doc.rss.channel;
  for (const k of ['title', 'link', 'description']) expect(ch[k], k).toBeTruthy();
  expect(ch['atom:link']['@rel']).toBe('self');
  for (const item of ch.item ?? []) {
    expect(item.title || item.description).toBeTruthy();
    expect(item.link).toMatch(absolute);
    expect(item.guid['#text'] ?? item.guid).toBe(item.link);
    expect(item.pubDate).toMatch(rfc822);
    if (item.enclosure) {
      expect(item.enclosure['@url']).toMatch(absolute);
      expect(Number(item.enclosure['@length'])).toBeGreaterThan(0);
      expect(item.enclosure['@type']).toBe('image/jpeg');
    }
  }
  return ch.item ?? [];
}

/** Atom (RFC 4287 §4.1): feed and entry need id, title, updated; entries an alternate link. */
function checkAtom(doc: any) {
  const feed = doc.feed;
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const k of ['id', 'title', 'updated']) expect(feed[k], k).toBeTruthy();
  expect(feed.updated).toMatch(rfc3339);
  expect(feed.author?.length || feed.entry?.every((e: any) => e.author?.length)).toBeTruthy();
  for (const e of feed.entry ?? []) {
    for (const k of ['id', 'title', 'updated']) expect(e[k], k).toBeTruthy();
    expect(e.updated).toMatch(rfc3339);
    expect(e.link.some((l: any) => (l['@rel'] ?? 'alternate') === 'alternate' && absolute.test(l['@href']))).toBe(true);
  }
  return feed.entry ?? [];
}

/** JSON Feed 1.1 (jsonfeed.org/version/1.1): version, title, items with id and content. */
function checkJsonFeed(f: any) {
  expect(f.version).toBe('https://jsonfeed.org/version/1.1');
  expect(typeof f.title).toBe('string');
  expect(f.feed_url).toMatch(absolute);
  for (const item of f.items) {
    expect(typeof item.id).toBe('string');
    expect(typeof (item.content_html ?? item.content_text)).toBe('string');
    expect(item.url).toMatch(absolute);
    expect(item.date_published).toMatch(rfc3339);
    for (const a of item.attachments ?? []) expect(a.url).toMatch(absolute);
  }
  return f.items;
}

describe('feeds and sitemaps', () => {
  let site: TestSite;
  const now = new Date();

  beforeAll(async () => {
    site = await startSite('feeds', { demo: true });
    expect((await site.cli(['import', seedNinjs, '--section', 'global', '--publish'])).code).toBe(0);
    await publishStory(site.dateline.store.content, { headline: 'Three days old', firstPublishedAt: new Date(now.getTime() - 72 * 3_600_000) });
    await publishStory(site.dateline.store.content, { headline: 'A draft never listed', publish: false });
  });
  afterAll(() => site?.close());

  it('serves RSS 2.0, Atom and JSON Feed for the site, with full text and the lead picture', async () => {
    const rss = checkRss(await fetchXml(site, '/feed.xml', 'application/rss+xml; charset=utf-8'));
    const seed = rss.find((i: any) => i.title.includes('caliphate'));
    expect(seed['content:encoded']).toContain('<p>Islamic State fighters');
    expect(seed.enclosure['@url']).toMatch(/\.jpg$/);
    expect(seed.category.map((c: any) => c['#text'] ?? c)).toEqual(['Afghanistan', 'caliphate', 'isis', 'Pakistan']);
    expect(rss.map((i: any) => i.title)).not.toContain('A draft never listed');
    const atom = checkAtom(await fetchXml(site, '/atom.xml', 'application/atom+xml; charset=utf-8'));
    expect(atom.length).toBe(rss.length);
    const json = await get(site, '/feed.json');
    expect(json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const items = checkJsonFeed(JSON.parse(json.body));
    expect(items.find((i: any) => i.title.includes('caliphate')).tags).toEqual(['Afghanistan', 'caliphate', 'isis', 'Pakistan']);
  });

  it('serves the same three for every section, topic, author and agency, and 404 for unknown ones', async () => {
    for (const base of ['/global', '/markets', '/topic/afghanistan', '/author/mara-quinn', '/agency/afp']) {
      checkRss(await fetchXml(site, `${base}/feed.xml`, 'application/rss+xml; charset=utf-8'));
      checkAtom(await fetchXml(site, `${base}/atom.xml`, 'application/atom+xml; charset=utf-8'));
      checkJsonFeed(JSON.parse((await get(site, `${base}/feed.json`)).body));
    }
    const topic = checkJsonFeed(JSON.parse((await get(site, '/topic/afghanistan/feed.json')).body));
    expect(topic.map((i: any) => i.title)).toEqual(['After ‘caliphate’ collapse, ISIS militants head to Afghanistan']);
    for (const path of ['/nowhere/feed.xml', '/topic/nothing/atom.xml', '/agency/none/feed.json']) expect((await get(site, path)).status, path).toBe(404);
  });

  it('advertises its feeds on the pages that have them', async () => {
    const section = parseHtml((await get(site, '/global')).body);
    const hrefs = [...section.querySelectorAll('link[rel=alternate]')].map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`);
    expect(hrefs).toEqual(expect.arrayContaining([
      'application/rss+xml https://news.example.test/feed.xml',
      'application/rss+xml https://news.example.test/global/feed.xml',
      'application/atom+xml https://news.example.test/global/atom.xml',
      'application/feed+json https://news.example.test/global/feed.json',
    ]));
  });

  it('indexes monthly sitemaps, each listing the month’s stories with lastmod and picture', async () => {
    const index = await fetchXml(site, '/sitemap.xml', 'application/xml; charset=utf-8');
    expect(index.sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = index.sitemapindex.sitemap.map((s: any) => s.loc);
    expect(locs).toContain('https://news.example.test/sitemaps/2019-04.xml');
    expect(locs).toContain('https://news.example.test/sitemap-pages.xml');
    for (const s of index.sitemapindex.sitemap) expect(s.lastmod).toMatch(rfc3339);
    const april = await fetchXml(site, '/sitemaps/2019-04.xml', 'application/xml; charset=utf-8');
    const url = april.urlset.url[0];
    expect(url.loc).toBe('https://news.example.test/global/2019/04/30/after-caliphate-collapse-isis-militants-head-to-afghanistan');
    expect(url.lastmod).toMatch(rfc3339);
    expect(url['image:image']['image:loc']).toMatch(/^https:\/\/news\.example\.test\/media\/.+\.jpg$/);
    const pages = await fetchXml(site, '/sitemap-pages.xml', 'application/xml; charset=utf-8');
    expect(pages.urlset.url.map((u: any) => u.loc)).toEqual(expect.arrayContaining(['https://news.example.test/', 'https://news.example.test/markets']));
    expect((await get(site, '/sitemaps/1999-01.xml')).status).toBe(404);
    expect((await get(site, '/sitemaps/2019-13.xml')).status).toBe(404);
  });

  it('lists exactly the stories of the last 48 hours in the news sitemap', async () => {
    const news = await fetchXml(site, '/sitemap-news.xml', 'application/xml; charset=utf-8');
    expect(news.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const titles = news.urlset.url.map((u: any) => u['news:news']['news:title']);
    const recent = (await site.dateline.store.content.latest({ page: 1, pageSize: 100 })).items
      .filter((a) => now.getTime() - a.firstPublishedAt.getTime() <= 48 * 3_600_000).map((a) => a.headline);
    expect([...titles].sort()).toEqual([...recent].sort());
    expect(titles).not.toContain('Three days old');
    expect(titles).not.toContain('After ‘caliphate’ collapse, ISIS militants head to Afghanistan');
    for (const u of news.urlset.url) {
      expect(u['news:news']['news:publication']['news:name']).toBe('Dateline Test');
      expect(u['news:news']['news:publication_date']).toMatch(rfc3339);
    }
  });

  it('validates every feed against its specification’s schema', async () => {
    const bases = ['', '/global', '/markets', '/topic/afghanistan', '/author/mara-quinn', '/agency/afp'];
    const fetchAll = (file: string) => Promise.all(bases.map(async (b) => ({ label: `${b}/${file}`, xml: (await get(site, `${b}/${file}`)).body })));
    const [rss, atom] = [await fetchAll('feed.xml'), await fetchAll('atom.xml')];
    expect(validateXml('rss', rss)).toEqual([]);
    expect(validateXml('atom', atom)).toEqual([]);
    for (const b of bases) {
      const parsed = jsonFeed11.safeParse(JSON.parse((await get(site, `${b}/feed.json`)).body));
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${b}/feed.json ${i.path.join('.')}: ${i.message}`)).toEqual([]);
    }
    // The validators do fail on a broken feed: an Atom entry without its id, an RSS item without a title or description.
    const firstEntry = atom[0]!.xml.indexOf('<entry');
    const brokenAtom = atom[0]!.xml.slice(0, firstEntry) + atom[0]!.xml.slice(firstEntry).replace(/<id>[^<]*<\/id>/, '');
    expect(validateXml('atom', [{ label: 'broken', xml: brokenAtom }]).join('\n')).toMatch(/missing required element "id"/);
    const brokenRss = rss[0]!.xml.replace(/<item>[\s\S]*?<\/item>/, '<item><link>https://news.example.test/x</link></item>');
    expect(validateXml('rss', [{ label: 'broken', xml: brokenRss }])).not.toEqual([]);
    const minimal = { version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1', content_text: 'y' }] };
    expect(jsonFeed11.safeParse(minimal).success).toBe(true);
    expect(jsonFeed11.safeParse({ ...minimal, extra: 1 }).success).toBe(false);
    expect(jsonFeed11.safeParse({ ...minimal, _extension: 1 }).success).toBe(true);
  });

  it('validates every sitemap against the sitemap protocol and Google’s news and image extensions', async () => {
    const index = (await get(site, '/sitemap.xml')).body;
    const listed = [...index.matchAll(/<loc>https:\/\/news\.example\.test([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    const docs = [{ label: '/sitemap.xml', xml: index }, { label: '/sitemap-news.xml', xml: (await get(site, '/sitemap-news.xml')).body }];
    for (const p of listed) docs.push({ label: p, xml: (await get(site, p)).body });
    expect(validateXml('sitemap', docs)).toEqual([]);
    const broken = docs[1]!.xml.replace(/<news:publication_date>[^<]*<\/news:publication_date>/, '<news:publication_date>yesterday</news:publication_date>');
    expect(validateXml('sitemap', [{ label: 'broken', xml: broken }])).not.toEqual([]);
  });

  it('points robots at the sitemaps', async () => {
    const robots = (await get(site, '/robots.txt')).body;
    expect(robots).toContain('Sitemap: https://news.example.test/sitemap.xml');
    expect(robots).toContain('Sitemap: https://news.example.test/sitemap-news.xml');
    expect(robots).toContain('Disallow: /newsroom');
  });
});
