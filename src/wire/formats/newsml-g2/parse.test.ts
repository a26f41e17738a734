import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wireFixtures } from '../../../../test/support/paths.js';
import { parseWireFile } from '../index.js';

const g2 = path.join(wireFixtures, 'newsml-g2');
const legacy = path.join(wireFixtures, 'newsml-1.2');

const parseFile = (file: string, baseDir: string | null = path.dirname(file)) =>
  parseWireFile(fs.readFileSync(file), { baseDir, fileName: path.basename(file) });
const parseText = (xml: string, baseDir: string | null = '/tmp/wire') => parseWireFile(Buffer.from(xml), { baseDir, fileName: 'item.xml' });
const onlyItem = (file: string) => {
  const parsed = parseFile(file);
  expect(parsed.items).toHaveLength(1);
  return parsed.items[0]!;
};
const iso = (d: Date | null) => d?.toISOString() ?? null;

const xmlFiles = (dir: string) =>
  fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml')).map((f) => path.join(dir, f)).sort();

/** A minimal newsItem for synthetic cases; `meta` and `content` are spliced into itemMeta and after it. */
const newsItem = (guid: string, { meta = '', content = '', cls = 'ninat:text', headline = 'A headline' } = {}) => `
  <newsItem guid="${guid}" version="2" standard="NewsML-G2" standardversion="2.35">
    <itemMeta><itemClass qcode="${cls}"/><provider qcode="nprov:ACME"/>${meta}</itemMeta>
    <contentMeta>${headline ? `<headline>${headline}</headline>` : ''}</contentMeta>
    ${content}
  </newsItem>`;
const message = (...items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
  <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>${items.join('')}</itemSet></newsMessage>`;
const single = (item: string) => item.replace('<newsItem ', '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" ');

describe('NewsML-G2 parser: IPTC guideline items', () => {
  it('reads the NITF text document (LISTING 2): headline, NITF body.content as HTML, times, provider without a name', () => {
    const item = onlyItem(path.join(g2, 'iptc-examples/items/LISTING_2_NewsML-G2_Text_Document.xml'));
    expect(item).toMatchObject({
      format: 'newsml-g2',
      uri: 'urn:newsml:acmenews.com:20161121:US-FINANCE-FED',
      version: '11',
      type: 'text',
      pubStatus: 'usable',
      language: 'en-US',
      headline: 'Fed to halt QE to avert "bubble"',
      byline: 'Meredith Jameson',
      located: 'New York, NY',
      // The provider has only a URI: the copyright holder names the agency.
      agency: 'Acme News and Media LLC',
      copyrightHolder: 'Acme News and Media LLC',
      copyrightNotice: 'Copyright 2017-18 Acme News and Media LLC',
      subjects: [
        { name: 'economy, business and finance', code: 'medtop:04000000' },
        { name: 'central bank', code: 'medtop:20000350' },
        { name: 'money and monetary policy', code: 'medtop:20000379' },
      ],
      topics: ['economy, business and finance', 'central bank', 'money and monetary policy'],
      pictures: [],
    });
    expect(iso(item.versionCreated)).toBe('2018-11-21T21:25:32.000Z');
    expect(item.firstCreated).toBeNull();
    expect(item.bodyHtml).toMatch(/^<p>\(New York, NY - October 21\) Et, sent luptat luptat, commy Nim zzriureet/);
    expect(item.bodyHtml.match(/<p>/g)).toHaveLength(2);
    // The NITF hedline and byline are metadata, not body.
    expect(item.bodyHtml).not.toMatch(/hl1|Staff Reporter/);
  });

  it('reads an embargoed item (LISTING 1): firstCreated, embargo, QCode provider, located, rights, subject names in the item language', () => {
    const item = onlyItem(path.join(g2, 'iptc-examples/items/LISTING_1_A_NewsML-G2_News_Item.xml'));
    expect(item).toMatchObject({
      uri: 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED',
      version: '11',
      language: 'en-GB',
      headline: 'Fed to halt QE to avert "bubble"',
      agency: 'REUTERS',
      located: 'Berlin',
      byline: 'Meredith Jameson',
      copyrightHolder: 'Example Enews LLP',
      copyrightNotice: 'Copyright 2017-18 Example Enews LLP, all rights reserved',
      usageTerms: 'Not for use outside the United States',
      // The inlineXML of this listing holds only comments.
      bodyHtml: '',
      subjects: [
        { name: 'economy, business and finance', code: 'medtop:04000000' },
        { name: 'labour market', code: 'medtop:20000523' },
      ],
    });
    expect(iso(item.versionCreated)).toBe('2018-10-21T21:25:32.000Z');
    expect(iso(item.firstCreated)).toBe('2016-10-18T18:12:21.000Z');
    expect(iso(item.embargoedUntil)).toBe('2018-10-23T12:00:00.000Z');
  });

  it('reads the NITF sports story (LISTING 22): drol:summary description, creator byline, collapsed NITF text', () => {
    const item = onlyItem(path.join(g2, 'iptc-examples/items/LISTING_22_Sports_story_in_NewsML-G2NITF.xml'));
    expect(item.headline).toBe('Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.');
    expect(item.summary).toMatch(/^A pair of teams coming off big weekend sweeps will square off tonight at Citizens Bank Park/);
    expect(item.byline).toBe('The Sports Network');
    expect(item.agency).toBe('www.xmlteam.com');
    expect(iso(item.versionCreated)).toBe('2018-10-19T15:45:00.000Z');
    expect(item.bodyHtml).toMatch(/^<p>\(Sports Network\) - A pair of teams coming off big weekend sweeps will square off tonight/);
  });

  it('reads a standalone Getty picture (LISTING 3) as a picture item with its renditions, local hrefs resolved in the folder', () => {
    const file = path.join(g2, 'iptc-examples/items/LISTING_3_Photo_in_NewsML-G2.xml');
    const dir = path.dirname(file);
    const item = onlyItem(file);
    expect(item).toMatchObject({
      type: 'picture',
      uri: 'tag:gettyimages.com,2010:GYI0062134533',
      headline: 'Variety Of Recessionary Forces Leave Las Vegas Economy Scarred',
      byline: 'Spencer Platt',
      agency: 'Getty Images Inc.',
      copyrightHolder: 'Getty Images North America',
      keywords: ['business', 'economic', 'economy', 'finance', 'poor', 'poverty', 'gamble'],
      bodyHtml: '',
    });
    // "2018-10-12T06:42:04Z " has a trailing space in the file.
    expect(iso(item.versionCreated)).toBe('2018-10-12T06:42:04.000Z');
    expect(item.summary).toMatch(/^A general view of part of downtown, including Las Vegas Boulevard/);
    expect(item.pictures).toHaveLength(1);
    const picture = item.pictures[0]!;
    expect(picture).toMatchObject({
      uri: 'tag:gettyimages.com,2010:GYI0062134533',
      role: 'featuremedia',
      credit: 'Getty Images',
      copyrightHolder: 'Getty Images North America',
      href: path.join(dir, 'GYI0062134533.jpg'),
      mimetype: 'image/jpeg',
      width: 1500,
      height: 1001,
    });
    expect(picture.caption).toMatch(/\(Photo by Spencer Platt\/Getty Images\)$/);
    // "file:///./ GYI0062134533-web.jpg" means "beside the item" (space included), not the file system root.
    expect(picture.renditions.map((r) => [r.name, r.href, r.width])).toEqual([
      ['highRes', path.join(dir, 'GYI0062134533.jpg'), 1500],
      ['web', path.join(dir, ' GYI0062134533-web.jpg'), 480],
      ['thumb', path.join(dir, 'GYI0062134533-thumb.gif'), 80],
    ]);
  });

  it('names renditions from @renditionuri as well (LISTING 3A)', () => {
    const item = onlyItem(path.join(g2, 'iptc-examples/items/LISTING_3A_Photo_in_NewsML-G2_(URI_sibling_attributes).xml'));
    expect(item.pictures[0]!.renditions.map((r) => r.name)).toEqual(['highRes', 'web', 'thumb']);
  });

  it('never reads local renditions of pushed bytes (no folder): the picture item has no picture', () => {
    const file = path.join(g2, 'iptc-examples/items/LISTING_3_Photo_in_NewsML-G2.xml');
    const [item] = parseFile(file, null).items;
    expect(item!.type).toBe('picture');
    expect(item!.pictures).toEqual([]);
  });

  it('reads a video item without a headline (LISTING 4): kept, its description as summary, no pictures', () => {
    const item = onlyItem(path.join(g2, 'iptc-examples/items/LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml'));
    expect(item).toMatchObject({ type: 'video', headline: '', agency: 'AFP', language: 'en', pictures: [] });
    expect(item.summary).toMatch(/^- Amir Hussein Abdullahian, Iranian foreign ministry's undersecretary/);
    expect(iso(item.firstCreated)).toBe('2014-01-30T13:29:38.000Z');
  });
});

describe('NewsML-G2 parser: packages', () => {
  it('reads a package delivered without its items (LISTING 6) as a composite item with the package headline and no body', () => {
    const item = onlyItem(path.join(g2, 'iptc-examples/packages/LISTING_6_Simple_NewsML-G2_Package.xml'));
    expect(item).toMatchObject({
      type: 'composite',
      uri: 'tag:example.com,2008:UK-NEWS-TOPTEN:UK20081220098658',
      version: '11',
      headline: 'UK',
      bodyHtml: '',
      agency: 'AcmeNews',
      pictures: [],
    });
    expect(iso(item.firstCreated)).toBe('2008-12-20T12:25:35.000Z');
    expect(iso(item.versionCreated)).toBe('2018-11-17T12:30:00.000Z');
  });

  it('takes a package headline from its lead item reference when contentMeta has none (LISTING 23)', () => {
    const item = onlyItem(path.join(g2, 'iptc-examples/packages/LISTING_23_SportsML-G2_Package.xml'));
    expect(item.type).toBe('composite');
    expect(item.headline).toBe('Pitcher Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.');
    expect(item.byline).toBe('The Sports Network');
  });

  it('quarantines each placeholder entry of the illustrative news message (LISTING 24) on its own', () => {
    // The listing's items are "....." placeholders and its package has no guid: nothing to read, nothing thrown.
    const parsed = parseFile(path.join(g2, 'iptc-examples/packages/LISTING_24_News_Message_conveying_a_complete_News_Package.xml'));
    expect(parsed.items).toEqual([]);
    expect(parsed.failed.map((f) => [f.uri, f.reason])).toEqual([
      [null, 'packageItem (itemSet entry 1) has no guid'],
      ['N1', 'newsItem guid=N1: itemMeta is missing'],
      ['N2', 'newsItem guid=N2: itemMeta is missing'],
      ['N3', 'newsItem guid=N3: itemMeta is missing'],
      ['N4', 'newsItem guid=N4: itemMeta is missing'],
    ]);
    expect(parsed.failed[1]!.raw).toMatch(/^<newsItem xmlns="http:\/\/iptc.org\/std\/nar\/2006-10-01\/" guid="N1">/);
  });
});

describe('NewsML-G2 parser: agency deliveries', () => {
  it('reads TT: package + text + picture in one message without a namespace; the picture joins the text', () => {
    const parsed = parseFile(path.join(g2, 'agencies/tt/TT_newsmlg2_sample.xml'));
    expect(parsed.items).toHaveLength(1);
    const item = parsed.items[0]!;
    expect(item).toMatchObject({
      uri: 'http://tt.se/media/text/210919-janguillou-879f202b',
      version: '1',
      type: 'text',
      language: 'sv',
      urgency: 3,
      headline: 'Jan Guillou skriver på ny "Hamilton"-bok',
      agency: 'TT',
      copyrightHolder: 'TT',
      // TT's drol:caption on the text is a cut-off excerpt, not a summary.
      summary: '',
    });
    expect(iso(item.versionCreated)).toBe('2021-09-19T18:57:43.000Z');
    expect(item.subjects[0]).toEqual({ name: 'Litteratur', code: 'medtop:20000013' });
    expect(item.subjects.map((s) => s.name)).toContain('Jan Guillou');
    // The <h1> repeating the headline is left out of the body.
    expect(item.bodyHtml).toMatch(/^<article> <section data-charcount="1299"> <div class="dat">/);
    expect(item.bodyHtml).not.toContain('<h1>');
    expect(item.bodyHtml).toContain('<p>Jan Guillou arbetar just nu med det sista kapitlet');
    expect(item.pictures).toHaveLength(1);
    expect(item.pictures[0]).toMatchObject({
      uri: 'http://tt.se/media/image/sdlm1btzmKu8WU',
      role: 'featuremedia',
      caption: 'Journalisten och författaren Jan Guillou jobbar på en ny bok om agenten Hamilton. Arkivbild.',
      credit: 'TT',
      href: 'https://beta.tt.se/media/text/210919-janguillou-879f202b/a001_NormalHires.jpg',
      mimetype: 'image/jpeg',
      width: 4928,
      height: 3280,
    });
    expect(item.pictures[0]!.renditions.map((r) => r.name)).toEqual(['highRes', 'preview', 'rendition-3', 'thumbnail']);
    expect(parsed.skipped).toEqual([
      { uri: 'http://tt.se/media/text/210919-janguillou-879f202b-pack', reason: expect.stringContaining('delivered in the same newsMessage') },
      { uri: 'http://tt.se/media/image/sdlm1btzmKu8WU', reason: 'picture delivered with http://tt.se/media/text/210919-janguillou-879f202b: attached to that item' },
    ]);
    expect(parsed.failed).toEqual([]);
  });

  it('reads a dpa text: rank-1 headline, teaser summary, dateline place, XHTML body without the document header, linked pictures', () => {
    const item = onlyItem(path.join(g2, 'agencies/dpa/rubix_multimedia_real.xml'));
    expect(item).toMatchObject({
      uri: 'urn:newsml:dpa.com:20090101:241022-930-267004',
      version: '1',
      type: 'text',
      language: 'de',
      urgency: 3,
      headline: 'Israel greift erneut südliche Vororte Beiruts an',
      byline: 'Von dpa',
      located: 'Tel Aviv/Beirut',
      agency: 'dpa',
      copyrightHolder: '',
      copyrightNotice: 'Copyright 2024, dpa (www.dpa.de). Alle Rechte vorbehalten',
      usageTerms: 'Nutzung nur nach schriftlicher Vereinbarung mit dpa',
      keywords: ['Nahost'],
      topics: ['Nahost', 'Politik', 'Israel', 'Libanon', 'Krieg', 'Konflikte'],
    });
    expect(item.summary).toBe('Israels Armee will die Finanzstrukturen der proiranischen Schiiten-Miliz im Libanon zerstören. Angeblich sollen in einem Bunker unter einer Klinik in Beirut Hunderte Millionen Dollar versteckt sein.');
    expect(iso(item.versionCreated)).toBe('2024-10-22T08:33:06.000Z');
    expect(item.bodyHtml).toMatch(/^<section class="main dpatextgenre_26">\n<p><span class="dateline">Tel Aviv\/Beirut <span class="credit">\(dpa\)<\/span> - <\/span>Die südlichen Vororte/);
    // Neither the header (h1, slugline, byline) nor the teaser paragraph repeating the summary.
    expect(item.bodyHtml).not.toMatch(/<header|class="slugline"|class="teaser"|Notizblock/);
    expect(item.pictures.map((p) => [p.uri, p.role, p.caption, p.credit])).toEqual([
      ['urn:newsml:dpa.com:20090101:241022-935-299274', 'featuremedia', 'Nahostkonflikt - Beirut', 'dpa'],
      ['urn:newsml:dpa.com:20090101:241022-935-299275', 'picture', 'Tote bei israelischem Luftangriff auf Auto in Damaskus', 'dpa'],
    ]);
    expect(item.pictures[0]!.href).toMatch(/^https:\/\/d1vdx0puhh6tge\.cloudfront\.net\/v4\/imgresize\/.*ig7zyc4tjr-v1-ax-s2048\.jpeg\?signature=.*&expires=1729728000$/);
  });

  it('reads a dpa embargo with its offset and the creator as byline', () => {
    const item = onlyItem(path.join(g2, 'agencies/dpa/embargoed.xml'));
    expect(item.headline).toBe('Steinmeier: Russland zerstört kulturelles Erbe der Ukraine');
    expect(iso(item.embargoedUntil)).toBe('2025-01-23T18:00:00.000Z');
    expect(iso(item.versionCreated)).toBe('2025-01-23T13:10:47.000Z');
    expect(item.byline).toBe('tholl.gregor');
    expect(item.located).toBe('Berlin');
    expect(item.bodyHtml).toMatch(/^<section class="main dpatextgenre_1">\n<p><span class="dateline">Berlin/);
  });

  it('reads a dpa picture item: creditline as credit, drol:caption as caption, its single rendition', () => {
    const item = onlyItem(path.join(g2, 'agencies/dpa/image.xml'));
    expect(item).toMatchObject({ type: 'picture', version: '4', headline: 'Caroline Kennedy', byline: 'Steve Helber', agency: 'dpa' });
    expect(item.pictures).toEqual([expect.objectContaining({
      uri: 'urn:newsml:dpa.com:20090101:250129-99-739668',
      credit: 'Steve Helber/AP/dpa',
      caption: expect.stringMatching(/^Caroline Kennedy, Tochter des ehemaligen US-Präsidenten Kennedy, .*«Raubtier»"\)$/),
      mimetype: 'image/jpeg',
      width: 2048,
      height: 1365,
    })]);
  });

  it('reads a dpa audio item: type audio, its caption as summary', () => {
    const item = onlyItem(path.join(g2, 'agencies/dpa/audio.xml'));
    expect(item).toMatchObject({ type: 'audio', headline: '1583/KI-Schock aus China: Kursbeben in den USA / 7.30 N', pictures: [], urgency: 4 });
    expect(item.summary).toMatch(/^KI-SCHOCK AUS CHINA: KURSBEBEN IN DEN USA Eine neue KI-Anwendung/);
  });

  it('reads a dpa-relayed AP text: located name, by line, the provider named in itemMeta (ap), its five linked pictures', () => {
    const item = onlyItem(path.join(g2, 'agencies/dpa/no_notepad.xml'));
    expect(item).toMatchObject({ language: 'en', located: 'New Delhi', byline: 'By ASHOK SHARMA', agency: 'ap' });
    expect(item.headline).toBe("Shares in India's Adani Group plunge 20% after US bribery, fraud indictments");
    expect(item.pictures).toHaveLength(5);
  });
});

describe('NewsML-G2 parser: every sample', () => {
  const sweep = [
    ...xmlFiles(path.join(g2, 'iptc-examples/items')),
    ...xmlFiles(path.join(g2, 'iptc-examples/packages')),
    ...xmlFiles(path.join(g2, 'agencies')),
    ...fs.readdirSync(path.join(g2, 'conformance')).flatMap((v) => {
      const dir = path.join(g2, 'conformance', v, 'should_pass');
      return fs.existsSync(dir) ? xmlFiles(dir) : [];
    }),
  ];
  // LISTING 24 prints "....." placeholders for its items: it yields failures only (tested above).
  const placeholders = /LISTING_24_/;

  it('reads every item, package, agency and should_pass conformance file into items or skips, without throwing', () => {
    expect(sweep.length).toBeGreaterThan(150);
    let items = 0;
    for (const file of sweep) {
      const name = path.relative(g2, file);
      const parsed = parseFile(file);
      expect(parsed.format, name).toBe('newsml-g2');
      if (placeholders.test(name)) continue;
      expect(parsed.items.length + parsed.skipped.length, name).toBeGreaterThan(0);
      expect(parsed.failed, name).toEqual([]);
      for (const item of parsed.items) {
        items++;
        expect(item.uri, name).toBeTruthy();
        expect(item.headline || item.type !== 'text', name).toBeTruthy();
        for (const p of item.pictures) expect(p.href, name).toMatch(/^(https?:\/\/|\/)/);
      }
      for (const skip of parsed.skipped) expect(skip.reason, name).toBeTruthy();
    }
    expect(items).toBeGreaterThan(35);
  });

  it('skips concept, knowledge, catalog and planning items with the reason', () => {
    const dir = path.join(g2, 'iptc-examples/concept-knowledge-catalog-planning');
    const files = xmlFiles(dir);
    expect(files.length).toBe(10);
    for (const file of files) {
      const parsed = parseFile(file);
      expect(parsed.items, file).toEqual([]);
      expect(parsed.skipped, file).toEqual([{ uri: expect.any(String), reason: expect.stringMatching(/^a NewsML-G2 (conceptItem|knowledgeItem|catalogItem|planningItem) .*not a news item$/) }]);
    }
  });

  it('skips schema-valid items that carry nothing to publish (no headline, body, description or picture)', () => {
    const parsed = parseFile(path.join(g2, 'conformance/2.19/should_pass/001_simplest_file.xml'));
    expect(parsed.items).toEqual([]);
    expect(parsed.skipped).toEqual([{ uri: 'simplest-test', reason: 'newsItem guid=simplest-test: no headline, no story body, no description and no picture (a text item with nothing to publish)' }]);
  });

  it('refuses the guideline fragments (groupSet, contentSet, contentMeta) as not complete items', () => {
    const files = xmlFiles(path.join(g2, 'iptc-examples/fragments'));
    expect(files.length).toBe(5);
    for (const file of files) {
      expect(() => parseFile(file), file).toThrow(/^a NewsML-G2 <(groupSet|contentSet|contentMeta)> fragment, not a complete item: a delivery must be a newsItem, packageItem or newsMessage$/);
    }
  });

  /**
   * should_fail files are schema-invalid in ways that do not stop reading (an extra attribute, a
   * nested element too deep, an unknown child). The parser does not validate against the XSD: it
   * reads what it can and refuses only what it cannot read — here the item with no itemMeta.
   */
  it('reads schema-invalid but readable should_fail files, and refuses the one without itemMeta', () => {
    const failing = fs.readdirSync(path.join(g2, 'conformance')).flatMap((v) => {
      const dir = path.join(g2, 'conformance', v, 'should_fail');
      return fs.existsSync(dir) ? xmlFiles(dir) : [];
    });
    expect(failing.length).toBe(10);
    const outcome = Object.fromEntries(failing.map((file) => {
      const name = path.relative(path.join(g2, 'conformance'), file);
      try {
        const parsed = parseFile(file);
        return [name, `items=${parsed.items.length} skipped=${parsed.skipped.length}`];
      } catch (e) {
        return [name, `refused: ${(e as Error).message}`];
      }
    }));
    expect(outcome['2.29/should_fail/001_incomplete_file.xml']).toBe('refused: newsItem guid=invalid-document: itemMeta is missing');
    expect(outcome['2.34/should_fail/CR00218_too_many_nested_related.xml']).toBe('items=1 skipped=0');
    expect(outcome['2.28/should_fail/2.29_retiring_scheme_scheme.xml']).toBe('items=0 skipped=1');
    expect(Object.values(outcome).filter((o) => o.startsWith('refused'))).toHaveLength(1);
  });
});

describe('NewsML-G2 parser: rules', () => {
  it('keeps the other items of a newsMessage when one is broken, quarantining it with its reason and text', () => {
    const parsed = parseText(message(
      newsItem('urn:ok:1', { meta: '<versionCreated>2024-01-02T03:04:05+01:00</versionCreated>' }),
      newsItem('urn:bad:2', { meta: '<versionCreated>yesterday</versionCreated>' }),
      newsItem('urn:ok:3'),
    ));
    expect(parsed.items.map((i) => i.uri)).toEqual(['urn:ok:1', 'urn:ok:3']);
    expect(iso(parsed.items[0]!.versionCreated)).toBe('2024-01-02T02:04:05.000Z');
    expect(parsed.items[1]!.versionCreated).toBeNull();
    expect(parsed.failed).toEqual([{
      uri: 'urn:bad:2',
      reason: 'newsItem guid=urn:bad:2: itemMeta/versionCreated "yesterday" is not a date and time (ISO 8601, e.g. 2024-10-22T10:33:06+02:00)',
      raw: expect.stringMatching(/^<newsItem xmlns="http:\/\/iptc.org\/std\/nar\/2006-10-01\/" guid="urn:bad:2".*<versionCreated>yesterday<\/versionCreated>.*<\/newsItem>$/s),
    }]);
  });

  it('refuses a date without a time zone, naming the element (a lone item throws)', () => {
    const xml = single(newsItem('urn:x', { meta: '<versionCreated>2024-01-02T03:04:05</versionCreated>' }));
    expect(() => parseText(xml)).toThrow('newsItem guid=urn:x: itemMeta/versionCreated "2024-01-02T03:04:05" has no time zone (expected Z or an offset such as +02:00)');
    expect(() => parseText(single(newsItem('urn:x', { meta: '<firstCreated>2024-02-30T00:00:00Z</firstCreated>' })))).toThrow(/itemMeta\/firstCreated "2024-02-30T00:00:00Z" is not a valid date/);
  });

  it('reads pubStatus withheld and canceled, an empty embargo as held until further notice, and refuses an unknown status', () => {
    const status = (qcode: string) => parseText(single(newsItem('urn:s', { meta: `<pubStatus qcode="${qcode}"/><embargoed></embargoed>` }))).items[0]!;
    expect(status('stat:withheld').pubStatus).toBe('withheld');
    expect(status('stat:canceled')).toMatchObject({ pubStatus: 'canceled', embargoedUntil: new Date('9999-12-31T23:59:59Z') });
    expect(status('stat:usable').embargoedUntil!.getUTCFullYear()).toBe(9999);
    expect(() => status('stat:gone')).toThrow('newsItem guid=urn:s: itemMeta/pubStatus "stat:gone" is not stat:usable, stat:withheld or stat:canceled');
  });

  it('prefers the headline without a role, then the lowest rank; maps unknown item classes to other', () => {
    const xml = single(newsItem('urn:h', { headline: '', cls: 'ninat:event' })).replace(
      '<contentMeta>',
      '<contentMeta><headline role="hrol:sub">Sub</headline><headline rank="2">Second</headline><headline rank="1">First</headline>',
    );
    expect(parseText(xml).items[0]).toMatchObject({ headline: 'First', type: 'other' });
  });

  it('turns plain-text inlineData into paragraphs', () => {
    const xml = single(newsItem('urn:t', { content: '<contentSet><inlineData contenttype="text/plain">First &amp; one\nline.\n\nSecond.</inlineData></contentSet>' }));
    expect(parseText(xml).items[0]!.bodyHtml).toBe('<p>First &amp; one line.</p><p>Second.</p>');
  });

  it('maps NITF markup to HTML: hl2 to h2, inline entities kept as text, media and empty paragraphs dropped', () => {
    const nitf = '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><p>By <person>Ann</person> in <location>Oslo</location>.</p><p/><hl2>- Part two -</hl2><media><media-reference source="x.jpg"/></media><p><a href="https://x.example/" class="c">link</a></p></body.content></body></nitf>';
    const xml = single(newsItem('urn:n', { content: `<contentSet><inlineXML contenttype="application/nitf+xml">${nitf}</inlineXML></contentSet>` }));
    expect(parseText(xml).items[0]!.bodyHtml).toBe('<p>By Ann in Oslo.</p><h2>- Part two -</h2><p><a href="https://x.example/">link</a></p>');
  });

  it('attaches a picture to the text that links to it by residref, and delivers an unlinked picture on its own', () => {
    const picture = (guid: string) => newsItem(guid, {
      cls: 'ninat:picture',
      headline: `Picture ${guid}`,
      content: `<contentSet><remoteContent href="https://cdn.example/${guid}.jpg" contenttype="image/jpeg" width="800" height="600" rendition="rnd:highRes"/></contentSet>`,
    });
    const text = newsItem('urn:text', { meta: '<link rel="irel:seeAlso" residref="urn:pic:1"><itemClass qcode="ninat:picture"/></link>' });
    const parsed = parseText(message(text, picture('urn:pic:1'), picture('urn:pic:2')));
    expect(parsed.items.map((i) => [i.uri, i.type, i.pictures.map((p) => [p.uri, p.role, p.href])])).toEqual([
      ['urn:text', 'text', [['urn:pic:1', 'featuremedia', 'https://cdn.example/urn:pic:1.jpg']]],
      ['urn:pic:2', 'picture', [['urn:pic:2', 'featuremedia', 'https://cdn.example/urn:pic:2.jpg']]],
    ]);
    expect(parsed.skipped).toEqual([{ uri: 'urn:pic:1', reason: 'picture delivered with urn:text: attached to that item' }]);
  });

  it('quarantines only the item whose picture link points outside the folder', () => {
    const bad = newsItem('urn:bad', { meta: '<link rel="irel:seeAlso" href="../secret.jpg"><itemClass qcode="ninat:picture"/></link>' });
    const parsed = parseText(message(bad, newsItem('urn:good')), '/tmp/wire/in');
    expect(parsed.items.map((i) => i.uri)).toEqual(['urn:good']);
    expect(parsed.failed.map((f) => f.reason)).toEqual(['newsItem guid=urn:bad: itemMeta/link[1]: href "../secret.jpg" points outside the item\'s folder']);
  });

  it('refuses a rendition that points outside the item folder', () => {
    const xml = single(newsItem('urn:p', { cls: 'ninat:picture', content: '<contentSet><remoteContent href="../../etc/passwd" contenttype="image/jpeg"/></contentSet>' }));
    expect(() => parseText(xml, '/tmp/wire/in')).toThrow('newsItem guid=urn:p: contentSet/remoteContent[1]: href "../../etc/passwd" points outside the item\'s folder');
  });
});

describe('NewsML 1.2 parser', () => {
  it('reads the AFP NewsML 1.2 item: NITF body with hl2 subheads, origin city, creator byline, keywords, revision as version', () => {
    const parsed = parseFile(path.join(legacy, 'afp/afp.com_newsml1.2_sample.xml'));
    expect(parsed.format).toBe('newsml-1.2');
    expect(parsed.items).toHaveLength(1);
    const item = parsed.items[0]!;
    expect(item).toMatchObject({
      format: 'newsml-1.2',
      // The PublicIdentifier names revision 1 (":1"): the identity across revisions leaves it out.
      uri: 'urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71',
      version: '1',
      type: 'text',
      pubStatus: 'usable',
      language: 'en',
      urgency: 4,
      headline: 'Israel strikes key Hamas targets as UN Security Council to meet',
      byline: 'Adel Zaanoun with Guillaume Lavallee in Jerusalem',
      located: 'Gaza City',
      agency: 'AFP',
      subjects: [],
      pictures: [],
    });
    expect(item.keywords.slice(0, 4)).toEqual(['Israel', 'Palestinians', 'conflict', 'Fabrice Fries']);
    expect(iso(item.firstCreated)).toBe('2021-05-16T08:06:25.000Z');
    expect(iso(item.versionCreated)).toBe('2021-05-16T08:06:25.000Z');
    expect(item.bodyHtml).toMatch(/^<p>Israel's army said Sunday it had bombed the home of the political leader of Islamist group Hamas/);
    expect(item.bodyHtml).toContain('<h2>- Media offices destroyed -</h2>');
    expect(item.bodyHtml).not.toContain('<p></p>');
  });

  it('reads a Business Wire release: XHTML body and contacts, subheadline as summary, photos by rank then the logo', () => {
    const item = onlyItem(path.join(legacy, 'businesswire/businesswire-newsml-20130515006361.xml'));
    expect(item).toMatchObject({
      uri: 'urn:newsml:businesswire.com:20010714:20130515006361',
      version: '1',
      type: 'text',
      headline: 'Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations',
      located: 'ROUND ROCK, Texas',
      agency: 'Business Wire',
      copyrightNotice: 'Copyright Business Wire 2013',
      language: 'en',
    });
    expect(item.keywords).toEqual(['United States', 'Technology', 'Data Management', 'North America', 'Hardware', 'Software', 'Product/Service', 'Photo/Multimedia', 'Texas']);
    expect(iso(item.versionCreated)).toBe('2013-05-16T04:01:00.000Z');
    expect(item.summary.split('\n')).toHaveLength(3);
    expect(item.summary).toMatch(/^Offering powerful workstation performance at near desktop PC prices/);
    expect(item.bodyHtml).toMatch(/^<p>\n<a rel="nofollow" href="http:\/\/www.dell.com">Dell<\/a> today announced/);
    expect(item.bodyHtml).toContain('lauren_mauro@dell.com');
    expect(item.bodyHtml).not.toMatch(/bwlistitemmargb \{|<title/);
    expect(item.pictures.map((p) => [p.role, p.href, p.width, p.height, p.credit])).toEqual([
      ['featuremedia', 'http://mms.businesswire.com/media/newsItemId/en/369394/5/0025lf.jpg', 2055, 2064, 'Business Wire'],
      ['picture', 'http://mms.businesswire.com/media/newsItemId/en/369395/5/00095.jpg', 2962, 1000, 'Business Wire'],
      ['logo', 'http://mms.businesswire.com/media/newsItemId/en/221373/5/dell_blue_rgb.jpg', 432, 432, 'Business Wire'],
    ]);
    expect(item.pictures[0]!.caption).toMatch(/^Offering powerful workstation performance at about desktop PC prices.*\(Photo: Business Wire\)$/);
    expect(item.pictures[0]!.renditions.map((r) => r.name)).toEqual(['Thumbnail', 'Viewimage', 'Lowres', 'Highres']);
  });

  it('reads every Business Wire sample (Chinese ones included) into one text item', () => {
    const files = xmlFiles(path.join(legacy, 'businesswire'));
    expect(files).toHaveLength(4);
    for (const file of files) {
      const item = onlyItem(file);
      expect(item.headline, file).toBeTruthy();
      expect(item.bodyHtml, file).toMatch(/^<p/);
    }
    expect(onlyItem(path.join(legacy, 'businesswire/businesswire-newsml-20130605006126.xml'))).toMatchObject({
      headline: 'Cambrios被Gartner評選為「最酷供應商」',
      located: '加州桑尼維爾',
    });
  });

  it('quarantines a NewsItem that is only a partial update, or whose date has no zone, and keeps the others', () => {
    const ident = (id: string, update = 'N') => `<Identification><NewsIdentifier><ProviderId>x.example</ProviderId><DateId>20240101</DateId><NewsItemId>${id}</NewsItemId><RevisionId PreviousRevision="0" Update="${update}">2</RevisionId></NewsIdentifier></Identification>`;
    const item = (id: string, { update = 'N', created = '20240101T120000+0100' } = {}) =>
      `<NewsItem>${ident(id, update)}<NewsManagement><NewsItemType FormalName="News"/><ThisRevisionCreated>${created}</ThisRevisionCreated><Status FormalName="Usable"/></NewsManagement><NewsComponent><NewsLines><HeadLine>Story ${id}</HeadLine></NewsLines><ContentItem><MediaType FormalName="Text"/><DataContent>Line one.</DataContent></ContentItem></NewsComponent></NewsItem>`;
    const parsed = parseText(`<NewsML Version="1.2">${item('a')}${item('b', { update: 'U' })}${item('c', { created: '20240101T120000' })}</NewsML>`);
    expect(parsed.items.map((i) => [i.uri, i.version, i.headline, i.bodyHtml, iso(i.versionCreated)])).toEqual([
      ['urn:newsml:x.example:20240101:a', '2', 'Story a', '<p>Line one.</p>', '2024-01-01T11:00:00.000Z'],
    ]);
    expect(parsed.failed.map((f) => [f.uri, f.reason])).toEqual([
      ['urn:newsml:x.example:20240101:b', 'NewsItem urn:newsml:x.example:20240101:b: an update that carries only changes to an earlier revision (RevisionId Update="U") is not supported: ask for the full item'],
      ['urn:newsml:x.example:20240101:c', 'NewsItem urn:newsml:x.example:20240101:c: NewsManagement/ThisRevisionCreated "20240101T120000" has no time zone (expected Z or an offset such as +0000)'],
    ]);
    expect(parsed.failed[0]!.raw).toMatch(/^<NewsItem><Identification>.*<\/NewsItem>$/);
  });
});
