import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Dateline } from '../src/app/index.js';
import { tempDataDir } from './support/cli.js';
import { seedDir, seedNinjs } from './support/paths.js';
import { until } from './support/until.js';
import { startSite, type TestSite } from './support/site.js';
import { rows } from './support/wire.js';


const seed = fs.readFileSync(seedNinjs, 'utf8');
const item = (n: number) => JSON.stringify({ ...JSON.parse(seed), uri: `urn:test:folder:${n}`, headline: `Folder story number ${n}` });

const feed = (entries: number[]) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Agency Feed</title><link>https://agency.example/</link><description>d</description>
${entries.map((n) => `<item><guid>https://agency.example/stories/${n}</guid><title>Feed story ${n}</title>
<link>https://agency.example/stories/${n}</link><pubDate>Mon, 01 Jun 2026 0${n}:00:00 GMT</pubDate>
<description>&lt;p&gt;Paragraph of story ${n}.&lt;/p&gt;</description></item>`).join('\n')}
</channel></rss>`;

describe('wire sources', () => {
  let site: TestSite;
  let clock = new Date('2026-06-01T12:00:00Z');
  const others: Dateline[] = [];

  beforeAll(async () => {
    site = await startSite('wire-sources', { sections: ['Global'], now: () => clock, env: { WIRE_INTERVAL_MS: '150' } });
  });
  afterAll(async () => {
    for (const d of others) await d.close();
    await site?.close();
  });

  it('a watched folder takes in each settled file, files drafts, and moves files to done/ or failed/', async () => {
    const inbox = tempDataDir('wire-inbox');
    const added = await site.cli(['source', 'add', 'inbox', '--kind', 'folder', '--path', inbox, '--section', 'global', '--draft', '--every', '1']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^added folder source inbox \(drafts in global; every 1 s\)/);
    fs.copyFileSync(path.join(seedDir, 'lead.jpg'), path.join(inbox, 'lead.jpg'));
    fs.writeFileSync(path.join(inbox, 'story-1.json'), item(1));
    fs.writeFileSync(path.join(inbox, 'broken.xml'), '<newsItem><unclosed></newsItem>');
    // An upload still in progress is left alone.
    fs.writeFileSync(path.join(inbox, 'story-2.json.part'), item(2));
    await until('the files to be moved', () => {
      clock = new Date(clock.getTime() + 1500);
      return fs.existsSync(path.join(inbox, 'done', 'story-1.json')) && fs.existsSync(path.join(inbox, 'failed', 'broken.xml'));
    });
    expect(fs.existsSync(path.join(inbox, 'story-2.json.part'))).toBe(true);
    expect(fs.existsSync(path.join(inbox, 'lead.jpg'))).toBe(true);
    const story = rows<{ uri: string; status: string; lead_image_id: number | null }>(site.dataDir, 'articles').find((a) => a.uri === 'urn:test:folder:1')!;
    expect(story.status).toBe('draft');
    expect(story.lead_image_id).not.toBeNull();
    expect(rows<{ file_name: string; reason: string }>(site.dataDir, 'wire_quarantine').find((q) => q.file_name === 'broken.xml')!.reason).toMatch(/not well-formed XML/);
    const source = rows<{ slug: string; last_run_at: string | null; last_error: string | null }>(site.dataDir, 'wire_sources').find((s) => s.slug === 'inbox')!;
    expect(source.last_run_at).not.toBeNull();
    expect(source.last_error).toBeNull();
  });

  it('an item whose picture has not arrived yet waits in the folder and is filed with it once it comes', async () => {
    const inbox = rows<{ slug: string; location: string }>(site.dataDir, 'wire_sources').find((x) => x.slug === 'inbox')!.location;
    const late = { ...JSON.parse(seed), uri: 'urn:test:folder:late', headline: 'Picture comes later',
      associations: { featuremedia: { type: 'picture', description_text: 'Late picture', renditions: { original: { href: 'late.jpg' } } } } };
    fs.writeFileSync(path.join(inbox, 'late.json'), JSON.stringify(late));
    // Several passes go by: the file stays where it is, no story yet.
    const passes = rows<{ slug: string; last_run_at: string }>(site.dataDir, 'wire_sources').find((x) => x.slug === 'inbox')!.last_run_at;
    // During a pass the file sits in processing/ (claimed), then goes back: either place is "waiting".
    const waiting = () => [path.join(inbox, 'late.json'), path.join(inbox, 'processing', 'late.json')]
      .map((f) => { try { return fs.statSync(f).mtimeMs; } catch { return null; } }).find((m) => m !== null) ?? null;
    await until('three more passes', () => {
      clock = new Date(clock.getTime() + 1500);
      const since = waiting();
      return rows<{ slug: string; last_run_at: string }>(site.dataDir, 'wire_sources').find((x) => x.slug === 'inbox')!.last_run_at > passes
        && since !== null && Date.now() - since > 2500;
    });
    expect(waiting()).not.toBeNull();
    expect(fs.existsSync(path.join(inbox, 'failed', 'late.json'))).toBe(false);
    fs.copyFileSync(path.join(seedDir, 'lead.jpg'), path.join(inbox, 'late.jpg'));
    await until('the story with its picture', () => {
      clock = new Date(clock.getTime() + 1500);
      return fs.existsSync(path.join(inbox, 'done', 'late.json'));
    });
    const story = rows<{ uri: string; lead_image_id: number | null }>(site.dataDir, 'articles').find((a) => a.uri === 'urn:test:folder:late')!;
    expect(story.lead_image_id).not.toBeNull();
  });

  it('several servers watching the same folder take each file in once', async () => {
    const inbox = tempDataDir('wire-shared-inbox');
    expect((await site.cli(['source', 'add', 'shared', '--kind', 'folder', '--path', inbox, '--every', '1'])).code).toBe(0);
    for (let i = 0; i < 2; i++) others.push(await build(site.config, { logger: false, now: () => clock }));
    for (let n = 100; n < 130; n++) fs.writeFileSync(path.join(inbox, `item-${n}.json`), item(n));
    await until('every file done', () => {
      clock = new Date(clock.getTime() + 1500);
      return fs.existsSync(path.join(inbox, 'done')) && fs.readdirSync(path.join(inbox, 'done')).length === 30;
    });
    const items = rows<{ uri: string; version_count: number }>(site.dataDir, 'wire_items').filter((i) => /folder:1[0-2]\d$/.test(i.uri));
    expect(items).toHaveLength(30);
    expect(items.every((i) => i.version_count === 1)).toBe(true);
    for (const d of others.splice(0)) await d.close();
  });

  it('a polled feed is fetched conditionally and only new entries become new items', async () => {
    let entries = [1, 2];
    const requests: { etag: string | undefined }[] = [];
    const server = http.createServer((req, res) => {
      requests.push({ etag: req.headers['if-none-match'] as string | undefined });
      const tag = `"v${entries.length}"`;
      if (req.headers['if-none-match'] === tag) return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: tag }).end(feed(entries));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.rss`;
      const tooOften = await site.cli(['source', 'add', 'agency', '--kind', 'poll', '--url', url, '--every', '5']);
      expect(tooOften.code).toBe(1);
      expect(tooOften.stderr).toMatch(/at most every 30 seconds/);
      expect((await site.cli(['source', 'add', 'agency', '--kind', 'poll', '--url', url, '--every', '60'])).code).toBe(0);
      const feedItems = () => rows<{ uri: string; headline: string; agency: string }>(site.dataDir, 'wire_items').filter((i) => i.uri.startsWith('https://agency.example/'));
      await until('the first poll', () => feedItems().length === 2);
      expect(feedItems().map((i) => [i.headline, i.agency]).sort()).toEqual([['Feed story 1', 'Agency Feed'], ['Feed story 2', 'Agency Feed']]);

      // Not due yet: no request. Due, unchanged: a conditional request answered 304.
      const made = requests.length;
      await new Promise((r) => setTimeout(r, 500));
      expect(requests.length).toBe(made);
      clock = new Date(clock.getTime() + 61_000);
      await until('a conditional poll', () => requests.length === made + 1);
      expect(requests.at(-1)!.etag).toBe('"v2"');

      entries = [1, 2, 3];
      clock = new Date(clock.getTime() + 61_000);
      await until('the new entry', () => feedItems().length === 3);
      expect(rows(site.dataDir, 'wire_versions').filter((v: any) => /^http:\/\/127/.test(v.file_name))).toHaveLength(3);
      const list = await site.cli(['source', 'list']);
      expect(list.stdout).toMatch(/^agency\tpoll\thttp:\/\/127\.0\.0\.1:\d+\/feed\.rss\twire queue; every 60 s last run /m);
    } finally {
      server.close();
    }
  });

  it('source commands explain bad input and manage sources', async () => {
    const missing = await site.cli(['source', 'add', 'nowhere', '--kind', 'folder', '--path', '/does/not/exist']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/the folder "\/does\/not\/exist" does not exist/);
    expect((await site.cli(['source', 'add', 'Bad Name', '--kind', 'push'])).stderr).toMatch(/must be lower-case letters/);
    expect((await site.cli(['source', 'add', 'x', '--kind', 'carrier-pigeon'])).code).toBe(2);
    expect((await site.cli(['source', 'add', 'pub', '--kind', 'push', '--publish'])).stderr).toMatch(/needs a section/);
    expect((await site.cli(['source', 'disable', 'agency'])).stdout).toMatch(/^disabled agency/);
    expect((await site.cli(['source', 'list'])).stdout).toMatch(/^agency\t.*\[disabled\]/m);
    expect((await site.cli(['source', 'remove', 'agency'])).stdout).toMatch(/removed agency \(its items stay in the wire queue\)/);
    expect((await site.cli(['source', 'remove', 'agency'])).code).toBe(1);
  });
});
