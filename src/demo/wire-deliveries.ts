import { corpusStory, reporters, type CorpusPlan, type CorpusStory } from './corpus/index.js';

/**
 * Agency deliveries made up for load tests and demos: the corpus generator's stories written
 * out in every format Dateline reads, the way agencies send them (one item per NINJS or
 * NewsML-G2 file, feeds of many entries), with later versions of some items. Deterministic
 * per seed and index.
 */
export interface Delivery {
  name: string;
  text: string;
  /** Items in it. */
  items: number;
}

export const feedEntries = 20;

const formats = ['ninjs-1', 'ninjs-1', 'ninjs-2', 'ninjs-3', 'g2', 'g2', 'g2-message', 'rss', 'atom', 'ninjs-1'] as const;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

interface Item {
  uri: string;
  version: number;
  story: CorpusStory;
  created: Date;
  modified: Date;
  urgency: number;
}

function plan(seed: number): CorpusPlan {
  return { count: 0, first: 1, seed, end: new Date('2026-11-01T00:00:00Z'), years: 1, pictures: 0, reporters: reporters(50, seed) };
}

/**
 * Delivery `i`: its format cycles through the mix; every eleventh is a second version of an
 * earlier item (agencies correct and expand their copy). Items per delivery: 1, or `feedEntries`.
 */
export function wireDelivery(seed: number, i: number, p = plan(seed)): Delivery {
  const format = formats[i % formats.length]!;
  const item = (k: number, version = 1, family = ''): Item => {
    const story = corpusStory(p, k);
    // One item a minute through the year, whatever k (feeds and messages number theirs i * 1000 + n).
    const created = new Date(Date.UTC(2026, 0, 1) + (k % 500_000) * 60_000);
    return {
      uri: `urn:newsml:wire.example:${seed}:${family}${k}`, version, story,
      created, modified: new Date(created.getTime() + (version - 1) * 3_600_000), urgency: 1 + (k % 6),
    };
  };
  // A later version of the item delivered ten deliveries ago (same format family: NINJS 1.x).
  if (i % 11 === 10) {
    const earlier = item(i - 10, 2);
    earlier.story.paragraphs.push('This story has been updated with further details.');
    return { name: `update-${i}.json`, text: ninjs1(earlier), items: 1 };
  }
  switch (format) {
    case 'ninjs-1': return { name: `item-${i}.json`, text: ninjs1(item(i)), items: 1 };
    case 'ninjs-2': return { name: `item-${i}.json`, text: ninjs2(item(i)), items: 1 };
    case 'ninjs-3': return { name: `item-${i}.json`, text: ninjs3(item(i)), items: 1 };
    case 'g2': return { name: `item-${i}.xml`, text: g2Message([item(i)]), items: 1 };
    case 'g2-message': {
      const items = [0, 1, 2].map((n) => item(i * 1000 + n, 1, 'm'));
      return { name: `message-${i}.xml`, text: g2Message(items), items: items.length };
    }
    case 'rss': return { name: `feed-${i}.rss`, text: rss(entries(i, item)), items: feedEntries };
    case 'atom': return { name: `feed-${i}.atom`, text: atom(entries(i, item)), items: feedEntries };
  }
}

const entries = (i: number, item: (k: number, version: number, family: string) => Item) =>
  Array.from({ length: feedEntries }, (_, n) => item(i * 1000 + n, 1, 'f'));

const html = (s: CorpusStory) => s.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n');

function ninjs1(it: Item): string {
  const s = it.story;
  return JSON.stringify({
    uri: it.uri, type: 'text', version: String(it.version), firstcreated: it.created.toISOString(), versioncreated: it.modified.toISOString(),
    pubstatus: 'usable', urgency: it.urgency, language: 'en', headline: s.headline, description_text: s.standfirst, body_html: html(s),
    byline: s.people.join(' and ') || (s.agency ? `${s.agency} staff` : ''), located: s.datelinePlace, copyrightholder: s.agency ?? 'Wire Example',
    keywords: s.topics, subject: [{ name: s.section, code: `section:${slug(s.section)}` }],
  }, null, 1);
}

function ninjs2(it: Item): string {
  const s = it.story;
  return JSON.stringify({
    $standard: { name: 'ninjs', version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json' },
    uri: it.uri, type: 'text', version: String(it.version), firstcreated: it.created.toISOString(), versioncreated: it.modified.toISOString(),
    pubstatus: 'usable', urgency: it.urgency, language: 'en',
    headlines: [{ role: 'main', value: s.headline }], descriptions: [{ role: 'summary', value: s.standfirst }],
    bodies: [{ role: 'main', contenttype: 'text/html', value: html(s) }],
    by: s.people.join(' and '), located: s.datelinePlace, copyrightholder: s.agency ?? 'Wire Example',
    keywords: s.topics, subjects: [{ name: s.section, uri: `http://wire.example/section/${slug(s.section)}` }],
  });
}

function ninjs3(it: Item): string {
  const s = it.story;
  return JSON.stringify({
    $standard: { name: 'ninjs', version: '3.0', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json' },
    uri: it.uri, type: 'text', version: String(it.version), firstCreated: it.created.toISOString(), versionCreated: it.modified.toISOString(),
    pubStatus: 'usable', urgency: it.urgency, language: 'en',
    headlines: [{ role: 'main', value: s.headline }], descriptions: [{ role: 'summary', value: s.standfirst }],
    bodies: [{ role: 'main', contentType: 'text/html', value: html(s) }],
    located: s.datelinePlace, keywords: s.topics, subjects: [{ name: s.section, uri: `http://wire.example/section/${slug(s.section)}` }],
  });
}

function g2Item(it: Item): string {
  const s = it.story;
  const provider = s.agency ?? 'Wire Example';
  return `<newsItem guid="${escapeXml(it.uri)}" version="${it.version}" standard="NewsML-G2" standardversion="2.29" conformance="power" xml:lang="en">
 <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
 <rightsInfo><copyrightHolder><name>${escapeXml(provider)}</name></copyrightHolder><copyrightNotice>Copyright ${escapeXml(provider)}</copyrightNotice></rightsInfo>
 <itemMeta>
  <itemClass qcode="ninat:text"/>
  <provider literal="${escapeXml(provider)}"><name>${escapeXml(provider)}</name></provider>
  <versionCreated>${it.modified.toISOString()}</versionCreated>
  <firstCreated>${it.created.toISOString()}</firstCreated>
  <pubStatus qcode="stat:usable"/>
 </itemMeta>
 <contentMeta>
  <urgency>${it.urgency}</urgency>
  <located><name>${escapeXml(s.datelinePlace)}</name></located>
  ${s.people.map((p) => `<creator><name>${escapeXml(p)}</name></creator>`).join('')}
  <language tag="en"/>
  ${s.topics.map((t) => `<subject type="cpnat:abstract" qcode="topic:${slug(t)}"><name>${escapeXml(t)}</name></subject>`).join('\n  ')}
  <headline>${escapeXml(s.headline)}</headline>
  <description role="drol:summary">${escapeXml(s.standfirst)}</description>
 </contentMeta>
 <contentSet>
  <inlineXML contenttype="application/xhtml+xml">
   <html xmlns="http://www.w3.org/1999/xhtml"><head><title>${escapeXml(s.headline)}</title></head><body>
${html(s)}
   </body></html>
  </inlineXML>
 </contentSet>
</newsItem>`;
}

function g2Message(items: Item[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
 <header><sent>${items[0]!.modified.toISOString()}</sent></header>
 <itemSet>
${items.map(g2Item).join('\n')}
 </itemSet>
</newsMessage>`;
}

function rss(items: Item[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Wire Example World Service</title>
<link>https://wire.example/</link>
<description>Top stories</description>
<language>en</language>
${items.map((it) => `<item>
 <guid isPermaLink="false">${escapeXml(it.uri)}</guid>
 <title>${escapeXml(it.story.headline)}</title>
 <link>https://wire.example/story/${encodeURIComponent(it.uri)}</link>
 <pubDate>${it.created.toUTCString()}</pubDate>
 <dc:creator>${escapeXml(it.story.people.join(' and ') || 'Wire Example')}</dc:creator>
 ${it.story.topics.map((t) => `<category>${escapeXml(t)}</category>`).join('')}
 <description>${escapeXml(it.story.standfirst)}</description>
 <content:encoded><![CDATA[${html(it.story)}]]></content:encoded>
</item>`).join('\n')}
</channel>
</rss>`;
}

function atom(items: Item[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title>Wire Example Atom Service</title>
<id>urn:wire.example:atom</id>
<updated>${items[0]!.modified.toISOString()}</updated>
<link rel="self" href="https://wire.example/atom"/>
${items.map((it) => `<entry>
 <id>${escapeXml(it.uri)}</id>
 <title type="text">${escapeXml(it.story.headline)}</title>
 <published>${it.created.toISOString()}</published>
 <updated>${it.modified.toISOString()}</updated>
 <author><name>${escapeXml(it.story.people[0] ?? 'Wire Example')}</name></author>
 ${it.story.topics.map((t) => `<category term="${escapeXml(t)}"/>`).join('')}
 <summary>${escapeXml(it.story.standfirst)}</summary>
 <content type="html">${escapeXml(html(it.story))}</content>
</entry>`).join('\n')}
</feed>`;
}
