import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './support/cli.js';
import { seedDir, seedNinjs, wireFixtures } from './support/paths.js';
import { startSite, type TestSite } from './support/site.js';
import { snapshotDataDir } from './support/snapshot.js';
import { rows, storySnapshot } from './support/wire.js';

const seedItem = JSON.parse(fs.readFileSync(seedNinjs, 'utf8')) as Record<string, unknown>;
const withPicture = (href: string) => ({
  ...seedItem,
  uri: 'urn:test:broken-picture',
  associations: { featuremedia: { type: 'picture', description_text: 'c', renditions: { original: { href } } } },
});

/** Deliveries that cannot be read at all: name, content, what the one-line reason must say. */
const unreadable: [string, string | object, RegExp][] = [
  ['text that is not JSON', '{"uri": "urn:x", "headline": ', /the file is not valid JSON/],
  ['an empty file', '', /the file is empty/],
  ['a JSON array of nothing Dateline reads', [{ uri: 'urn:x' }], /unrecognised wire format/],
  ['a JSON string', '"just text"', /neither JSON nor XML|unrecognised wire format/],
  ['JSON null', 'null', /neither JSON nor XML|unrecognised wire format/],
  ['a JSON number inside an array', '[1]', /unrecognised wire format/],
  ['an item without uri', { headline: 'No uri', body_html: '<p>x</p>' }, /uri: /],
  ['keywords that are not strings', { uri: 'urn:x', headline: 'h', keywords: [1, 2] }, /keywords\.0: /],
  ['a firstcreated that is not a date', { uri: 'urn:x', headline: 'h', firstcreated: 'yesterday' }, /firstcreated: must be a date-time/],
  ['a pubstatus NINJS does not define', { uri: 'urn:x', headline: 'h', pubstatus: 'maybe' }, /pubstatus: /],
  ['a picture outside the item folder', withPicture('../../../../etc/passwd'), /points outside the item's folder/],
  ['a date without a time zone', { ...seedItem, uri: 'urn:x', firstcreated: '2019-04-30T08:00:00' }, /firstcreated: must be a date-time with a zone/],
  ['an impossible date', { ...seedItem, uri: 'urn:x', versioncreated: '2019-02-30T08:00:00Z' }, /versioncreated: must be a date-time/],
  ['an href that is not a file reference', withPicture('%E0%A4%A.jpg'), /is not a valid file reference/],
  ['XML that is not well-formed', '<?xml version="1.0"?><rss><channel><item></channel></rss>', /not well-formed XML: line 1/],
];

/** Items that read but cannot become a story: they wait in the wire queue, and no story is written. */
const notFiled: [string, object, RegExp][] = [
  ['an item without a headline', { uri: 'urn:x:no-headline', body_html: '<p>Body only</p>' }, /has no headline/],
  ['a headline that is only markup', { uri: 'urn:x:markup', headline: '<script>x</script>' }, /has no headline/],
  ['a picture whose file is missing', withPicture('missing.jpg'), /cannot read rendition .*missing\.jpg: ENOENT/],
  ['a picture that is not an image', withPicture('not-an-image.jpg'), /not a readable image/],
  ['a picture that is cut off half-way', withPicture('truncated.jpg'), /the image cannot be decoded/],
  ['a picture linked to a file outside the folder', withPicture('sneaky.jpg'), /links outside the item's folder/],
];

describe('dateline import keeps an unreadable delivery in quarantine, byte for byte, and writes no story', () => {
  let site: TestSite;
  let dir: string;

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
  });
  afterAll(() => site?.close());

  const write = (name: string, content: string | object) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  for (const [name, content, reason] of unreadable) {
    it(`quarantines ${name}`, async () => {
      const file = write(name, content);
      const before = snapshotDataDir(site.dataDir);
      const r = await site.cli(['import', file, '--section', 'global', '--publish']);
      expect(r.code).toBe(1);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^dateline import: /);
      expect(r.stderr).toMatch(reason);
      expect(r.stderr).toMatch(/\(quarantined as #\d+\)$/m);
      expect(r.stdout).toMatch(/^imported 0, updated 0, unchanged 0, quarantined 1 /);
      const after = snapshotDataDir(site.dataDir);
      // Nothing but one quarantine entry is written, and it holds the delivery's exact bytes.
      expect({ ...after.tables, wire_quarantine: [] }).toEqual({ ...before.tables, wire_quarantine: [] });
      expect(after.media).toEqual(before.media);
      const held = rows<{ bytes: string; reason: string; file_name: string }>(site.dataDir, 'wire_quarantine').find((q) => q.file_name === path.basename(file))!;
      expect(Buffer.from(held.bytes, 'hex').equals(fs.readFileSync(file))).toBe(true);
      expect(held.reason).toMatch(reason);
    });
  }

  for (const [name, content, reason] of notFiled) {
    it(`keeps ${name} in the wire queue and writes no story`, async () => {
      const file = write(name, content);
      const before = storySnapshot(site.dataDir);
      const r = await site.cli(['import', file, '--section', 'global', '--publish']);
      expect(r.code).toBe(1);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^dateline import: .*: not filed: /);
      expect(r.stderr).toMatch(reason);
      expect(storySnapshot(site.dataDir)).toEqual(before);
      expect(rows<{ uri: string }>(site.dataDir, 'wire_items').map((i) => i.uri)).toContain((content as { uri: string }).uri);
    });
  }

  it('keeps a picture item in the queue without calling it an error', async () => {
    const before = storySnapshot(site.dataDir);
    const r = await site.cli(['import', write('picture-item', { uri: 'urn:x:photo', type: 'picture', headline: 'A photo' }), '--section', 'global']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^queued: wire item \d+ "A photo"/);
    expect(storySnapshot(site.dataDir)).toEqual(before);
  });

  it('refuses an unknown section before reading anything', async () => {
    const before = snapshotDataDir(site.dataDir);
    const r = await site.cli(['import', seedNinjs, '--section', 'sport']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown section "sport" \(known: global\)/);
    expect(snapshotDataDir(site.dataDir)).toEqual(before);
  });

  it('refuses a file that does not exist', async () => {
    const r = await site.cli(['import', path.join(dir, 'nowhere.json'), '--section', 'global']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read .*nowhere\.json: ENOENT/);
  });

  it('quarantines the IPTC schema fragments that are not even JSON', async () => {
    const failDir = path.join(wireFixtures, 'ninjs/conformance');
    const notJson = fs.readdirSync(failDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('should_fail') && f.endsWith('.json'))
      .map((f) => path.join(failDir, f))
      .filter((f) => { try { JSON.parse(fs.readFileSync(f, 'utf8')); return false; } catch { return true; } });
    expect(notJson.length).toBeGreaterThan(0);
    const before = storySnapshot(site.dataDir);
    const r = await site.cli(['import', ...notJson, '--section', 'global']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(notJson.length);
    for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(/not valid JSON.*\(quarantined as #\d+\)$/);
    expect(r.stdout).toMatch(new RegExp(`quarantined ${notJson.length} `));
    expect(storySnapshot(site.dataDir)).toEqual(before);
  });

  it('explains wrong usage with exit code 2', async () => {
    const noFile = await site.cli(['import', '--section', 'global']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/give at least one PATH to import\nUsage: dateline import PATH/);
    const publishNowhere = await site.cli(['import', seedNinjs, '--publish']);
    expect(publishNowhere.code).toBe(2);
    expect(publishNowhere.stderr).toMatch(/--publish needs --section SLUG/);
    const unknownFlag = await site.cli(['import', seedNinjs, '--section', 'global', '--pubish']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/--pubish/);
  });
});
