import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './support/cli.js';
import { seedDir, seedNinjs, wireFixtures } from './support/paths.js';
import { startSite, type TestSite } from './support/site.js';
import { snapshotDataDir } from './support/snapshot.js';

const seedItem = JSON.parse(fs.readFileSync(seedNinjs, 'utf8')) as Record<string, unknown>;
const withPicture = (href: string) => ({
  ...seedItem,
  uri: 'urn:test:broken-picture',
  associations: { featuremedia: { type: 'picture', description_text: 'c', renditions: { original: { href } } } },
});

/** name, file content (string or JSON), what the one-line error must say, extra args. */
const cases: [string, string | object, RegExp, string[]?][] = [
  ['text that is not JSON', '{"uri": "urn:x", "headline": ', /not a valid NINJS item: the file is not valid JSON/],
  ['an empty file', '', /the file is empty/],
  ['a JSON array', [{ uri: 'urn:x' }], /expected one JSON object, found an array/],
  ['a JSON string', '"just text"', /unrecognised wire format \(supported: ninjs-1\)/],
  ['JSON null', 'null', /unrecognised wire format/],
  ['a JSON number inside an array', '[1]', /expected one JSON object, found an array/],
  ['an item without uri', { headline: 'No uri', body_html: '<p>x</p>' }, /uri: /],
  ['keywords that are not strings', { uri: 'urn:x', headline: 'h', keywords: [1, 2] }, /keywords\.0: /],
  ['a firstcreated that is not a date', { uri: 'urn:x', headline: 'h', firstcreated: 'yesterday' }, /firstcreated: must be a date-time/],
  ['a pubstatus NINJS does not define', { uri: 'urn:x', headline: 'h', pubstatus: 'maybe' }, /pubstatus: /],
  ['an item without a headline', { uri: 'urn:x', body_html: '<p>Body only</p>' }, /has no headline/],
  ['a headline that is only markup', { uri: 'urn:x', headline: '<script>x</script>' }, /has no headline/],
  ['a picture item, not a story', { uri: 'urn:x', type: 'picture', headline: 'A photo' }, /is a picture item, not a story/],
  ['a withdrawn item', { ...seedItem, uri: 'urn:x', pubstatus: 'canceled' }, /pubstatus "canceled": the agency says it must not be published/],
  ['an embargoed item with --publish', { ...seedItem, uri: 'urn:x', embargoed: '2999-01-01T00:00:00Z' }, /embargoed until 2999-01-01T00:00:00.000Z/],
  ['a picture whose file is missing', withPicture('missing.jpg'), /cannot read rendition .*missing\.jpg: ENOENT/],
  ['a picture outside the item folder', withPicture('../../../../etc/passwd'), /points outside the item's folder/],
  ['a picture that is not an image', withPicture('not-an-image.jpg'), /not a readable image/],
  ['an unknown section', seedItem, /unknown section "sport" \(known: global\)/, ['--section', 'sport']],
  ['a picture that is cut off half-way', withPicture('truncated.jpg'), /the image cannot be decoded/],
  ['a picture linked to a file outside the folder', withPicture('sneaky.jpg'), /links outside the item's folder/],
  ['a picture on a remote server', withPicture('https://agency.example/pic.jpg'), /remote rendition .* is not fetched by a file import/],
  ['a date without a time zone', { ...seedItem, uri: 'urn:x', firstcreated: '2019-04-30T08:00:00' }, /firstcreated: must be a date-time with a zone/],
  ['an impossible date', { ...seedItem, uri: 'urn:x', versioncreated: '2019-02-30T08:00:00Z' }, /versioncreated: must be a date-time/],
  ['an href that is not a file reference', withPicture('%E0%A4%A.jpg'), /is not a valid file reference/],
];

describe('dateline import refuses a bad wire file with one clear line, exit code 1, and writes nothing', () => {
  let site: TestSite;
  let dir: string;
  let before: ReturnType<typeof snapshotDataDir>;

  beforeAll(async () => {
    site = await startSite('malformed', { sections: ['Global'] });
    const ok = await site.cli(['import', seedNinjs, '--section', 'global', '--publish']);
    expect(ok.code).toBe(0);
    dir = tempDataDir('malformed-items');
    fs.copyFileSync(path.join(seedDir, 'lead.jpg'), path.join(dir, 'lead.jpg'));
    fs.writeFileSync(path.join(dir, 'not-an-image.jpg'), 'this is text, not a JPEG');
    const jpeg = fs.readFileSync(path.join(seedDir, 'lead.jpg'));
    fs.writeFileSync(path.join(dir, 'truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 3)));
    fs.symlinkSync(path.join(seedDir, 'lead.jpg'), path.join(dir, 'sneaky.jpg'));
    before = snapshotDataDir(site.dataDir);
  });
  afterAll(() => site?.close());

  for (const [name, content, reason, args] of cases) {
    it(`refuses ${name}`, async () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
      fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      const r = await site.cli(['import', file, ...(args ?? ['--section', 'global', '--publish'])]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^dateline import: /);
      expect(r.stderr).toMatch(reason);
      expect(snapshotDataDir(site.dataDir)).toEqual(before);
    });
  }

  it('refuses a file that does not exist', async () => {
    const r = await site.cli(['import', path.join(dir, 'nowhere.json'), '--section', 'global']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read .*nowhere\.json: ENOENT/);
  });

  it('refuses NINJS 2.x with a pointer to what it reads', async () => {
    const file = path.join(wireFixtures, 'ninjs/2.x/iptc-examples-2.1/ninjsExSimpleText_2.json');
    const r = await site.cli(['import', file, '--section', 'global']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/NINJS 2.*(not supported yet|this importer reads NINJS 1\.x)/);
    expect(snapshotDataDir(site.dataDir)).toEqual(before);
  });

  it('refuses the IPTC schema fragments that are not even JSON', async () => {
    const failDir = path.join(wireFixtures, 'ninjs/conformance');
    const notJson = fs.readdirSync(failDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('should_fail') && f.endsWith('.json'))
      .map((f) => path.join(failDir, f))
      .filter((f) => { try { JSON.parse(fs.readFileSync(f, 'utf8')); return false; } catch { return true; } });
    expect(notJson.length).toBeGreaterThan(0);
    for (const file of notJson) {
      const r = await site.cli(['import', file, '--section', 'global']);
      expect(r.code, file).toBe(1);
      expect(r.stderr, file).toMatch(/not valid JSON/);
    }
    expect(snapshotDataDir(site.dataDir)).toEqual(before);
  });

  it('explains wrong usage with exit code 2', async () => {
    const noSection = await site.cli(['import', seedNinjs]);
    expect(noSection.code).toBe(2);
    expect(noSection.stderr).toMatch(/--section SLUG is required\nUsage: dateline import FILE/);
    const noFile = await site.cli(['import', '--section', 'global']);
    expect(noFile.code).toBe(2);
    const unknownFlag = await site.cli(['import', seedNinjs, '--section', 'global', '--pubish']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/--pubish/);
  });
});
