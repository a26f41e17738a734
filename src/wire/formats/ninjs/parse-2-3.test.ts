import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wireFixtures } from '../../../../test/support/paths.js';
import { parseWireFile } from '../index.js';

const ninjs = path.join(wireFixtures, 'ninjs');
const parse = (file: string) => parseWireFile(fs.readFileSync(file), { baseDir: path.dirname(file), fileName: path.basename(file) });
const parseJson = (json: unknown, baseDir: string | null = '/wire/in') => parseWireFile(Buffer.from(JSON.stringify(json)), { baseDir, fileName: 'item.json' });
const parseOne = (file: string) => {
  const parsed = parse(path.join(ninjs, file));
  expect(parsed.items).toHaveLength(1);
  expect(parsed.skipped).toEqual([]);
  expect(parsed.failed).toEqual([]);
  return parsed.items[0]!;
};
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect((e as { code?: string }).code).toBe('INVALID_WIRE_ITEM');
    return (e as Error).message;
  }
  throw new Error('expected the delivery to be refused');
};
const jsonFiles = (dir: string) => fs.readdirSync(path.join(ninjs, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();

describe('NINJS 3.x agency items', () => {
  it('reads a TT text with its picture: HTML body without the document head, picture with caption, credit and renditions', () => {
    const item = parseOne('3.x/iptc-examples-3.0/tt_text_image_3.json');
    expect(item).toMatchObject({
      format: 'ninjs-3',
      uri: 'http://tt.se/media/text/210526-militarovning-a0f2d045',
      version: '1',
      type: 'text',
      pubStatus: 'usable',
      language: 'sv',
      urgency: 3,
      headline: 'Militärövning i jätteformat hålls 2023',
      byline: '',
      agency: 'TT',
      copyrightHolder: 'TT',
      subjects: [{ name: 'Krig, konflikter och oroligheter', code: 'http://tt.se/spec/subref/1.0/16000000' }],
      topics: ['Krig, konflikter och oroligheter'],
      link: null,
    });
    expect(item.versionCreated?.toISOString()).toBe('2021-05-26T11:40:18.000Z');
    expect(item.summary).toMatch(/^Pandemin satte stopp för den stora internationella militärövningen Aurora 2020/);
    // The first text/html body (role html5), a whole document: its <body> only, no <title>.
    expect(item.bodyHtml).toMatch(/^<article> <section data-charCount="1751"> <h1>Militärövning i jätteformat hålls 2023<\/h1>/);
    expect(item.bodyHtml).not.toMatch(/<title>|<html|<TTNITF/);
    expect(item.pictures).toHaveLength(1);
    const picture = item.pictures[0]!;
    expect(picture).toMatchObject({
      uri: 'http://tt.se/media/image/sdlk2sirkPaauM',
      role: 'a001',
      caption: 'En stor internationell försvarsövning planeras 2023 med fokus på södra Sverige och Gotland. Arkivbild från militärövningen Aurora 17.',
      credit: 'Karl Melander/TT',
      // The widest of four unnamed renditions: Hires.
      href: 'https://beta.tt.se/media/text/210526-militarovning-a0f2d045/a001_NormalHires.jpg',
      mimetype: 'image/jpeg',
      width: 4724,
      height: 3149,
    });
    expect(picture.renditions.map((r) => [r.name, r.width])).toEqual([['r00', 4724], ['r01', 1024], ['r02', 1024], ['r03', 256]]);
  });

  it('reads a dpa text: byline, copyright and the HTML body; dpa is the agency', () => {
    const item = parseOne('3.x/iptc-examples-3.0/dpa_text.json');
    expect(item).toMatchObject({
      format: 'ninjs-3',
      uri: 'urn:newsml:dpa.com:20090101:190510-99-167362',
      version: '2',
      type: 'text',
      language: 'de',
      urgency: 4,
      headline: 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?',
      byline: 'Von Christian Hollmann, dpa',
      agency: 'dpa',
      copyrightHolder: 'dpa',
      copyrightNotice: 'Copyright 2019, dpa (www.dpa.de). Alle Rechte vorbehalten',
      summary: '',
      pictures: [],
    });
    expect(item.versionCreated?.toISOString()).toBe('2019-05-10T14:02:28.000Z');
    expect(item.bodyHtml).toMatch(/^<section class="main"><p>Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren»\./);
  });

  it('reads an AP picture item: the caption is its summary, the creditline its agency, not the info source', () => {
    const item = parseOne('3.x/iptc-examples-3.0/ap_image.json');
    expect(item).toMatchObject({
      type: 'picture',
      version: '0',
      headline: 'Turkey Islamic State',
      agency: 'ASSOCIATED PRESS',
      usageTerms: 'This content is intended for editorial use only. For other uses, additional clearances may be required.',
      topics: ['International News', 'File photo', 'Government and politics'],
    });
    expect(item.firstCreated?.toISOString()).toBe('2019-11-15T13:39:59.000Z');
    expect(item.versionCreated?.toISOString()).toBe('2019-11-15T14:39:44.000Z');
    expect(item.summary).toMatch(/^FILE - In this Monday, Nov\. 11, 2019 file photo, a man identified by Turkish media/);
    expect(item.subjects[2]).toEqual({ name: 'Government and politics', code: 'http://cv.ap.org/id/86aad5207dac100488ecba7fa5283c3e' });
  });

  it('reads a SIPA picture: rights fields, qualified subject codes, and the writer is not taken for a summary', () => {
    const item = parseOne('3.x/iptc-examples-3.0/SIPA_image_3.json');
    expect(item).toMatchObject({
      type: 'picture',
      byline: 'Insidefoto',
      agency: 'SIPA USA',
      copyrightHolder: 'SIPA USA',
      copyrightNotice: 'SIPA USA/PA Images',
      usageTerms: '*** World Rights Except Italy ***',
    });
    expect(item.summary).toMatch(/^Demonstration of the workers of congresses and conferences/);
    expect(item.subjects[0]).toEqual({ name: 'News', code: 'paimagescategory:a' });
  });

  it('takes the linked rights address as usage terms when an item gives no usage terms', () => {
    expect(parseOne('3.x/iptc-examples-3.0/imageLinkedRights.json')).toMatchObject({
      byline: 'John Smith',
      usageTerms: 'http://example.agency.com/rights/editorialUseOnly',
    });
    // Encoded (ODRL) rights are machine text, not terms an editor reads.
    expect(parseOne('3.x/iptc-examples-3.0/imageEncodedRights.json').usageTerms).toBe('');
  });

  it('reads a Business Wire composite: the logo graphic becomes a picture at its widest rendition, the video does not', () => {
    const item = parseOne('3.x/iptc-examples-3.0/businesswire-newsml-20130731006140.json');
    expect(item.headline).toBe('Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In');
    expect(item.bodyHtml).toMatch(/^With more Applebee’s<sup >®<\/sup> Lunch Combos/);
    expect(item.subjects).toHaveLength(10);
    expect(item.pictures).toEqual([expect.objectContaining({
      role: 'logo',
      uri: 'http://mms.businesswire.com/media/newsItemId/en/372964/3/AB_LOGO_viewimage.jpg',
      href: 'http://mms.businesswire.com/media/newsItemId/en/372964/4/AB_LOGO_webready.jpg',
      width: 216,
      height: 141,
    })]);
  });

  it('reads the IPTC 3.1 guide article: located, byline and copyright notice', () => {
    const item = parseOne('3.x/iptc-guide-3.1/005_complex_text_article.json');
    expect(item).toMatchObject({
      format: 'ninjs-3',
      headline: 'Captain of wrecked cruise ship on trial in Italy',
      byline: "Paulo Santalucia and Frances d'Emilio",
      located: 'Grossetto, Italy',
      language: 'en',
    });
    expect(item.bodyHtml).toMatch(/^<p>GROSSETO, Italy \(AP\) -- The trial of the captain/);
  });
});

describe('NINJS 2.x agency items', () => {
  it('reads an NTB text: times, subjects with their codes, and a description as summary', () => {
    const item = parseOne('2.x/iptc-examples-2.1/ntb_text.json');
    expect(item).toMatchObject({
      format: 'ninjs-2',
      uri: 'urn:8d19cf88-b3ab-4972-8fec-1207599f2872',
      version: '6',
      language: 'nb-NO',
      urgency: 5,
      headline: 'Google har kjøpt giganttomt i Skien',
      summary: 'IT-giganten Google har kjøpt en tomt på nærmere 2.000 mål i Skien i tilfelle det blir behov for flere datasentre i Europa.',
      bodyHtml: '',
      byline: 'NTB',
      agency: 'NTB',
      subjects: [
        { name: 'Innenriks', code: 'Innenriks' },
        { name: 'Teknologi', code: '13010000' },
        { name: 'Industri', code: '04011000' },
        { name: 'Olje og energi', code: '04005000' },
      ],
    });
    expect(item.firstCreated?.toISOString()).toBe('2019-08-09T09:30:04.000Z');
    expect(item.versionCreated?.toISOString()).toBe('2019-08-09T09:46:53.000Z');
  });

  it('reads the IPTC 2.2 guide multimedia story: XHTML body before plain text, both pictures with caption and credit', () => {
    const item = parseOne('2.x/iptc-guide-2.2/007_multimedia.json');
    expect(item).toMatchObject({
      format: 'ninjs-2',
      type: 'composite',
      headline: 'Captain of wrecked cruise ship on trial in Italy',
      byline: "Paulo Santalucia and Frances d'Emilio",
      located: 'Grossetto, Italy',
      copyrightNotice: 'Copyright 2013 The News Agency, www.tnag.org - all rights reserved.',
    });
    expect(item.versionCreated?.toISOString()).toBe('2013-07-09T10:39:00.000Z');
    expect(item.bodyHtml).toMatch(/^<p>GROSSETO, Italy \(AP\) -- The trial/);
    expect(item.pictures.map((p) => [p.role, p.headline, p.credit, p.width, p.height])).toEqual([
      ['mainpic', 'Costa Concordia cruise ship', 'Paulo Santalucia', 429, 281],
      ['portrait', 'Francesco Schettino at court', 'Paulo Santalucia', 280, 430],
    ]);
    expect(item.pictures[0]).toMatchObject({
      uri: 'http://ninjs.example.com/newsitems/20130709simpPh123',
      // The plain-text description, not its XHTML twin.
      caption: expect.stringMatching(/^The Costa Concordia cruise ship lies on its side in the waters of the Tuscan island of Giglio, Italy, Monday/),
      href: 'http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg',
      mimetype: 'image/jpg',
      renditions: [expect.objectContaining({ name: 'main' }), expect.objectContaining({ name: 'small', width: 179 })],
    });
  });

  it('reads an AP video item: located, and the supplying agency from its info source', () => {
    const item = parseOne('2.x/iptc-examples-2.1/ap_video.json');
    expect(item).toMatchObject({ type: 'video', located: 'Washington', agency: 'ASSOCIATED PRESS', headline: 'House leaders double down on impeachment positions' });
  });

  it('reads the same TT story alike from its 2.1 (lower-case) and 3.0 (camelCase) editions', () => {
    const two = parseOne('2.x/iptc-examples-2.1/tt_text_image_2.json');
    const three = parseOne('3.x/iptc-examples-3.0/tt_text_image_3.json');
    expect(two.format).toBe('ninjs-2');
    // The 3.0 edition's HTML spells an attribute data-charCount; everything else is the same.
    expect({ ...two, format: '', sourceDir: '', bodyHtml: two.bodyHtml.toLowerCase() })
      .toEqual({ ...three, format: '', sourceDir: '', bodyHtml: three.bodyHtml.toLowerCase() });
  });
});

describe('every IPTC 2.x and 3.x example', () => {
  it('parses each news item into one wire item with a uri, a headline and a version time', () => {
    const files = [...jsonFiles('2.x').map((f) => `2.x/${f}`), ...jsonFiles('3.x').filter((f) => !f.startsWith('events-planning')).map((f) => `3.x/${f}`)];
    expect(files).toHaveLength(39);
    for (const f of files) {
      const item = parseOne(f);
      expect(item.format, f).toBe(f.startsWith('2.x') ? 'ninjs-2' : 'ninjs-3');
      expect(item.uri, f).toBeTruthy();
      // Only the guide's renditions example is a bare fragment (uri, bodies, renditions).
      if (!f.endsWith('002_renditions_example.json')) {
        expect(item.headline, f).toBeTruthy();
        expect(item.versionCreated, f).toBeInstanceOf(Date);
      }
    }
  });

  it('recognises every event and planning object and skips it as not a news item', () => {
    const files = jsonFiles('3.x/events-planning');
    expect(files).toHaveLength(7);
    for (const f of files) {
      const parsed = parse(path.join(ninjs, '3.x/events-planning', f));
      expect(parsed.format, f).toBe('ninjs-3');
      expect(parsed.items, f).toEqual([]);
      expect(parsed.failed, f).toEqual([]);
      expect(parsed.skipped.length, f).toBeGreaterThanOrEqual(1);
      for (const s of parsed.skipped) expect(s, f).toEqual({ uri: expect.any(String), reason: 'an event, not a news item' });
    }
    const timeline = parse(path.join(ninjs, '3.x/events-planning/20231016-event-timeline-sample.json'));
    expect(timeline.skipped).toHaveLength(14);
    expect(timeline.skipped[0]!.uri).toBe('https://iptc.org/example/uri/1');
  });
});

describe('NINJS 2.x/3.x deliveries', () => {
  const story = (uri: string, extra: Record<string, unknown> = {}) => ({ uri, type: 'text', headlines: [{ role: 'main', value: `Story ${uri}` }], ...extra });

  it('reads a JSON array entry by entry: items, skipped events, and each bad entry quarantined with its reason and text', () => {
    const parsed = parseJson([
      story('urn:a', { versionCreated: '2024-03-01T10:00:00Z' }),
      { uri: 'urn:bad-date', headlines: [{ value: 'x' }], versionCreated: 'yesterday' },
      { uri: 'urn:event', type: 'event', eventDetails: { dates: { startDate: '2024-03-02T09:00:00Z' } } },
      { uri: 'urn:plan', plannedCoverage: [] },
      'not an object',
      story('urn:b'),
    ]);
    expect(parsed.format).toBe('ninjs-3');
    expect(parsed.items.map((i) => [i.uri, i.headline, i.format])).toEqual([['urn:a', 'Story urn:a', 'ninjs-3'], ['urn:b', 'Story urn:b', 'ninjs-3']]);
    expect(parsed.skipped).toEqual([
      { uri: 'urn:event', reason: 'an event, not a news item' },
      { uri: 'urn:plan', reason: 'a planning item, not a news item' },
    ]);
    expect(parsed.failed).toEqual([
      { uri: 'urn:bad-date', reason: expect.stringMatching(/^entry 2 of 6: not a valid NINJS 3\.x item: versionCreated: must be a date-time with a zone/), raw: expect.any(String) },
      { uri: null, reason: 'entry 5 of 6: not a valid NINJS 3.x item: expected a JSON object, found a string', raw: '"not an object"' },
    ]);
    expect(JSON.parse(parsed.failed[0]!.raw)).toEqual({ uri: 'urn:bad-date', headlines: [{ value: 'x' }], versionCreated: 'yesterday' });
  });

  it('reads a 1.x item inside a 2.x collection as ninjs-1 would', () => {
    const parsed = parseJson([story('urn:two'), { $standard: { version: '1.6' }, uri: 'urn:one', headline: 'Old style', body_html: '<p>x</p>' }]);
    expect(parsed.format).toBe('ninjs-2');
    expect(parsed.items.map((i) => [i.format, i.headline, i.bodyHtml])).toEqual([['ninjs-2', 'Story urn:two', ''], ['ninjs-1', 'Old style', '<p>x</p>']]);
  });

  it('refuses a single unreadable item naming the property, in the spelling of its version', () => {
    expect(refusal(() => parseJson({ uri: 'u', headlines: [{ role: 'main' }] }))).toBe('not a valid NINJS 2.x item: headlines.0.value: Invalid input: expected string, received undefined');
    expect(refusal(() => parseJson({ uri: 'u', headlines: [{ value: 'h' }], pubStatus: 'cancelled' }))).toMatch(/^not a valid NINJS 3\.x item: pubStatus: /);
    expect(refusal(() => parseJson({ headlines: [{ value: 'h' }] }))).toMatch(/^not a valid NINJS 2\.x item: uri: /);
    expect(refusal(() => parseJson({ uri: ' ', bodies: [] }))).toBe('not a valid NINJS 2.x item: uri: must be a non-empty string');
    expect(refusal(() => parseJson({ uri: 'u', bodies: [], urgency: 2.5 }))).toMatch(/^not a valid NINJS 2\.x item: urgency: /);
    expect(refusal(() => parseJson({ uri: 'u', bodies: [], associations: [{ name: 'p', renditions: [{ name: 'r', width: 'wide' }] }] })))
      .toMatch(/^not a valid NINJS 2\.x item: associations\.0\.renditions\.0\.width: /);
  });

  it('refuses a NINJS version it does not know by name', () => {
    expect(refusal(() => parseJson({ standard: { name: 'ninjs', version: '4.0' }, uri: 'u' })))
      .toBe('NINJS 4.x is not supported: Dateline reads NINJS 1.x, 2.x and 3.x');
  });

  it('carries withheld and canceled items and the embargo (3.x embargoedUntil, 2.x embargoed) for ingest to act on', () => {
    const three = parseJson(story('urn:k', { pubStatus: 'canceled', embargoedUntil: '2030-01-01T06:00:00+01:00' })).items[0]!;
    expect(three).toMatchObject({ pubStatus: 'canceled', format: 'ninjs-3' });
    expect(three.embargoedUntil?.toISOString()).toBe('2030-01-01T05:00:00.000Z');
    const two = parseJson(story('urn:w', { pubstatus: 'withheld', embargoed: '2030-01-01T05:00:00Z' })).items[0]!;
    expect(two).toMatchObject({ pubStatus: 'withheld', format: 'ninjs-2' });
    expect(two.embargoedUntil?.toISOString()).toBe('2030-01-01T05:00:00.000Z');
  });

  it('takes the main headline, and a subheadline as summary only when there is no description', () => {
    const headlines = [{ role: 'sub', value: 'The deck' }, { role: 'seo', value: 'SEO line' }, { role: 'main', value: 'The headline' }];
    expect(parseJson({ uri: 'u', headlines }).items[0]).toMatchObject({ headline: 'The headline', summary: 'The deck' });
    const described = parseJson({ uri: 'u', headlines, descriptions: [{ role: 'creditline', value: 'AFP' }, { role: 'summary', contenttype: 'text/html', value: '<p>Summary</p>' }] }).items[0]!;
    expect(described).toMatchObject({ summary: '<p>Summary</p>', agency: 'AFP' });
    expect(parseJson({ uri: 'u', headlines: [{ role: 'sub', value: 'Only a deck' }] }).items[0]!.headline).toBe('Only a deck');
  });

  it('prefers an HTML body, else turns plain text into paragraphs; NITF and other XML bodies are not read', () => {
    const html = parseJson({ uri: 'u', bodies: [{ contenttype: 'text/plain', value: 'Plain' }, { contenttype: 'application/xhtml+xml', value: '<p>Rich</p>' }] });
    expect(html.items[0]!.bodyHtml).toBe('<p>Rich</p>');
    const plain = parseJson({ uri: 'u', bodies: [{ contentType: 'text/vnd.IPTC.NITF', value: '<nitf/>' }, { contentType: 'text/plain', value: 'One & two\nThree <4>' }] });
    expect(plain.items[0]!.bodyHtml).toBe('<p>One &amp; two</p><p>Three &lt;4&gt;</p>');
    const paragraphs = parseJson({ uri: 'u', bodies: [{ value: 'First line\nstill first\n\nSecond' }] });
    expect(paragraphs.items[0]!.bodyHtml).toBe('<p>First line\nstill first</p><p>Second</p>');
    expect(parseJson({ uri: 'u', bodies: [{ contenttype: 'application/xml', value: '<TTNITF/>' }] }).items[0]!.bodyHtml).toBe('');
  });

  it('puts featuremedia first, resolves local renditions inside the item folder and refuses one that leaves it', () => {
    const pictureOf = (name: string, href: string, extra: Record<string, unknown> = {}) => ({ name, type: 'picture', renditions: [{ name: 'r', href, contenttype: 'image/jpeg', width: 800 }], ...extra });
    const parsed = parseJson({
      uri: 'u',
      headlines: [{ value: 'h' }],
      associations: [
        pictureOf('gallery', 'https://cdn.example/g.jpg'),
        { name: 'clip', type: 'video', renditions: [{ name: 'mp4', href: 'https://cdn.example/c.mp4', contenttype: 'video/mp4' }] },
        pictureOf('featuremedia', 'pics/lead%20one.jpg', {
          by: 'Jane Doe', copyrightholder: 'Agency', descriptions: [{ role: 'creditline', value: 'Jane Doe/Agency' }, { role: 'caption', value: 'The caption' }],
        }),
      ],
    }, '/wire/in');
    expect(parsed.items[0]!.pictures.map((p) => [p.role, p.href, p.credit, p.caption])).toEqual([
      ['featuremedia', '/wire/in/pics/lead one.jpg', 'Jane Doe/Agency', 'The caption'],
      ['gallery', 'https://cdn.example/g.jpg', '', ''],
    ]);
    expect(refusal(() => parseJson({ uri: 'u', bodies: [], associations: [pictureOf('p', '../../etc/passwd')] }, '/wire/in')))
      .toMatch(/associations\.0\.renditions\.0: rendition href "\.\.\/\.\.\/etc\/passwd" points outside the item's folder/);
    // Pushed bytes have no folder: local renditions are dropped, remote ones kept.
    const pushed = parseJson({ uri: 'u', bodies: [], associations: [pictureOf('p', 'local.jpg'), pictureOf('q', 'https://cdn.example/q.jpg')] }, null);
    expect(pushed.items[0]!.pictures.map((p) => p.role)).toEqual(['q']);
  });

  it('leaves bare objects to ninjs-1 and claims 2.x/3.x shapes without a declared version', () => {
    expect(parseJson({ uri: 'u', urgency: 1 }).format).toBe('ninjs-1');
    expect(parseJson({ uri: 'u', headline: 'h', 'x-agency': { contentType: 'own extension', versionCreated: 'any' } }).format).toBe('ninjs-1');
    expect(parseJson({ uri: 'u', pubStatus: 'usable' }).format).toBe('ninjs-3');
    expect(parseJson({ uri: 'u', renditions: [] }).format).toBe('ninjs-2');
    expect(parseJson({ uri: 'u', bodies: [{ value: 'x' }], standard: { version: '3.1' } }).format).toBe('ninjs-3');
  });
});
