import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFromHtml } from '../src/content/index.js';
import { publishStory } from './support/factories.js';
import { signIn, type Client } from './support/http.js';
import { seedNinjs } from './support/paths.js';
import { addPushSource, push } from './support/push.js';
import { get, startSite, type TestSite } from './support/site.js';
import { validateXml } from './support/schemas.js';

const seed = JSON.parse(fs.readFileSync(seedNinjs, 'utf8')) as Record<string, unknown>;
const { associations: _pictures, ...seedText } = seed;
const ninjs = (uri: string, extra: Record<string, unknown>) => JSON.stringify({
  ...seedText, uri, version: '1', firstcreated: new Date(Date.now() - 3_600_000).toISOString(), versioncreated: new Date(Date.now() - 3_600_000).toISOString(), ...extra,
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'item', 'url'].includes(name) });
const forbidden = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe('hostile text never breaks feeds or sitemaps', () => {
  let site: TestSite;
  let token: string;
  let editor: Client;

  beforeAll(async () => {
    site = await startSite('hostile-xml', { sections: ['Global'] });
    token = await addPushSource(site, 'agency', ['--section', 'global', '--publish']);
    await site.addUser('xml@example.org', 'editor');
    editor = await signIn(site, 'xml@example.org');
  });
  afterAll(() => site?.close());

  it('feeds carry headlines and standfirsts as text, and only bodies as HTML', async () => {
    // Wire copy whose headline *reads* "<img ...>" once its entities are decoded.
    const r = await push(site, 'agency', token, ninjs('urn:test:hostile:markup', {
      headline: '&lt;img src=x onerror=alert(1)&gt; Markup in a headline',
      description_text: 'A standfirst quoting &lt;b&gt;tags&lt;/b&gt; as text',
      body_html: '<p>Body with <strong>bold</strong> words.</p>',
    }));
    expect(r.status).toBe(200);
    const atomXml = (await get(site, '/atom.xml')).body;
    expect(atomXml).not.toContain('CDATA');
    const entry = xml.parse(atomXml).feed.entry.find((e: any) => String(e.title['#text']).includes('Markup in a headline'));
    expect(entry.title).toEqual({ '#text': '<img src=x onerror=alert(1)> Markup in a headline', '@type': 'text' });
    expect(entry.summary['@type']).toBe('text');
    expect(entry.content['@type']).toBe('html');
    expect(entry.content['#text']).toContain('<strong>bold</strong>');
    // RSS's description is HTML: once the XML is read, the tags a writer typed are still escaped.
    const item = xml.parse((await get(site, '/feed.xml')).body).rss.channel.item.find((i: any) => String(i.title).includes('Markup in a headline'));
    expect(item.description).toBe('A standfirst quoting &lt;b&gt;tags&lt;/b&gt; as text');
    expect(item['content:encoded']).toContain('<strong>bold</strong>');
  });

  it('characters XML forbids are dropped at the door, from the API and from the wire', async () => {
    const created = await editor.api('POST', '/articles', {
      headline: 'Null\u0000 and \u0001start', standfirst: 'Bell\u0007 and form\u000c feed', section: 'global',
      bodyHtml: '<p>Escape\u001b here</p>', topics: ['Control\u0002 topic'],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ headline: 'Null and start', standfirst: 'Bell and form feed', topics: ['Control topic'] });
    const pushed = await push(site, 'agency', token, ninjs('urn:test:hostile:controls', { headline: 'Pushed\u0001 headline\u0000', description_text: 'Pushed\u0003 standfirst' }));
    const story = (await editor.api('GET', `/articles/${pushed.json.items[0].articleId}`)).json;
    expect([story.headline, story.standfirst]).toEqual(['Pushed headline', 'Pushed standfirst']);
  });

  it('every XML output stays well-formed for hostile text already stored', async () => {
    // Stored past the door (an older database, a direct write): the outputs drop it again.
    await publishStory(site.dateline.store.content, {
      headline: 'Stored \u0001 control \u0000 characters \uFFFE here', standfirst: 'Vertical\u000b tab', topics: ['Hostile topic'],
      byline: 'By A\u0004 Writer', body: bodyFromHtml('<p>Fine body</p>'), firstPublishedAt: new Date(Date.now() - 1_800_000),
    });
    const months = [...(await get(site, '/sitemap.xml')).body.matchAll(/<loc>https:\/\/news\.example\.test(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
    const fetchAll = (paths: string[]) => Promise.all(paths.map(async (p) => ({ label: p, xml: (await get(site, p)).body })));
    const atom = await fetchAll(['/atom.xml', '/global/atom.xml', '/topic/hostile-topic/atom.xml']);
    const rss = await fetchAll(['/feed.xml', '/global/feed.xml', '/topic/hostile-topic/feed.xml']);
    const sitemaps = await fetchAll(['/sitemap.xml', '/sitemap-news.xml', '/sitemap-pages.xml', ...months]);
    expect(atom[0]!.xml).toContain('Stored  control  characters  here');
    for (const doc of [...atom, ...rss, ...sitemaps]) expect(forbidden.test(doc.xml), doc.label).toBe(false);
    expect(validateXml('atom', atom)).toEqual([]);
    expect(validateXml('rss', rss)).toEqual([]);
    expect(validateXml('sitemap', sitemaps)).toEqual([]);
  });
});
