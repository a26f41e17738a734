import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './support/cli.js';
import { signIn, type Client } from './support/http.js';
import { parseHtml, startSite, type TestSite } from './support/site.js';
import { rows } from './support/wire.js';

const item = (uri: string, v: number, extra: Record<string, unknown> = {}) => ({
  uri, version: String(v), versioncreated: new Date(Date.UTC(2026, 5, 1, 8 + v)).toISOString(), firstcreated: '2026-06-01T08:00:00Z',
  headline: `Harbour strike enters day ${v}`, copyrightholder: 'AFP', urgency: 3,
  body_html: `<p>Dockers stayed out for a ${['', 'first', 'second', 'third'][v]} day on Monday.</p>`, ...extra,
});

describe('the wire queue in the newsroom', () => {
  let site: TestSite;
  let dir: string;
  let editor: Client;
  let contributor: Client;

  const page = async (who: Client, url: string) => {
    const res = await fetch(`${site.url}${url}`, { headers: { cookie: who.cookie }, redirect: 'manual' });
    return { status: res.status, body: await res.text(), headers: res.headers };
  };
  const form = (who: Client, url: string, fields: Record<string, string>, csrf = true) => fetch(`${site.url}${url}`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, ...(csrf ? { _csrf: who.csrf } : {}) }).toString(),
  });
  const importItem = async (name: string, body: object | string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return site.cli(['import', file]);
  };
  const headlines = (html: string) => [...parseHtml(html).querySelectorAll('.nr-wire tbody tr td:nth-child(3) a')].map((a) => a.textContent);
  const wireId = (uri: string) => rows<{ id: number; uri: string }>(site.dataDir, 'wire_items').find((i) => i.uri === uri)!.id;

  beforeAll(async () => {
    site = await startSite('wire-queue', { sections: ['Global', 'Politics'] });
    dir = tempDataDir('wire-queue-items');
    await site.addUser('desk@example.org', 'editor');
    await site.addUser('reporter@example.org', 'contributor');
    editor = await signIn(site, 'desk@example.org');
    contributor = await signIn(site, 'reporter@example.org');
    expect((await importItem('a1.json', item('urn:test:harbour', 1))).stdout).toMatch(/^queued: wire item \d+ "Harbour strike enters day 1"/);
    await importItem('b.json', { uri: 'urn:test:flash', headline: 'FLASH: Quake hits the coast', copyrightholder: 'dpa', urgency: 1, versioncreated: '2026-06-01T09:30:00Z' });
    await importItem('c.json', { uri: 'urn:test:markets', headline: 'Markets close higher', copyrightholder: 'dpa', urgency: 5, versioncreated: '2026-06-01T09:40:00Z' });
    expect((await importItem('a2.json', item('urn:test:harbour', 2))).stdout).toMatch(/^queued update: wire item/);
  });
  afterAll(() => site?.close());

  it('lists items newest first and filters by agency, urgency and text', async () => {
    const all = await page(editor, '/newsroom/wire');
    expect(all.status).toBe(200);
    expect(headlines(all.body)).toEqual(['Harbour strike enters day 2', 'Markets close higher', 'FLASH: Quake hits the coast']);
    expect(headlines((await page(editor, '/newsroom/wire?agency=dpa')).body)).toEqual(['Markets close higher', 'FLASH: Quake hits the coast']);
    expect(headlines((await page(editor, '/newsroom/wire?urgency=1')).body)).toEqual(['FLASH: Quake hits the coast']);
    expect(headlines((await page(editor, '/newsroom/wire?q=strike')).body)).toEqual(['Harbour strike enters day 2']);
    expect(headlines((await page(editor, '/newsroom/wire?q=100%25')).body)).toEqual([]);
  });

  it('shows an item\'s versions side by side, the changed words marked', async () => {
    const res = await page(editor, `/newsroom/wire/${wireId('urn:test:harbour')}`);
    expect(res.status).toBe(200);
    const doc = parseHtml(res.body);
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toContain('v1, 2026-06-01 09:00 UTC and v2, 2026-06-01 10:00 UTC side by side');
    const headlineRow = [...doc.querySelectorAll('.nr-compare tr')].find((tr) => tr.querySelector('th')?.textContent === 'Headline')!;
    expect(headlineRow.querySelectorAll('td')[0]!.textContent).toBe('Harbour strike enters day 1');
    expect(headlineRow.querySelector('ins')!.textContent).toBe('2');
    expect(headlineRow.querySelector('del')!.textContent).toBe('1');
  });

  it('takes an item into a draft, offers later versions instead of overwriting the draft, and applies one on request', async () => {
    const id = wireId('urn:test:harbour');
    const taken = await form(editor, `/newsroom/wire/${id}/take`, { section: 'politics' });
    expect(taken.status).toBe(303);
    const articleUrl = taken.headers.get('location')!;
    expect(articleUrl).toMatch(/^\/newsroom\/articles\/\d+\?ok=Taken%20into%20a%20draft/);
    const articleId = Number(/articles\/(\d+)/.exec(articleUrl)![1]);
    const story = () => rows<{ id: number; headline: string; status: string; section_id: number; created_by: number | null }>(site.dataDir, 'articles').find((a) => a.id === articleId)!;
    expect(story()).toMatchObject({ headline: 'Harbour strike enters day 2', status: 'draft' });
    expect(story().created_by).not.toBeNull();

    const v3 = await importItem('a3.json', item('urn:test:harbour', 3));
    expect(v3.stdout).toMatch(/^newer version offered to the editor: article \d+ /);
    expect(story().headline).toBe('Harbour strike enters day 2');
    const itemPage = await page(editor, `/newsroom/wire/${id}`);
    expect(itemPage.body).toContain('newer version');
    expect(itemPage.body).toMatch(/Update story \d+ to v3/);

    const applied = await form(editor, `/newsroom/wire/${id}/take`, { section: '' });
    expect(applied.status).toBe(303);
    expect(decodeURIComponent(applied.headers.get('location')!)).toMatch(/Story updated from the wire/);
    expect(story().headline).toBe('Harbour strike enters day 3');
    expect(rows(site.dataDir, 'revisions').filter((r: any) => r.article_id === articleId).length).toBeGreaterThanOrEqual(2);
  });

  it('is for editors: a contributor is refused, and a form without its CSRF token changes nothing', async () => {
    expect((await page(contributor, '/newsroom/wire')).status).toBe(403);
    expect((await form(contributor, `/newsroom/wire/${wireId('urn:test:flash')}/take`, { section: 'global' })).status).toBe(403);
    expect((await page(contributor, '/newsroom')).body).not.toContain('href="/newsroom/wire"');
    const before = rows(site.dataDir, 'articles').length;
    expect((await form(editor, `/newsroom/wire/${wireId('urn:test:flash')}/take`, { section: 'global' }, false)).status).toBe(403);
    expect(rows(site.dataDir, 'articles').length).toBe(before);
    expect((await fetch(`${site.url}/newsroom/wire`, { redirect: 'manual' })).status).toBe(303);
  });

  it('keeps unreadable deliveries in quarantine: shown with the reason, downloadable as sent, and retried', async () => {
    const broken = '<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta>';
    const r = await importItem('broken.xml', broken);
    expect(r.code).toBe(1);
    const list = await page(editor, '/newsroom/wire/quarantine');
    expect(list.status).toBe(200);
    expect(list.body).toContain('broken.xml');
    expect(list.body).toMatch(/not well-formed XML: line 1/);
    const heldId = /\/newsroom\/wire\/quarantine\/(\d+)\/original/.exec(list.body)![1];
    const original = await fetch(`${site.url}/newsroom/wire/quarantine/${heldId}/original`, { headers: { cookie: editor.cookie } });
    expect(original.headers.get('content-type')).toBe('application/octet-stream');
    expect(original.headers.get('content-disposition')).toBe('attachment; filename="broken.xml"');
    expect(Buffer.from(await original.arrayBuffer()).toString()).toBe(broken);
    const still = await form(editor, `/newsroom/wire/quarantine/${heldId}/retry`, {});
    expect(decodeURIComponent(still.headers.get('location')!)).toMatch(/error=#\d+ still unreadable: not well-formed XML/);

    // A delivery an older release could not read (as if quarantined before a parser fix) reads now.
    const bytes = Buffer.from(JSON.stringify({ uri: 'urn:test:recovered', headline: 'Recovered after the fix', versioncreated: '2026-06-01T11:00:00Z' }));
    const entry = await site.dateline.store.wire.quarantine(
      { sourceId: null, fileName: 'recovered.json', bytes, reason: 'unrecognised wire format (older parser)' }, new Date('2026-06-01T11:00:00.000Z'));
    const retried = await form(editor, `/newsroom/wire/quarantine/${entry}/retry`, {});
    expect(decodeURIComponent(retried.headers.get('location')!)).toMatch(/ok=#\d+: 1 item taken in/);
    expect(headlines((await page(editor, '/newsroom/wire?q=Recovered')).body)).toEqual(['Recovered after the fix']);
    expect((await page(editor, '/newsroom/wire/quarantine')).body).not.toContain('recovered.json');
    // Released entries are forgotten after a while; held ones stay, whatever their age.
    expect(await site.dateline.store.wire.pruneReleased(new Date('2100-01-01T00:00:00Z'))).toBe(1);
    expect(rows<{ file_name: string }>(site.dataDir, 'wire_quarantine').map((q) => q.file_name)).toEqual(['broken.xml']);
  });
});
