import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedNinjs, wireFixtures } from '../../../../test/support/paths.js';
import { parseWireFile } from '../index.js';

const parseOne = (bytes: Buffer, baseDir: string) => {
  const parsed = parseWireFile(bytes, { baseDir, fileName: 'item.json' });
  expect(parsed.items).toHaveLength(1);
  return parsed.items[0]!;
};
const parseFile = (file: string) => parseOne(fs.readFileSync(file), path.dirname(file));

describe('NINJS 1.x parser', () => {
  it('reads every field of the seed item', () => {
    const item = parseFile(seedNinjs);
    expect(item).toMatchObject({
      format: 'ninjs-1',
      uri: 'urn:newsml:dateline.example:20190430:isis-fighters-head-to-afghanistan',
      version: '1',
      type: 'text',
      pubStatus: 'usable',
      language: 'en',
      urgency: 3,
      headline: 'After ‘caliphate’ collapse, ISIS militants head to Afghanistan',
      copyrightHolder: 'AFP',
      topics: ['Afghanistan', 'caliphate', 'isis', 'Pakistan'],
    });
    expect(item.firstCreated?.toISOString()).toBe('2019-04-30T08:00:00.000Z');
    expect(item.bodyHtml.match(/<p>/g)).toHaveLength(15);
    expect(item.pictures).toEqual([{
      uri: 'urn:newsml:dateline.example:20190430:isis-fighters-head-to-afghanistan:picture',
      role: 'featuremedia',
      headline: 'Afghan militia in Achin district, Nangarhar',
      caption: expect.stringMatching(/^Anti-\(IS\) armed Afghan militia .* on December 27, 2015$/),
      credit: 'AFP Photo',
      copyrightHolder: 'AFP',
      href: path.join(path.dirname(seedNinjs), 'lead.jpg'),
      mimetype: 'image/jpeg',
      width: 1600,
      height: 900,
      renditions: [expect.objectContaining({ href: path.join(path.dirname(seedNinjs), 'lead.jpg'), width: 1600 })],
    }]);
  });

  it('reads every IPTC 1.x example into a wire item', () => {
    const root = path.join(wireFixtures, 'ninjs/1.x');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) {
      const item = parseFile(path.join(root, f));
      expect(item.uri, f).toBeTruthy();
    }
  });

  it('takes headline_main and a plain-text body when there is no headline or body_html', () => {
    const item = parseFile(path.join(wireFixtures, 'ninjs/1.x/iptc-guide-1.6/005_complex_text_article.json'));
    expect(item.headline).toBe('Captain of wrecked cruise ship on trial in Italy');
    expect(item.byline).toBe("Paulo Santalucia and Frances d'Emilio");
    expect(item.located).toBe('Grossetto, Italy');
    expect(item.bodyHtml).toMatch(/^<p>GROSSETO, Italy \(AP\)/);
  });

  it('puts featuremedia first, keeps delivery order of topics and drops case duplicates', () => {
    const item = parseOne(Buffer.from(JSON.stringify({
      uri: 'u', headline: 'h', keywords: ['Oil', 'oil', 'Gas'], subject: [{ name: 'Gas' }, { name: 'Energy', code: 'x' }, { code: 'no-name' }],
      associations: {
        gallery1: { type: 'picture', renditions: { thumb: { href: 'https://cdn.example/t.jpg', width: 100 } } },
        featuremedia: {
          type: 'picture',
          renditions: {
            small: { href: 'https://cdn.example/s.jpg', width: 300 },
            big: { href: 'https://cdn.example/b.jpg', width: 2000 },
          },
        },
      },
    })), '/tmp');
    expect(item.topics).toEqual(['Oil', 'Gas', 'Energy']);
    expect(item.pictures.map((p) => [p.role, p.href])).toEqual([
      ['featuremedia', 'https://cdn.example/b.jpg'],
      ['gallery1', 'https://cdn.example/t.jpg'],
    ]);
  });
});
