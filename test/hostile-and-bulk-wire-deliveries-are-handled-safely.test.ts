import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './support/cli.js';
import { seedDir, seedNinjs } from './support/paths.js';
import { addPushSource, push } from './support/push.js';
import { startSite, type TestSite } from './support/site.js';
import { snapshotDataDir } from './support/snapshot.js';
import { rows } from './support/wire.js';

const secret = 'TOP-SECRET-LOCAL-FILE-CONTENT';

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><guid>x</guid></item></channel></rss>`;

const xxe = (file: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE newsItem [ <!ENTITY leak SYSTEM "file://${file}"> ]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:xxe" version="1" standard="NewsML-G2" standardversion="2.29">
 <itemMeta><itemClass qcode="ninat:text"/><provider literal="evil"/><versionCreated>2026-06-01T10:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
 <contentMeta><headline>&leak;</headline></contentMeta>
 <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&leak;</p></body></html></inlineXML></contentSet>
</newsItem>`;

/** A zip archive of stored (uncompressed) entries; `link` entries are symbolic links. */
function zip(entries: { name: string; data: string; link?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data);
    const name = Buffer.from(e.name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(0x031e, 4); dir.writeUInt16LE(20, 6); dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20); dir.writeUInt32LE(data.length, 24); dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(((e.link ? 0o120777 : 0o100644) << 16) >>> 0, 38); dir.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(dir, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('hostile XML is refused and reported, and nothing it names is read', () => {
  let site: TestSite;
  let dir: string;
  let token: string;
  let secretFile: string;

  beforeAll(async () => {
    site = await startSite('hostile-xml', { sections: ['Global'] });
    token = await addPushSource(site, 'relay', ['--section', 'global', '--publish']);
    dir = tempDataDir('hostile-xml-files');
    secretFile = path.join(dir, 'secret.txt');
    fs.writeFileSync(secretFile, secret);
  });
  afterAll(() => site?.close());

  const databaseText = () => JSON.stringify(snapshotDataDir(site.dataDir).tables).replace(/"bytes":"[0-9a-f]*"/g, '');

  it('refuses a billion-laughs document in a file and in a push, without expanding it', async () => {
    const file = path.join(dir, 'laughs.rss');
    fs.writeFileSync(file, billionLaughs);
    const r = await site.cli(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/declares XML entities .*XML bombs.*\(quarantined as #\d+\)/);
    const pushed = await push(site, 'relay', token, billionLaughs, 'application/rss+xml');
    expect(pushed.status).toBe(422);
    expect(pushed.json.error.message).toMatch(/declares XML entities/);
    expect(databaseText()).not.toContain('lollollol');
  });

  it('refuses an external entity pointing at a local file, and the file never reaches the database', async () => {
    for (const target of [secretFile, '/etc/passwd']) {
      const file = path.join(dir, 'xxe.xml');
      fs.writeFileSync(file, xxe(target));
      const r = await site.cli(['import', file, '--section', 'global', '--publish']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/declares XML entities.*XXE/);
      const pushed = await push(site, 'relay', token, xxe(target), 'application/xml');
      expect(pushed.status).toBe(422);
    }
    expect(databaseText()).not.toContain(secret);
    expect(databaseText()).not.toContain('root:x:0:0');
    expect(rows<{ uri: string }>(site.dataDir, 'wire_items').map((i) => i.uri)).not.toContain('urn:test:xxe');
  });

  it('refuses bytes that are not valid in the declared encoding, and oversized files', async () => {
    const bad = path.join(dir, 'bad-utf8.xml');
    fs.writeFileSync(bad, Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('</title></channel></rss>')]));
    const r = await site.cli(['import', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bytes that are not valid utf-8: at or after byte \d+/);
    const huge = path.join(dir, 'huge.json');
    fs.writeFileSync(huge, Buffer.alloc(21 * 1024 * 1024, 0x20));
    const h = await site.cli(['import', huge]);
    expect(h.code).toBe(1);
    expect(h.stderr).toMatch(/huge\.json \(22020096 bytes; at most 20971520\)/);
  });
});

describe('dateline import takes folders and archives of many items, and one bad item never stops the others', () => {
  let site: TestSite;
  let dir: string;

  beforeAll(async () => {
    site = await startSite('bulk-import', { sections: ['Global'] });
    dir = tempDataDir('bulk-items');
  });
  afterAll(() => site?.close());

  const ninjs = (n: number) => JSON.stringify({ uri: `urn:test:bulk:${n}`, headline: `Bulk story ${n}`, versioncreated: '2026-06-01T10:00:00Z', body_html: `<p>Story ${n}.</p>` });

  it('imports a folder tree, a tar.gz and a zip, with a progress summary, and quarantines only the bad ones', async () => {
    const tree = path.join(dir, 'tree', 'a', 'b');
    fs.mkdirSync(tree, { recursive: true });
    for (let n = 0; n < 5; n++) fs.writeFileSync(path.join(tree, `item-${n}.json`), ninjs(n));
    fs.writeFileSync(path.join(tree, 'broken.json'), '{ nope');
    fs.copyFileSync(path.join(seedDir, 'lead.jpg'), path.join(tree, 'picture.jpg'));

    const tarDir = path.join(dir, 'for-tar');
    fs.mkdirSync(path.join(tarDir, 'inner'), { recursive: true });
    for (let n = 10; n < 15; n++) fs.writeFileSync(path.join(tarDir, 'inner', `item-${n}.json`), ninjs(n));
    fs.copyFileSync(seedNinjs, path.join(tarDir, 'seed.json'));
    fs.copyFileSync(path.join(seedDir, 'lead.jpg'), path.join(tarDir, 'lead.jpg'));
    const tarball = path.join(dir, 'batch.tar.gz');
    execFileSync('tar', ['-czf', tarball, '-C', tarDir, '.']);

    const archive = path.join(dir, 'batch.zip');
    fs.writeFileSync(archive, zip([
      ...[20, 21, 22].map((n) => ({ name: `zip/item-${n}.json`, data: ninjs(n) })),
      { name: '../escape.json', data: ninjs(99) },
      { name: 'link.json', data: '/etc/passwd', link: true },
    ]));

    const r = await site.cli(['import', path.join(dir, 'tree'), tarball, archive, '--section', 'global']);
    expect(r.stdout.trim().split('\n').pop()).toMatch(/^imported 14, updated 0, unchanged 0, quarantined 1 \(15 files, 14 items in [\d.]+ s, \d+ items\/s\)$/);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.json: .*not valid JSON.*\(quarantined as #\d+\)/);
    const uris = rows<{ uri: string }>(site.dataDir, 'articles').map((a) => a.uri);
    for (const n of [0, 4, 10, 14, 20, 22]) expect(uris).toContain(`urn:test:bulk:${n}`);
    expect(uris).not.toContain('urn:test:bulk:99');
    // The seed item inside the tarball kept its picture from beside it.
    const seedStory = rows<{ uri: string; lead_image_id: number | null }>(site.dataDir, 'articles').find((a) => a.uri?.includes('isis-fighters'))!;
    expect(seedStory.lead_image_id).not.toBeNull();
    expect(fs.existsSync(path.join(dir, 'escape.json'))).toBe(false);
  });

  it('takes a feed as one item per entry and quarantines just the entry that cannot be read', async () => {
    const file = path.join(dir, 'feed.atom');
    fs.writeFileSync(file, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Agency</title><id>urn:feed</id><updated>2026-06-01T10:00:00Z</updated>
<entry><id>urn:test:atom:1</id><title>First entry</title><updated>2026-06-01T10:00:00Z</updated><content type="html">&lt;p&gt;One&lt;/p&gt;</content></entry>
<entry></entry>
<entry><id>urn:test:atom:3</id><title>Third entry</title><updated>2026-06-01T10:00:00Z</updated><content type="html">&lt;p&gt;Three&lt;/p&gt;</content></entry>
</feed>`);
    const r = await site.cli(['import', file]);
    expect(r.stdout.trim().split('\n').pop()).toMatch(/^imported 2, updated 0, unchanged 0, quarantined 1 /);
    const held = rows<{ bytes: string; reason: string }>(site.dataDir, 'wire_quarantine').at(-1)!;
    expect(Buffer.from(held.bytes, 'hex').toString()).toMatch(/<entry/);
    expect(rows<{ uri: string }>(site.dataDir, 'wire_items').map((i) => i.uri)).toEqual(expect.arrayContaining(['urn:test:atom:1', 'urn:test:atom:3']));
  });
});
