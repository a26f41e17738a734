import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDir, seedNinjs } from './support/paths.js';
import { signIn, type Client } from './support/http.js';
import { addPushSource, push } from './support/push.js';
import { get, startSite, type TestSite } from './support/site.js';
import { rows } from './support/wire.js';

const seed = JSON.parse(fs.readFileSync(seedNinjs, 'utf8')) as Record<string, unknown>;
const { associations: _pictures, ...seedText } = seed;

/** A version of one agency item, as the agency would push it. */
const version = (uri: string, v: number, extra: Record<string, unknown> = {}) => JSON.stringify({
  ...seedText, uri, version: String(v), firstcreated: '2026-06-01T08:00:00Z',
  versioncreated: new Date(Date.UTC(2026, 5, 1, 8 + v)).toISOString(), headline: `Version ${v} of the story ${uri.slice(-6)}`, ...extra,
});

describe('agency versions, kills and embargoes, pushed over HTTP and seen on the site', () => {
  let site: TestSite;
  let token: string;
  let editor: Client;
  let clock = new Date('2026-06-01T12:00:00Z');

  beforeAll(async () => {
    site = await startSite('wire-versions', { sections: ['Global'], now: () => clock, env: { SCHEDULER_INTERVAL_MS: '60000', WIRE_INTERVAL_MS: '60000' } });
    token = await addPushSource(site, 'afp', ['--section', 'global', '--publish', '--topics', 'Wire']);
    await site.addUser('desk@example.org', 'editor');
    editor = await signIn(site, 'desk@example.org');
  });
  afterAll(() => site?.close());

  const storyOf = async (articleId: number) => (await editor.api('GET', `/articles/${articleId}`)).json;

  it('v1, v3, v2 delivered in that order leave v3, and keep v1 and v3', async () => {
    const uri = 'urn:test:versions:000001';
    const outcomes = [];
    for (const v of [1, 3, 2]) outcomes.push((await push(site, 'afp', token, version(uri, v))).json.items[0].outcome);
    expect(outcomes).toEqual(['new', 'updated', 'stale']);
    const item = rows<{ id: number; uri: string; version: string; article_id: number; version_count: number }>(site.dataDir, 'wire_items').find((i) => i.uri === uri)!;
    expect(item).toMatchObject({ version: '3', version_count: 2 });
    const story = await storyOf(item.article_id);
    expect(story.headline).toBe('Version 3 of the story 000001');
    expect(story.status).toBe('published');
    expect(story.topics).toContain('Wire');
    const page = await get(site, story.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Version 3 of the story 000001');
    expect(rows(site.dataDir, 'articles').filter((a: any) => a.uri === uri)).toHaveLength(1);
  });

  it('the same item pushed twice leaves one item, one version, one story', async () => {
    const body = version('urn:test:versions:000002', 1);
    const first = await push(site, 'afp', token, body);
    const before = { versions: rows(site.dataDir, 'wire_versions').length, articles: rows(site.dataDir, 'articles').length, revisions: rows(site.dataDir, 'revisions').length };
    const second = await push(site, 'afp', token, body);
    expect([first.json.items[0].outcome, second.json.items[0].outcome]).toEqual(['new', 'unchanged']);
    expect(second.json.items[0].story).toBeNull();
    expect({ versions: rows(site.dataDir, 'wire_versions').length, articles: rows(site.dataDir, 'articles').length, revisions: rows(site.dataDir, 'revisions').length })
      .toEqual(before);
  });

  it('an embargoed item is scheduled, stays off the site until its time, then goes live with nobody there', async () => {
    const uri = 'urn:test:versions:000003';
    const embargo = new Date(clock.getTime() + 3_600_000);
    const r = await push(site, 'afp', token, version(uri, 1, { embargoed: embargo.toISOString(), headline: 'Embargoed results of the vote' }));
    expect(r.json.items[0].story).toMatchObject({ action: 'created', status: 'scheduled' });
    const id = r.json.items[0].articleId;
    expect((await storyOf(id)).status).toBe('scheduled');
    await site.dateline.scheduler!.tick();
    expect((await get(site, '/')).body).not.toContain('Embargoed results of the vote');
    expect((await get(site, '/search?q=embargoed+results')).body).not.toContain('Embargoed results of the vote');
    // An editor cannot publish it early either.
    const early = await editor.api('POST', `/articles/${id}/status`, { status: 'published' });
    expect(early.status).toBe(400);
    expect(early.json.error.message).toMatch(/embargo runs until/);
    const tooSoon = await editor.api('POST', `/articles/${id}/status`, { status: 'scheduled', at: new Date(embargo.getTime() - 60_000).toISOString() });
    expect(tooSoon.status).toBe(400);

    clock = new Date(embargo.getTime() + 1000);
    await site.dateline.scheduler!.tick();
    const story = await storyOf(id);
    expect(story.status).toBe('published');
    expect(story.firstPublishedAt).toBe(embargo.toISOString());
    expect((await get(site, story.url)).status).toBe(200);
    expect((await get(site, '/')).body).toContain('Embargoed results of the vote');
  });

  it('a kill takes the published story down with a notice and alerts the desk until acknowledged', async () => {
    const uri = 'urn:test:versions:000001';
    const r = await push(site, 'afp', token, version(uri, 4, { pubstatus: 'canceled' }));
    expect(r.json.items[0]).toMatchObject({ outcome: 'updated', story: { action: 'killed', status: 'unpublished' } });
    const story = await storyOf(r.json.items[0].articleId);
    const page = await get(site, story.url);
    expect(page.status).toBe(410);
    expect(page.body).toContain('This story has been removed');

    const desk = await fetch(`${site.url}/newsroom/wire`, { headers: { cookie: editor.cookie } }).then((res) => res.text());
    expect(desk).toMatch(/KILL.*AFP killed &quot;Version 4 of the story 000001&quot;: the story was taken down/s);
    const home = await fetch(`${site.url}/newsroom`, { headers: { cookie: editor.cookie } }).then((res) => res.text());
    expect(home).toContain('Agency alerts');
    const alertId = /\/newsroom\/wire\/alerts\/(\d+)\/acknowledge/.exec(desk)![1];
    const ack = await fetch(`${site.url}/newsroom/wire/alerts/${alertId}/acknowledge`, {
      method: 'POST', redirect: 'manual', headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: editor.csrf }).toString(),
    });
    expect(ack.status).toBe(303);
    expect(await fetch(`${site.url}/newsroom`, { headers: { cookie: editor.cookie } }).then((res) => res.text())).not.toContain('Agency alerts');
    expect(rows(site.dataDir, 'audit_log').some((e: any) => e.action === 'kill' && e.subject === `article:${story.id}`)).toBe(true);
  });

  it('a kill of an embargoed story keeps it off the site for good', async () => {
    const uri = 'urn:test:versions:000004';
    const embargo = new Date(clock.getTime() + 3_600_000);
    const scheduled = await push(site, 'afp', token, version(uri, 1, { embargoed: embargo.toISOString(), headline: 'Never to be seen' }));
    expect(scheduled.json.items[0].story.status).toBe('scheduled');
    const killed = await push(site, 'afp', token, version(uri, 2, { pubstatus: 'withheld', embargoed: embargo.toISOString(), headline: 'Never to be seen' }));
    expect(killed.json.items[0].story.action).toBe('killed');
    clock = new Date(embargo.getTime() + 1000);
    await site.dateline.scheduler!.tick();
    expect((await get(site, '/')).body).not.toContain('Never to be seen');
  });

  it('a repeat of an old version never overwrites a newer one still waiting, which is applied once it may be', async () => {
    const uri = 'urn:test:versions:000006';
    const v1 = version(uri, 1, { headline: 'Dam holds after the storm' });
    const first = await push(site, 'afp', token, v1);
    const id = first.json.items[0].articleId;
    const until = new Date(clock.getTime() + 3_600_000);
    const held = await push(site, 'afp', token, version(uri, 2, { headline: 'Dam breaks after the storm', embargoed: until.toISOString() }));
    expect(held.json.items[0].story).toMatchObject({ action: 'held' });
    const again = await push(site, 'afp', token, v1);
    expect(again.json.items[0]).toMatchObject({ outcome: 'unchanged', story: { action: 'held' } });
    expect((await storyOf(id)).headline).toBe('Dam holds after the storm');
    clock = new Date(until.getTime() + 1000);
    const later = await push(site, 'afp', token, v1);
    expect(later.json.items[0].story).toMatchObject({ action: 'updated' });
    expect((await storyOf(id)).headline).toBe('Dam breaks after the storm');
    expect(rows<{ uri: string; applied_version_id: number; latest_version_id: number }>(site.dataDir, 'wire_items').find((i) => i.uri === uri))
      .toSatisfy((i: { applied_version_id: number; latest_version_id: number }) => i.applied_version_id === i.latest_version_id);
  });

  it('an item and its kill in one delivery never reach the site, not even for a moment', async () => {
    const feed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0">
<title>AFP</title><id>urn:afp:feed</id><updated>2026-06-01T10:00:00Z</updated>
<entry><id>urn:test:versions:000007</id><title>Premature obituary</title><updated>2026-06-01T10:00:00Z</updated><content type="html">&lt;p&gt;Text.&lt;/p&gt;</content></entry>
<at:deleted-entry ref="urn:test:versions:000007" when="2026-06-01T10:05:00Z"><at:comment>Killed: wrong person</at:comment></at:deleted-entry>
</feed>`;
    const r = await push(site, 'afp', token, feed, 'application/atom+xml');
    expect(r.status).toBe(200);
    expect(r.json.items.map((i: { story: { action: string } | null }) => i.story?.action)).toEqual(['killed', 'killed']);
    expect(rows(site.dataDir, 'articles').filter((a: any) => a.uri === 'urn:test:versions:000007')).toHaveLength(0);
    expect(rows(site.dataDir, 'audit_log').filter((e: any) => e.action === 'publish' && String(e.detail).includes('Premature'))).toHaveLength(0);
  });

  it('an embargo moved later holds a scheduled story back, whether the wire or an editor scheduled it', async () => {
    const start = clock;
    const first = new Date(start.getTime() + 3_600_000);
    const moved = new Date(start.getTime() + 3 * 3_600_000);
    const auto = 'urn:test:versions:000008';
    const a = await push(site, 'afp', token, version(auto, 1, { headline: 'Budget figures (wire)', embargoed: first.toISOString() }));
    expect(a.json.items[0].story.status).toBe('scheduled');
    await push(site, 'afp', token, version(auto, 2, { headline: 'Budget figures (wire)', embargoed: moved.toISOString() }));

    // An editor's own draft, taken from an item, scheduled for the first embargo.
    const taken = 'urn:test:versions:000009';
    const queued = await site.cli(['source', 'add', 'desk', '--kind', 'push']);
    const deskToken = /Bearer (\S+)"/.exec(queued.stdout)![1]!;
    await push(site, 'desk', deskToken, version(taken, 1, { headline: 'Budget figures (desk)', embargoed: first.toISOString() }));
    const itemId = rows<{ id: number; uri: string }>(site.dataDir, 'wire_items').find((i) => i.uri === taken)!.id;
    const take = await fetch(`${site.url}/newsroom/wire/${itemId}/take`, {
      method: 'POST', redirect: 'manual', headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: editor.csrf, section: 'global' }).toString(),
    });
    const draftId = Number(/articles\/(\d+)/.exec(take.headers.get('location')!)![1]);
    expect((await editor.api('POST', `/articles/${draftId}/status`, { status: 'scheduled', at: first.toISOString() })).status).toBe(200);
    const offered = await push(site, 'desk', deskToken, version(taken, 2, { headline: 'Budget figures (desk)', embargoed: moved.toISOString() }));
    expect(offered.json.items[0].story.action).toBe('offered');

    clock = new Date(first.getTime() + 60_000);
    await site.dateline.scheduler!.tick();
    expect((await get(site, '/')).body).not.toContain('Budget figures');
    clock = new Date(moved.getTime() + 1000);
    await site.dateline.scheduler!.tick();
    const home = (await get(site, '/')).body;
    expect(await storyOf(draftId)).toMatchObject({ status: 'published' });
    expect(home).toContain('Budget figures (wire)');
    expect(home).toContain('Budget figures (desk)');
    expect((await storyOf(draftId)).firstPublishedAt).toBe(moved.toISOString());
  });

  it('an editor cannot publish a draft whose item the agency killed', async () => {
    const uri = 'urn:test:versions:000010';
    const queued = await site.cli(['source', 'add', 'desk2', '--kind', 'push']);
    const deskToken = /Bearer (\S+)"/.exec(queued.stdout)![1]!;
    await push(site, 'desk2', deskToken, version(uri, 1, { headline: 'Story to be killed' }));
    const itemId = rows<{ id: number; uri: string }>(site.dataDir, 'wire_items').find((i) => i.uri === uri)!.id;
    const take = await fetch(`${site.url}/newsroom/wire/${itemId}/take`, {
      method: 'POST', redirect: 'manual', headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: editor.csrf, section: 'global' }).toString(),
    });
    const draftId = Number(/articles\/(\d+)/.exec(take.headers.get('location')!)![1]);
    await push(site, 'desk2', deskToken, version(uri, 2, { pubstatus: 'canceled' }));
    const r = await editor.api('POST', `/articles/${draftId}/status`, { status: 'published' });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/killed the wire item this story was made from/);
  });

  it('fetches a remote lead picture only from the hosts its source allows, and never follows a redirect', async () => {
    const jpeg = fs.readFileSync(path.join(seedDir, 'lead.jpg'));
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      asked.push(req.url!);
      if (req.url === '/moved.jpg') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      const photos = await addPushSource(site, 'photos', ['--section', 'global', '--publish', '--picture-hosts', host]);
      const withPicture = (uri: string, file: string) => version(uri, 1, {
        headline: `Pictured ${file}`,
        associations: { featuremedia: { type: 'picture', description_text: 'Rescuers at the dam', byline: 'AFP Photo', renditions: { original: { href: `http://${host}/${file}`, mimetype: 'image/jpeg' } } } },
      });
      const fetched = await push(site, 'photos', photos, withPicture('urn:test:versions:000011', 'lead.jpg'));
      const story = await storyOf(fetched.json.items[0].articleId);
      expect(story.leadImage).toMatchObject({ caption: 'Rescuers at the dam', credit: 'AFP Photo' });
      expect((await get(site, story.url)).body).toContain('Rescuers at the dam');

      const redirected = await push(site, 'photos', photos, withPicture('urn:test:versions:000012', 'moved.jpg'));
      expect(redirected.json.items[0].story).toMatchObject({ action: 'created', note: expect.stringMatching(/redirects elsewhere \(302\); not followed/) });
      expect((await storyOf(redirected.json.items[0].articleId)).leadImage).toBeNull();

      // The AFP source allows no picture hosts: the address is kept, nothing is fetched.
      const before = asked.length;
      const notAllowed = await push(site, 'afp', token, withPicture('urn:test:versions:000013', 'lead.jpg'));
      expect(notAllowed.json.items[0].story.note).toMatch(/not fetched \(its host is not one the source allows\)/);
      expect(asked.length).toBe(before);
    } finally {
      server.close();
    }
  });

  it('refuses pushes without the right token, and says why a delivery cannot be read', async () => {
    const body = version('urn:test:versions:000005', 1);
    expect((await push(site, 'afp', null, body)).status).toBe(401);
    expect((await push(site, 'afp', 'not-the-token', body)).status).toBe(401);
    const unknown = await push(site, 'nobody', token, body);
    expect(unknown.status).toBe(401);
    expect(rows<{ uri: string }>(site.dataDir, 'wire_items').map((i) => i.uri)).not.toContain('urn:test:versions:000005');

    const broken = await push(site, 'afp', token, '{"uri": "urn:x", "headline": ');
    expect(broken.status).toBe(422);
    expect(broken.json.error.message).toMatch(/not valid JSON/);
    expect(broken.json.quarantined[0].id).toBeGreaterThan(0);
    const held = rows<{ id: number; bytes: string }>(site.dataDir, 'wire_quarantine').find((q) => q.id === broken.json.quarantined[0].id)!;
    expect(Buffer.from(held.bytes, 'hex').toString()).toBe('{"uri": "urn:x", "headline": ');

    const huge = await push(site, 'afp', token, Buffer.alloc(21 * 1024 * 1024, 0x20));
    expect(huge.status).toBe(413);
    // The server is still there for the next agency.
    expect((await push(site, 'afp', token, body)).status).toBe(200);
  });
});
