import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wireFixtures } from '../../../../test/support/paths.js';
import { parseWireFile } from '../index.js';
import { readXml, textOf } from '../xml.js';
import { parseFeedDate, type FeedParse } from './common.js';

const parseFile = (rel: string): FeedParse => {
  const file = path.join(wireFixtures, rel);
  return parseWireFile(fs.readFileSync(file), { baseDir: path.dirname(file), fileName: path.basename(file) }) as FeedParse;
};
const parseText = (xml: string | Buffer): FeedParse =>
  parseWireFile(typeof xml === 'string' ? Buffer.from(xml) : xml, { baseDir: null, fileName: 'feed.xml' }) as FeedParse;
const onlyItem = (rel: string) => {
  const parsed = parseFile(rel);
  expect(parsed.failed).toEqual([]);
  expect(parsed.items).toHaveLength(1);
  return parsed.items[0]!;
};
const iso = (d: Date | null) => d?.toISOString() ?? null;

const filesUnder = (rel: string) =>
  fs
    .readdirSync(path.join(wireFixtures, rel), { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(wireFixtures, rel, f)).isFile())
    .map((f) => path.join(rel, f))
    .sort();

describe('RSS 2.0', () => {
  it('reads the RSS 2.0 specification sample: four items, guid as uri, pubDate, author name, HTML description as body', () => {
    const parsed = parseFile('rss/samples/rss2sample.xml');
    expect(parsed.format).toBe('rss');
    expect(parsed.feed).toEqual({ version: 'rss-2.0', title: 'Liftoff News', link: 'http://liftoff.msfc.nasa.gov/', language: 'en-us' });
    expect(parsed.items.map((i) => i.headline)).toEqual(['Star City', '', 'The Engine That Does More', "Astronauts' Dirty Laundry"]);
    const [star, eclipse] = parsed.items;
    expect(star).toMatchObject({
      format: 'rss',
      uri: 'http://liftoff.msfc.nasa.gov/2003/06/03.html#item573',
      version: null,
      type: 'text',
      pubStatus: 'usable',
      urgency: null,
      language: 'en-us',
      byline: 'Writer',
      agency: 'Liftoff News',
      summary: '',
      link: 'http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp',
      pictures: [],
    });
    expect(star!.bodyHtml).toMatch(/^How do Americans get ready to work with Russians/);
    expect(star!.bodyHtml).toContain('<a href="http://howe.iki.rssi.ru/GCTC/gctc_e.htm">Star City</a>');
    expect(iso(star!.firstCreated)).toBe('2003-06-03T09:39:21.000Z');
    expect(iso(star!.versionCreated)).toBe('2003-06-03T09:39:21.000Z');
    // No <link>: a guid that is a permalink is the page.
    expect(eclipse!.link).toBe('http://liftoff.msfc.nasa.gov/2003/05/30.html#item572');
    expect(eclipse!.bodyHtml).toMatch(/^Sky watchers in Europe/);
  });

  it('takes content:encoded as the body and the description as its summary, dc:creator as byline', () => {
    const item = onlyItem('rss/samples/instant-article.rss');
    expect(item).toMatchObject({
      uri: 'https://localhost:8000',
      headline: 'My first Instant Article',
      bodyHtml: '<b>Lorem</b> ipsum',
      summary: 'Lorem ipsum',
      byline: 'tobi',
      language: 'en',
      agency: 'Instant Article Test',
      link: 'https://localhost:8000',
    });
    expect(iso(item.versionCreated)).toBe('2016-05-04T06:53:45.000Z');
  });

  it('reads a numeric-zone pubDate and a non-permalink guid, and takes no audio enclosure as a picture', () => {
    const item = onlyItem('rss/samples/pagination-links.rss');
    expect(item.uri).toBe('a6f22abe-be5c-4a37-8f4b-8be3d69b0235');
    expect(item.link).toBe('https://example.test/episode?id=283843');
    expect(iso(item.firstCreated)).toBe('2021-01-21T07:58:00.000Z'); // Thu, 21 Jan 2021 18:58:00 +1100
    expect(item.bodyHtml).toBe('<div>The First Episode</div>');
    expect(item.byline).toBe('Steve Thompson'); // itunes:author when there is no author or dc:creator
    expect(item.pictures).toEqual([]);
  });

  it('resolves relative links in the item and its HTML against xml:base, as feedparser does', () => {
    const item = onlyItem('rss/samples/rss-with-relative-html-urls.xml');
    expect(item.bodyHtml).toBe(
      '<p><a href="https://example.com/posts/post-1">Read</a><a href="https://example.com/posts/post-1#comments">Comments</a>' +
        '<img src="https://example.com/images/post-1.png" srcset="https://example.com/posts/small.png 480w, https://example.com/large.png 2x">' +
        '<video poster="https://example.com/posts/poster.png"></video></p>',
    );
    // The item's own xml:base ("posts/post-1") applies to its <link> too (RFC 3986 resolution).
    expect(item.link).toBe('https://example.com/posts/posts/post-1');
  });

  it('resolves relative links against the channel link when there is no xml:base', () => {
    const item = onlyItem('rss/samples/rss-with-relative-html-urls-no-base.xml');
    expect(item.link).toBe('https://example.com/feed/posts/post-1');
    expect(item.bodyHtml).toBe(
      '<p><a href="https://example.com/feed/post-1">Read</a><a href="https://example.com/feed/#comments">Comments</a>' +
        '<img src="https://example.com/images/post-1.png" srcset="https://example.com/feed/small.png 480w, https://example.com/large.png 2x">' +
        '<video poster="https://example.com/feed/poster.png"></video></p>',
    );
  });

  it('resolves relative links against the URL a fetched feed came from, before the channel link', () => {
    const bytes = fs.readFileSync(path.join(wireFixtures, 'rss/samples/rss-with-relative-html-urls-no-base.xml'));
    const item = parseWireFile(bytes, { baseDir: null, fileName: 'https://example.com/news/feed.rss' }).items[0]!;
    expect(item.link).toBe('https://example.com/news/posts/post-1');
    expect(item.bodyHtml).toContain('<a href="https://example.com/news/post-1">Read</a>');
    expect(item.sourceDir).toBeNull();
  });

  it("keeps one item's xml:base away from its sibling", () => {
    const parsed = parseFile('rss/samples/rss-with-item-scoped-html-base.xml');
    expect(parsed.items.map((i) => i.bodyHtml)).toEqual([
      '<p><a href="https://example.com/first/post">First</a></p>',
      '<p><a href="https://example.com/post">Second</a></p>',
    ]);
    expect(parsed.items.map((i) => i.link)).toEqual(['https://example.com/first/first', 'https://example.com/second']);
  });

  it('resolves an item link against a root xml:base', () => {
    const item = onlyItem('rss/edge-cases/gofeed/rss_channel_item_xml_base.xml');
    expect(item.link).toBe('http://example.org/feeds/post/1');
  });

  it('gives an item without guid or link a stable urn:dateline:feed-item: identifier', () => {
    const a = onlyItem('rss/edge-cases/feedparser/item_title.xml');
    const b = onlyItem('rss/edge-cases/feedparser/item_title.xml');
    expect(a.uri).toMatch(/^urn:dateline:feed-item:[0-9a-f]{32}$/);
    expect(b.uri).toBe(a.uri);
    expect(a.headline).toBe('Item 1 title');
    expect(onlyItem('rss/edge-cases/feedparser/item_pubDate.xml').uri).not.toBe(onlyItem('rss/edge-cases/feedparser/item_dc_date.xml').uri);
  });

  it('does not make a guid that is not a permalink the link', () => {
    const notPermalink = onlyItem('rss/edge-cases/feedparser/item_guid_not_permalink.xml');
    expect(notPermalink).toMatchObject({ uri: 'http://guid.example.com/', link: null });
    expect(onlyItem('rss/edge-cases/feedparser/item_guid_not_permalink_not_url.xml')).toMatchObject({ uri: 'abc', link: null });
    expect(onlyItem('rss/edge-cases/feedparser/item_guid.xml')).toMatchObject({ uri: 'http://guid.example.com/', link: 'http://guid.example.com/' });
    // A guid no URL parser accepts is still the identifier, never a link.
    expect(onlyItem('rss/edge-cases/feedparser/item_guid_isPermaLink_ValueError.xml')).toMatchObject({ uri: 'http://example.c[o.test/', link: null });
    expect(onlyItem('rss/edge-cases/gofeed/rss_channel_item_guid_no_permalink.xml')).toMatchObject({ uri: 'abc123', link: null });
  });

  it('reads authors: the name in "email (Name)", every dc:creator, byline joined', () => {
    expect(onlyItem('rss/edge-cases/feedparser/item_author.xml').byline).toBe('Example editor');
    expect(onlyItem('rss/edge-cases/feedparser/item_dc_creator.xml').byline).toBe('Example editor');
    expect(onlyItem('rss/edge-cases/feedparser/item_multiple_dc_creator.xml').byline).toBe('First Author, Second Author');
    expect(onlyItem('rss/edge-cases/gofeed/dublincore_item_multiple_values.xml')).toMatchObject({ byline: 'Alice, Bob', keywords: ['One', 'Two'] });
  });

  it('reads Dublin Core: dc:date, dcterms dates, dc:identifier, dc:description, dc:publisher, dc:rights, dc:language', () => {
    expect(iso(onlyItem('rss/edge-cases/feedparser/item_dc_date.xml').versionCreated)).toBe('2003-12-31T10:14:55.000Z');
    expect(iso(onlyItem('rss/edge-cases/feedparser/item_dcterms_issued.xml').firstCreated)).toBe('2003-12-31T10:14:55.000Z');
    const modified = onlyItem('rss/edge-cases/feedparser/item_dcterms_modified.xml');
    expect([iso(modified.versionCreated), modified.firstCreated]).toEqual(['2003-12-31T10:14:55.000Z', null]);
    expect(onlyItem('rss/edge-cases/gofeed/dublincore_item_fields.xml')).toMatchObject({
      uri: 'urn:uuid:1234',
      headline: 'Item Title',
      bodyHtml: 'An item description',
      byline: 'John Smith',
      keywords: ['Programming'],
    });
    expect(onlyItem('rss/edge-cases/feedparser/item_dc_publisher.xml').agency).toBe('Example editor');
    expect(onlyItem('rss/edge-cases/feedparser/item_source.xml').agency).toBe('Example source');
    expect(onlyItem('rss/edge-cases/feedparser/item_dc_rights.xml')).toMatchObject({ copyrightNotice: 'Example copyright', copyrightHolder: 'Example' });
    expect(onlyItem('rss/edge-cases/feedparser/lang_item_dc_language.xml').language).toBe('en');
    expect(onlyItem('rss/edge-cases/feedparser/lang_item_content_encoded_xml_lang.xml').language).toBe('en');
  });

  it('reads channel language, dc:language and copyright', () => {
    expect(parseFile('rss/edge-cases/feedparser/lang_channel_language.xml').feed.language).toBe('en-us');
    expect(parseFile('rss/edge-cases/feedparser/lang_channel_dc_language.xml').feed.language).toBe('en');
    const withItem = parseText(
      '<rss version="2.0"><channel><title>T</title><language>pt-BR</language><copyright>© 2024 Agência Exemplo</copyright><item><title>Oi</title></item></channel></rss>',
    ).items[0]!;
    expect(withItem).toMatchObject({ language: 'pt-BR', copyrightNotice: '© 2024 Agência Exemplo', copyrightHolder: 'Agência Exemplo', agency: 'T' });
  });

  it('reads categories: plain ones as keywords, ones with a domain as subjects', () => {
    expect(onlyItem('rss/edge-cases/feedparser/item_category.xml')).toMatchObject({ keywords: ['Example category'], subjects: [], topics: ['Example category'] });
    expect(onlyItem('rss/edge-cases/feedparser/item_category_multiple.xml').subjects).toEqual([
      { name: 'Example category 1', code: 'http://www.example.com/1/Example category 1' },
      { name: 'Example category 2', code: 'http://www.example.com/2/Example category 2' },
    ]);
    expect(onlyItem('rss/edge-cases/feedparser/item_dc_subject_multiple.xml').keywords).toEqual(['Example category 1', 'Example category 2']);
    expect(onlyItem('rss/edge-cases/feedparser/mediarss_item_media_category_scheme2.xml').subjects).toEqual([{ name: 'cat1', code: 'http://example.INVALID/cat1' }]);
    expect(onlyItem('rss/edge-cases/feedparser/mediarss_item_media_category_label.xml').keywords).toEqual(['lab1']);
    expect(onlyItem('rss/edge-cases/feedparser/mediarss_item_media_category_multiple.xml').keywords).toEqual(['cat1', 'cat2']);
  });

  it('reads the body however the description carries it: escaped, naked markup, CDATA, CDATA mixed with text, xhtml:body', () => {
    const body = (rel: string) => onlyItem(rel).bodyHtml;
    expect(body('rss/edge-cases/feedparser/item_description_escaped_markup.xml')).toBe('<p>Example description</p>');
    expect(body('rss/edge-cases/feedparser/item_description_naked_markup.xml')).toBe('<p>Example description</p>');
    expect(body('rss/edge-cases/gofeed/rss_channel_item_description_cdata_naked_markup.xml')).toBe('<p>Item Description</p>');
    // CDATA is literal: escaped markup inside it is text to show, not tags.
    expect(body('rss/edge-cases/gofeed/rss_channel_item_description_cdata_escaped_markup.xml')).toBe('&lt;p&gt;Item Description&lt;/p&gt;');
    expect(body('rss/edge-cases/gofeed/rss_channel_item_description_mixed_cdata.xml')).toBe('Breaking: <b>Big News</b> today');
    expect(body('rss/edge-cases/feedparser/item_description_br.xml')).toBe('article title<br /><br /> article byline<br/><br/>text of article');
    expect(body('rss/edge-cases/feedparser/item_content_encoded.xml')).toBe('<p>Example content</p>');
    expect(body('rss/edge-cases/feedparser/item_xhtml_body.xml')).toBe('<p>Example content</p>');
    expect(body('rss/edge-cases/gofeed/rss_channel_item_content_encoded.xml')).toBe('Item Description');
  });

  it('reads titles as plain text, HTML in them decoded, media:title as a fallback', () => {
    expect(onlyItem('rss/edge-cases/gofeed/rss_channel_item_title_escaped_markup.xml').headline).toBe('Item Title');
    expect(onlyItem('rss/edge-cases/gofeed/rss_channel_item_title_cdata_escaped_markup.xml').headline).toBe('<p>Item Title</p>');
    expect(onlyItem('rss/edge-cases/feedparser/mediarss_item_media_title1.xml').headline).toBe('bar');
    expect(onlyItem('rss/edge-cases/feedparser/mediarss_item_media_title2.xml').headline).toBe('foo');
    expect(onlyItem('rss/edge-cases/feedparser/mediarss_item_media_title3.xml').headline).toBe('foo');
  });

  it('takes image enclosures as pictures (the first is the lead), never audio ones', () => {
    expect(onlyItem('rss/edge-cases/feedparser/item_enclosure_multiple.xml').pictures).toEqual([
      {
        uri: null, role: 'featuremedia', headline: '', caption: '', credit: '', copyrightHolder: '',
        href: 'http://example.com/1', mimetype: 'image/jpeg', width: null, height: null,
        renditions: [{ name: 'enclosure', href: 'http://example.com/1', mimetype: 'image/jpeg', width: null, height: null }],
      },
      expect.objectContaining({ role: 'picture', href: 'http://example.com/2', mimetype: 'image/gif' }),
    ]);
    expect(onlyItem('rss/edge-cases/gofeed/issue_36_enclosure_text.xml').pictures).toEqual([]);
    expect(onlyItem('rss/edge-cases/gofeed/issue_217_enclosure_children.xml').pictures).toEqual([
      expect.objectContaining({ href: 'http://example.org/enclosure.jpg', headline: 'Enclosure test title', copyrightHolder: 'Enclosure copyright' }),
    ]);
  });

  it('reads Media RSS pictures: a group of renditions, caption, credit, copyright, thumbnails as renditions', () => {
    const item = parseText(`<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Wire</title>
      <item><title>Storm</title><guid>urn:wire:1</guid>
        <media:group>
          <media:content url="https://img.example/s.jpg" medium="image" type="image/jpeg" width="640" height="360"/>
          <media:content url="https://img.example/l.jpg" medium="image" type="image/jpeg" width="1920" height="1080"/>
          <media:content url="https://img.example/v.mp4" medium="video"/>
          <media:description type="html">Waves &lt;b&gt;hit&lt;/b&gt; the pier</media:description>
          <media:credit role="photographer">Jane Doe/Wire</media:credit>
          <media:copyright>Wire 2024</media:copyright>
        </media:group>
        <media:thumbnail url="https://img.example/t.jpg" width="120" height="68"/>
      </item></channel></rss>`).items[0]!;
    expect(item.pictures).toEqual([
      {
        uri: null, role: 'featuremedia', headline: '', caption: 'Waves hit the pier', credit: 'Jane Doe/Wire', copyrightHolder: 'Wire 2024',
        href: 'https://img.example/l.jpg', mimetype: 'image/jpeg', width: 1920, height: 1080,
        renditions: [
          { name: 'content', href: 'https://img.example/s.jpg', mimetype: 'image/jpeg', width: 640, height: 360 },
          { name: 'content2', href: 'https://img.example/l.jpg', mimetype: 'image/jpeg', width: 1920, height: 1080 },
          { name: 'thumbnail', href: 'https://img.example/t.jpg', mimetype: null, width: 120, height: 68 },
        ],
      },
    ]);
  });

  it('turns windows-1252 control characters into the letters meant', () => {
    expect(onlyItem('rss/edge-cases/feedparser-encoding/demoronize-1.xml').bodyHtml).toBe('don\u2019t');
  });
});

describe('RSS 1.0 and 0.90 (RDF)', () => {
  const rss10 = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://wire.example/rss">
    <title>Example Wire</title>
    <link>https://wire.example/</link>
    <description>Top stories</description>
    <dc:language>de</dc:language>
    <dc:rights>Copyright 2024 Example Wire GmbH. All rights reserved.</dc:rights>
    <items><rdf:Seq><rdf:li rdf:resource="https://wire.example/a"/><rdf:li rdf:resource="https://wire.example/b"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://wire.example/a">
    <title>Flood warning for the Rhine</title>
    <link>https://wire.example/a</link>
    <description>Water levels rise after days of rain.</description>
    <content:encoded><![CDATA[<p>Water levels <b>rise</b>.</p><p><img src="/img/rhine.jpg"></p>]]></content:encoded>
    <dc:creator>Anna Schmidt</dc:creator>
    <dc:date>2024-03-05T14:30:00+01:00</dc:date>
    <dc:subject>Weather</dc:subject>
  </item>
  <item rdf:about="https://wire.example/b">
    <title>Second story</title>
    <link>b</link>
    <dc:date>yesterday</dc:date>
  </item>
</rdf:RDF>`;

  it('reads items beside the channel, with Dublin Core and content:encoded', () => {
    const parsed = parseText(rss10);
    expect(parsed.format).toBe('rss');
    expect(parsed.feed).toEqual({ version: 'rss-1.0', title: 'Example Wire', link: 'https://wire.example/', language: 'de' });
    expect(parsed.items).toHaveLength(2);
    const [a, b] = parsed.items;
    expect(a).toMatchObject({
      uri: 'https://wire.example/a',
      headline: 'Flood warning for the Rhine',
      summary: 'Water levels rise after days of rain.',
      bodyHtml: '<p>Water levels <b>rise</b>.</p><p><img src="https://wire.example/img/rhine.jpg"></p>',
      byline: 'Anna Schmidt',
      language: 'de',
      agency: 'Example Wire',
      copyrightHolder: 'Example Wire GmbH',
      copyrightNotice: 'Copyright 2024 Example Wire GmbH. All rights reserved.',
      keywords: ['Weather'],
      link: 'https://wire.example/a',
    });
    expect(iso(a!.versionCreated)).toBe('2024-03-05T13:30:00.000Z');
    expect(a!.firstCreated).toBeNull();
    expect(b).toMatchObject({ uri: 'https://wire.example/b', link: 'https://wire.example/b', versionCreated: null });
  });

  it('leaves an unreadable date empty, notes it, and keeps the item', () => {
    const parsed = parseText(rss10);
    expect(parsed.items[1]!.versionCreated).toBeNull();
    expect(parsed.warnings).toEqual([expect.stringMatching(/^item 2 <dc:date>: unreadable date "yesterday"/)]);
  });

  it('reads RSS 0.90', () => {
    const parsed = parseText(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link><description>the Mozilla Organization web site</description></channel>
  <image><title>Mozilla</title><url>http://www.mozilla.org/images/moz.gif</url><link>http://www.mozilla.org</link></image>
  <item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>
  <item><title>Bugzilla Reorganized</title><link>http://www.mozilla.org/bugs/</link></item>
</rdf:RDF>`);
    expect(parsed.feed.version).toBe('rss-0.90');
    expect(parsed.items.map((i) => [i.uri, i.headline, i.agency])).toEqual([
      ['http://www.mozilla.org/status/', 'New Status Updates', 'Mozilla Dot Org'],
      ['http://www.mozilla.org/bugs/', 'Bugzilla Reorganized', 'Mozilla Dot Org'],
    ]);
  });

  it('reads the RDF fixtures (a channel without items, an empty RDF document) as feeds with no items', () => {
    expect(parseFile('rss/edge-cases/gofeed/rdf_feed.xml')).toMatchObject({ format: 'rss', items: [], feed: { version: 'rss-1.0', title: 'Feed Title' } });
    expect(parseFile('rss/edge-cases/gofeed/version_rdf_10.xml')).toMatchObject({ format: 'rss', items: [], failed: [] });
  });
});

describe('Atom 1.0', () => {
  it('reads a GitHub releases feed: relative links resolved against the feed, html content, author, media:thumbnail', () => {
    const parsed = parseFile('atom/samples/gulp-atom.atom');
    expect(parsed.format).toBe('atom');
    expect(parsed.feed).toEqual({ version: 'atom-1.0', title: 'Release notes from gulp', link: 'https://github.com/gulpjs/gulp/releases', language: 'en-US' });
    expect(parsed.items).toHaveLength(10);
    const first = parsed.items[0]!;
    expect(first).toMatchObject({
      format: 'atom',
      uri: 'tag:github.com,2008:Repository/11167738/v3.9.0',
      version: null,
      headline: 'v3.9.0',
      bodyHtml: '<p>3.9.0</p>',
      summary: '',
      byline: 'contra',
      agency: 'Release notes from gulp',
      language: 'en-US',
      link: 'https://github.com/gulpjs/gulp/releases/tag/v3.9.0',
      firstCreated: null,
    });
    expect(iso(first.versionCreated)).toBe('2015-06-01T21:49:41.000Z');
    expect(first.pictures).toEqual([
      expect.objectContaining({ role: 'featuremedia', href: 'https://avatars3.githubusercontent.com/u/425716?v=3&s=60', width: 30, height: 30 }),
    ]);
    expect(parsed.items.at(-1)!.headline).toBe('v3.8.3');
  });

  it('matches Atom elements by namespace, whatever the prefix', () => {
    const prefixed = onlyItem('atom/samples/nondefaultnamespace.atom');
    const baseline = onlyItem('atom/samples/nondefaultnamespace-baseline.atom');
    expect(prefixed).toMatchObject({ uri: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a', byline: 'Aristotle Pagaltzis', link: 'http://example.org/tests/namespace/result.html' });
    expect(prefixed.headline).toBe('If you can read the content of this entry, your aggregator works fine.');
    expect(iso(prefixed.versionCreated)).toBe('2006-01-18T11:26:54.000Z');
    expect(prefixed.bodyHtml).toMatch(/^<p>For information, see:<\/p>\s*<ul>\s*<li><a href="http:\/\/plasmasturm.org\/log\/376\/">Who knows an <abbr title="Extensible Markup Language">XML<\/abbr>/);
    expect(prefixed.bodyHtml).toBe(baseline.bodyHtml);
    expect(onlyItem('atom/samples/nondefaultnamespace-xhtml.atom').bodyHtml).toBe(baseline.bodyHtml);

    const p0 = onlyItem('atom/samples/complexNamespaceFeed.xml');
    expect(p0).toMatchObject({
      uri: 'urn:uuid:d5ffaea2-0a9a-4f38-98fc-5c364177b6b4',
      headline: 'This is the title',
      byline: 'John Doe',
      bodyHtml: '<p>Hello World</p>',
      keywords: ['MyCategory 1', 'MyCategory 2', 'MyCategory 3'],
      link: null, // only rel="self"
    });
  });

  it('keeps only XHTML markup from xhtml content: markup of another namespace is text', () => {
    const item = onlyItem('atom/samples/unknown-namespace.atom');
    expect(item.bodyHtml).toMatch(/^<ul>\s*<li>This is an XHTML list item\./);
    expect(item.bodyHtml.match(/<li>/g)).toHaveLength(1);
    expect(item.bodyHtml).toContain('This is not an XHTML list item.');
  });

  it('reads every content type: text, escaped html, inline xhtml, typepad div, naked markup with xml:base', () => {
    const body = (rel: string) => onlyItem(rel).bodyHtml;
    expect(body('atom/edge-cases/feedparser/atom10_entry_content_text_plain.xml')).toBe('<p>Example Atom</p>');
    expect(body('atom/edge-cases/feedparser/atom10_entry_content_escaped_markup.xml')).toBe('Example <b>Atom</b>');
    expect(body('atom/edge-cases/feedparser/atom10_entry_content_inline_markup.xml')).toBe('Example <b>Atom</b>');
    expect(body('atom/edge-cases/feedparser/atom10_entry_content_div_escaped_markup.xml')).toBe('Example <b>Atom</b>');
    expect(body('atom/edge-cases/gofeed/atom10_feed_entry_content_xhtml_inline_markup.xml')).toBe('<p>Entry Content</p>');
    expect(body('atom/edge-cases/gofeed/entry_content_xml_base_inherit_2.xml')).toBe('Example <a href="http://example.com/test/test.html">test</a>');
  });

  it('takes the summary as the body when there is no content, and as the summary beside one', () => {
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_content_and_summary.xml')).toMatchObject({ bodyHtml: '<p>Example Atom</p>', summary: 'Summary' });
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_summary_escaped_markup.xml')).toMatchObject({ bodyHtml: 'Example <b>Atom</b>', summary: '' });
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_summary_inline_markup.xml').bodyHtml).toBe('Example <b>Atom</b>');
  });

  it('notes content it cannot show (out-of-line src, binary) instead of failing', () => {
    const src = parseFile('atom/edge-cases/feedparser/atom10_entry_content_src.xml');
    expect(src.items[0]!.bodyHtml).toBe('');
    expect(src.warnings).toEqual([expect.stringContaining('out-of-line content (src="http://example.com/movie.mp4")')]);
    const binary = parseFile('atom/edge-cases/gofeed/issue_275_extensions_and_source.xml');
    expect(binary.items.map((i) => [i.headline, i.bodyHtml])).toEqual([['e1', ''], ['e2', ''], ['e3', ''], ['e4', '']]);
    expect(binary.warnings).toHaveLength(3);
    expect(binary.items[0]).toMatchObject({ agency: 'src', keywords: ['s'] }); // the entry's atom:source names its origin
    expect(binary.items[3]!.byline).toBe('An Author');
  });

  it('reads titles of every type as plain text', () => {
    const headline = (rel: string) => onlyItem(rel).headline;
    expect(headline('atom/edge-cases/feedparser/atom10_entry_title_escaped_markup.xml')).toBe('Example Atom');
    expect(headline('atom/edge-cases/feedparser/atom10_entry_title_inline_markup.xml')).toBe('Example Atom');
    expect(headline('atom/edge-cases/feedparser/atom10_entry_title_text_plain_brackets.xml')).toBe('History of the <blink> tag');
    expect(headline('atom/edge-cases/feedparser/atom10_entry_title_type_empty-no-crash.xml')).toBe('evil');
    expect(headline('atom/edge-cases/gofeed/atom10_feed_entry_title_custom_type.xml')).toBe('test');
  });

  it('reads authors, categories, rights, links and license', () => {
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_authors_name.xml').byline).toBe('one, two');
    expect(onlyItem('atom/edge-cases/gofeed/atom10_feed_entry_author_multiple.xml').byline).toBe('Author Name 1, Author Name 2');
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_author_email.xml').byline).toBe('Example author');
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_category_term.xml')).toMatchObject({
      keywords: [],
      subjects: [{ name: 'Atom 1.0 tests', code: 'http://feedparser.org/tests/atom10' }],
      topics: ['Atom 1.0 tests'],
    });
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_category_term_non_ascii.xml').subjects[0]!.code).toBe('http://feedparser.org/tests/Freiräume');
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_rights_inline_markup.xml').copyrightNotice).toBe('Example Atom');
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_link_multiple.xml').link).toBe('http://www.example.com/');
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_link_no_rel.xml').link).toBe('http://www.example.com/');
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_link_rel_related.xml').link).toBeNull();
    expect(onlyItem('atom/edge-cases/gofeed/atom10_feed_entry_link_href_invalid_space_prefix.xml').link).toBe('http://example.org');
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_link_rel_license.xml').usageTerms).toBe('http://www.creativecommons.org/licenses/by-nc/1.0');
    // A tag: URI is the identifier, but not a page on the web.
    expect(onlyItem('atom/samples/atom-with-tag-uri-links.xml')).toMatchObject({ uri: 'tag:mefi.social,2024-01-26:objectId=20368395', link: null });
  });

  it('takes link rel="enclosure" to an image as a picture, and not one to a page', () => {
    expect(onlyItem('atom/edge-cases/feedparser/atom10_entry_link_rel_enclosure.xml').pictures).toEqual([]);
    const item = parseText(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.example/">
      <title>Wire</title><entry><id>urn:1</id><title>Fire</title>
      <link rel="enclosure" type="image/jpeg" href="img/fire.jpg" title="The fire at night"/></entry></feed>`).items[0]!;
    expect(item.pictures).toEqual([expect.objectContaining({ role: 'featuremedia', href: 'https://wire.example/img/fire.jpg', mimetype: 'image/jpeg', headline: 'The fire at night' })]);
  });

  it('reads updated and published (RFC 3339)', () => {
    expect(iso(onlyItem('atom/edge-cases/feedparser/atom_entry_published_parsed.xml').firstCreated)).toBe('2003-12-31T10:14:55.000Z');
    expect(iso(onlyItem('atom/edge-cases/feedparser/atom_entry_updated_parsed.xml').versionCreated)).toBe('2003-12-31T10:14:55.000Z');
  });

  it('reads an entry in a feed that forgot the Atom namespace, and says so', () => {
    const parsed = parseFile('atom/edge-cases/feedparser/atom10_entry_id_with_attributes.xml');
    expect(parsed.items.map((i) => i.uri)).toEqual(['right']);
    expect(parsed.warnings).toEqual(['<feed> declares no namespace: read as Atom 1.0']);
  });

  it('reads a lone entry document as one item, HTML entities in an html title decoded', () => {
    const parsed = parseText(`<?xml version="1.0"?>
<entry xmlns="http://www.w3.org/2005/Atom" xml:lang="fr" xml:base="https://agence.example/depeches/">
  <id>urn:agence:2024:0042</id>
  <title type="html">Gr&amp;egrave;ve &amp;laquo;&amp;nbsp;illimit&amp;eacute;e&amp;nbsp;&amp;raquo;</title>
  <updated>2024-06-03T08:15:00+02:00</updated>
  <published>2024-06-03T07:50:00+02:00</published>
  <author><name>Marie Curie</name></author>
  <link href="0042.html"/>
  <rights>© 2024 Agence Exemple</rights>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Les <a href="syndicats.html">syndicats</a> appellent.</p></div></content>
</entry>`);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]).toMatchObject({
      uri: 'urn:agence:2024:0042',
      headline: 'Grève « illimitée »',
      byline: 'Marie Curie',
      language: 'fr',
      link: 'https://agence.example/depeches/0042.html',
      bodyHtml: '<p>Les <a href="https://agence.example/depeches/syndicats.html">syndicats</a> appellent.</p>',
      copyrightHolder: 'Agence Exemple',
    });
    expect(iso(parsed.items[0]!.versionCreated)).toBe('2024-06-03T06:15:00.000Z');
    expect(iso(parsed.items[0]!.firstCreated)).toBe('2024-06-03T05:50:00.000Z');
  });

  it('reads RFC 6721 tombstones as kills, and quarantines one without a ref while the rest go on', () => {
    const parsed = parseText(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0">
  <title>Agency Wire</title><id>urn:agency:feed</id><updated>2024-05-01T10:00:00Z</updated>
  <at:deleted-entry ref="urn:agency:story:1" when="2024-05-01T10:00:00Z">
    <at:by><name>Night desk</name></at:by>
    <at:comment>Withdrawn for legal reasons</at:comment>
  </at:deleted-entry>
  <at:deleted-entry when="2024-05-01T10:05:00Z"/>
  <entry><id>urn:agency:story:2</id><title>Still standing</title><updated>2024-05-01T09:00:00Z</updated></entry>
</feed>`);
    expect(parsed.items).toHaveLength(2);
    expect(parsed.items[0]).toMatchObject({
      uri: 'urn:agency:story:1',
      pubStatus: 'canceled',
      headline: '',
      bodyHtml: '',
      summary: 'Withdrawn for legal reasons',
      byline: 'Night desk',
      agency: 'Agency Wire',
    });
    expect(iso(parsed.items[0]!.versionCreated)).toBe('2024-05-01T10:00:00.000Z');
    expect(parsed.items[1]).toMatchObject({ uri: 'urn:agency:story:2', pubStatus: 'usable', headline: 'Still standing' });
    expect(parsed.failed).toEqual([
      {
        uri: null,
        reason: 'entry 2 (<at:deleted-entry>) has no ref attribute: it does not say which entry is withdrawn',
        raw: '<at:deleted-entry xmlns:at="http://purl.org/atompub/tombstones/1.0" when="2024-05-01T10:05:00Z"/>',
      },
    ]);
  });
});

describe('Atom 0.3', () => {
  it('reads issued and modified, RFC 822 dates included', () => {
    const issued = onlyItem('atom/edge-cases/feedparser/atom_entry_issued.xml');
    expect(issued.format).toBe('atom');
    expect(iso(issued.firstCreated)).toBe('2004-01-01T19:48:21.000Z');
    expect(iso(onlyItem('atom/edge-cases/feedparser/atom_entry_modified.xml').versionCreated)).toBe('2004-01-01T19:48:21.000Z');
  });

  it('reads content language from xml:lang, its own or inherited, and application/xhtml+xml content', () => {
    expect(onlyItem('atom/edge-cases/feedparser/atom03_lang_entry_content_xml_lang.xml')).toMatchObject({ language: 'en', bodyHtml: '<p>Example Atom</p>' });
    expect(onlyItem('atom/edge-cases/feedparser/atom03_lang_entry_content_xml_lang_inherit.xml')).toMatchObject({
      language: 'en',
      bodyHtml: 'Example <a href="test.html">test</a>',
    });
    expect(parseFile('atom/edge-cases/feedparser/atom03_lang_feed_xml_lang.xml').feed).toMatchObject({ version: 'atom-0.3', language: 'en' });
  });

  it('reads media:thumbnail as the picture', () => {
    const item = onlyItem('atom/edge-cases/feedparser/atom03_mediarss_media_thumbnail.xml');
    expect(item.headline).toBe('Example Atom');
    expect(item.pictures).toEqual([
      {
        uri: null, role: 'featuremedia', headline: '', caption: '', credit: '', copyrightHolder: '',
        href: 'http://example.com/thumbnail.jpg', mimetype: null, width: 72, height: 72,
        renditions: [{ name: 'thumbnail', href: 'http://example.com/thumbnail.jpg', mimetype: null, width: 72, height: 72 }],
      },
    ]);
    // A group with credits but no image is no picture; a media:player is not one either.
    expect(onlyItem('atom/edge-cases/feedparser/atom03_mediarss_media_group.xml').pictures).toEqual([]);
    expect(onlyItem('atom/edge-cases/feedparser/atom03_mediarss_media_player1.xml').pictures).toEqual([]);
  });

  it('reads a complete Atom 0.3 feed with escaped html, tagline and copyright', () => {
    const parsed = parseText(`<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en">
  <title>Old Wire</title>
  <link rel="alternate" type="text/html" href="http://old.example/"/>
  <copyright>Copyright 2005 Old Wire Inc.</copyright>
  <modified>2005-07-31T12:29:29Z</modified>
  <entry>
    <title mode="escaped" type="text/html">Market &amp;amp; rates</title>
    <link rel="alternate" type="text/html" href="2005/07/market.html"/>
    <id>tag:old.example,2005:market</id>
    <issued>2005-07-31T08:00:00-04:00</issued>
    <modified>2005-07-31T12:29:29Z</modified>
    <author><name>Sam Ruby</name></author>
    <summary>The central bank keeps its rates.</summary>
    <content type="text/html" mode="escaped">&lt;p&gt;Rates &lt;a href="/rates"&gt;held&lt;/a&gt;.&lt;/p&gt;</content>
  </entry>
</feed>`);
    expect(parsed.feed).toEqual({ version: 'atom-0.3', title: 'Old Wire', link: 'http://old.example/', language: 'en' });
    expect(parsed.items[0]).toMatchObject({
      uri: 'tag:old.example,2005:market',
      headline: 'Market & rates',
      link: 'http://old.example/2005/07/market.html',
      bodyHtml: '<p>Rates <a href="http://old.example/rates">held</a>.</p>',
      summary: 'The central bank keeps its rates.',
      byline: 'Sam Ruby',
      language: 'en',
      copyrightHolder: 'Old Wire Inc.',
    });
    expect(iso(parsed.items[0]!.firstCreated)).toBe('2005-07-31T12:00:00.000Z');
    expect(iso(parsed.items[0]!.versionCreated)).toBe('2005-07-31T12:29:29.000Z');
  });
});

describe('feed dates', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 EST', '2003-06-10T09:00:00.000Z'],
    ['Sun, 31 Mar 2024 23:30:00 PDT', '2024-04-01T06:30:00.000Z'],
    ['Sat, 07 Sep 02 00:00:01 -0400', '2002-09-07T04:00:01.000Z'],
    ['1 Jan 2004 19:48 +0530', '2004-01-01T14:18:00.000Z'],
    ['Thu, 01 January 2004 19:48:21 +01:00', '2004-01-01T18:48:21.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0000 (UTC)', '2003-06-10T04:00:00.000Z'],
    ['Wed, 05 Mar 2024 14:30:00 CET', '2024-03-05T13:30:00.000Z'],
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31T10:14:55.123+01:00', '2003-12-31T09:14:55.123Z'],
    ['2003-12-31t10:14:55z', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31 10:14:55-0500', '2003-12-31T15:14:55.000Z'],
    ['2003-12-31T10:14Z', '2003-12-31T10:14:00.000Z'],
    ['2003-12-31', '2003-12-31T00:00:00.000Z'],
    ['2003-12', '2003-12-01T00:00:00.000Z'],
    ['2003', '2003-01-01T00:00:00.000Z'],
  ])('reads %s', (raw, expected) => {
    const read = parseFeedDate(raw);
    expect(read.note).toBeUndefined();
    expect(iso(read.date)).toBe(expected);
  });

  it('reads a time without a zone as UTC, and says so', () => {
    expect(parseFeedDate('2003-12-31T10:14:55')).toEqual({ date: new Date('2003-12-31T10:14:55Z'), note: 'no time zone: read as UTC' });
    expect(parseFeedDate('Tue, 10 Jun 2003 04:00:00').note).toBe('no time zone: read as UTC');
  });

  it.each([
    ['yesterday', 'neither an RFC 822 nor an RFC 3339 / W3CDTF date'],
    ['Thu, 31 Feb 2004 19:48:21 GMT', 'not a valid date'],
    ['2003-13-01T00:00:00Z', 'not a valid date'],
    ['Tue, 10 Jun 2003 04:00:00 XYZ', 'unknown time zone "XYZ"'],
    ['Tue, 10 Foo 2003 04:00:00 GMT', 'unknown month "Foo"'],
  ])('gives no date for %s', (raw, note) => {
    expect(parseFeedDate(raw)).toEqual({ date: null, note });
  });
});

describe('encodings', () => {
  it('decodes UTF-16 (big-endian declared, little-endian with BOM), EUC-KR and a UTF-8 BOM', () => {
    for (const rel of ['utf-16be.xml', 'utf-16le-bom.xml', 'utf-8-bom.xml', 'euc-kr.xml']) {
      const parsed = parseFile(`rss/edge-cases/feedparser-encoding/${rel}`);
      expect(parsed, rel).toMatchObject({ format: 'rss', items: [], failed: [] });
    }
    expect(parseFile('rss/edge-cases/feedparser-encoding/euc-kr.xml').feed.title).toBe('\ub144');
    expect(parseFile('rss/edge-cases/gofeed/rss_feed_bom.xml').feed.title).toBe('Feed Title');
    expect(parseFile('rss/edge-cases/gofeed/rss_feed_leading_spaces.xml').feed.title).toBe('Feed Title');
  });

  it('reads a windows-1252 feed by its declaration', () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>W</title><item><title>'),
      Buffer.from([0x93, 0x4f, 0x6b, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9]), // “Ok” – café
      Buffer.from('</title></item></channel></rss>'),
    ]);
    expect(parseText(bytes).items[0]!.headline).toBe('\u201cOk\u201d \u2013 caf\u00e9');
  });
});

describe('every feed fixture', () => {
  /** Refused on purpose, with the reason they are refused for. */
  const deliberatelyRefused: Record<string, RegExp> = {
    // An internal DTD entity: Dateline refuses entity declarations outright (XML bombs, XXE).
    'rss/edge-cases/feedparser/entity_in_doctype.xml': /declares XML entities/,
  };

  const all = [...filesUnder('rss/samples'), ...filesUnder('rss/edge-cases'), ...filesUnder('atom/samples'), ...filesUnder('atom/edge-cases')];

  it('finds the fixtures', () => {
    expect(all.length).toBeGreaterThanOrEqual(160);
  });

  it.each(all)('%s parses (or is refused on purpose)', (rel) => {
    const refused = deliberatelyRefused[rel];
    if (refused) {
      expect(() => parseFile(rel)).toThrow(refused);
      return;
    }
    const parsed = parseFile(rel);
    expect(parsed.format).toBe(rel.startsWith('rss/') ? 'rss' : 'atom');
    expect(parsed.failed).toEqual([]);
    for (const item of parsed.items) {
      expect(item.format).toBe(parsed.format);
      expect(item.uri.trim()).toBeTruthy();
      expect(item.version).toBeNull();
      expect(item.type).toBe('text');
      expect(item.pubStatus).toBe('usable');
      expect(item.urgency).toBeNull();
      expect(item.sourceDir).toBe(path.dirname(path.join(wireFixtures, rel)));
      for (const d of [item.firstCreated, item.versionCreated]) if (d) expect(Number.isNaN(d.getTime())).toBe(false);
      for (const p of item.pictures) expect(p.href).toMatch(/^https?:\/\//);
      if (item.link) expect(item.link).toMatch(/^https?:\/\//);
    }
  });
});

describe('what is not a feed', () => {
  const refused: [string, RegExp][] = [
    ['rss/invalid/feedparser/aaa_illformed.xml', /^not well-formed XML: line 6, column 6: Closing tag 'rss'/],
    ['rss/invalid/feedparser/bozo_bogus_encoding.xml', /^unknown character encoding "bogus"/],
    ['rss/invalid/feedparser/bozo_encoding_mismatch_crash.xml', /^bytes that are not valid utf-8 \(no encoding declared\)/],
    ['rss/invalid/feedparser/bozo_invalid-bytes-with-bom.xml', /^bytes that are not valid utf-8: at or after byte/],
    ['rss/invalid/feedparser/rss_empty_document.xml', /^not well-formed XML: line 1.*Start tag expected/],
    ['rss/invalid/feedparser/rss_incomplete_cdata.xml', /^not well-formed XML: line 5.*XML declaration allowed only at the start/],
    ['rss/invalid/feedparser/rss_item_link_corrupted_ampersands.xml', /^not well-formed XML: line 13/],
    ['rss/invalid/feedparser/undeclared_namespace.xml', /^not well-formed XML: the namespace prefix "itunes" of <itunes:subtitle> inside <channel> is not declared/],
    ['rss/invalid/gofeed/empty_feed.xml', /^the file is empty/],
    ['rss/invalid/gofeed/feed_item_image_-_rss_channel_item_media.xml', /^not well-formed XML: the namespace prefix "media" of <media:content> inside <item> is not declared/],
    ['rss/invalid/gofeed/issue_305_bare_ampersand.xml', /^not well-formed XML: line 7, column 17: char '&' is not expected/],
    ['rss/invalid/gofeed/issue_320_legacy_entity_prefix.xml', /^not well-formed XML: line 7, column 19: char '&' is not expected/],
    ['rss/invalid/gofeed/rss_channel_item_illegal_char.xml', /^not well-formed XML: control character U\+0008 in the text of <title> inside <item>/],
    ['rss/invalid/gofeed/unknown_feed.xml', /^unrecognised wire format: XML whose root is <note>/],
    ['rss/invalid/notafeed.html', /^not well-formed XML: line 6, column 2: Expected closing tag 'meta'/],
    ['rss/invalid/saxerror.xml', /^not well-formed XML: line 15, column 41: char '&' is not expected/],
    ['rss/invalid/unrecognized.rss', /^not well-formed XML: line 2.*Multiple possible root nodes/],
  ];

  it('covers every file in rss/invalid', () => {
    expect(refused.map(([rel]) => rel).sort()).toEqual(filesUnder('rss/invalid'));
  });

  it.each(refused)('refuses %s, saying why', (rel, reason) => {
    let error: unknown;
    try {
      parseFile(rel);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'DatelineError', code: 'INVALID_WIRE_ITEM' });
    expect((error as Error).message).toMatch(reason);
  });

  it('names an HTML page as such', () => {
    expect(() => parseText('<html><head><title>Moved</title></head><body><p>Gone</p></body></html>')).toThrow(/an HTML page, not a feed/);
  });

  it('quarantines an empty item with its XML and reads the others', () => {
    const parsed = parseText('<rss version="2.0"><channel><title>T</title><item/><item><title>Kept</title><guid>g2</guid></item></channel></rss>');
    expect(parsed.items.map((i) => i.uri)).toEqual(['g2']);
    expect(parsed.failed).toEqual([{ uri: null, reason: 'item 1 (<item>) is empty: nothing to identify or publish', raw: '<item/>' }]);
  });
});

describe('the XML reader under the feeds', () => {
  it('takes CDATA as written, never entity-decoded', () => {
    const root = readXml(Buffer.from('<a>x &amp; <![CDATA[&lt;b&gt; & <i>]]> y</a>'));
    expect(textOf(root)).toBe('x & &lt;b&gt; & <i> y');
  });
});
