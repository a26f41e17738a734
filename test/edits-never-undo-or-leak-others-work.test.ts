import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from './support/http.js';
import { startSite, type TestSite } from './support/site.js';

describe('newsroom edits respect other people’s work', () => {
  let site: TestSite;
  let editor: Client;
  let rita: Client;
  let otto: Client;
  let imageId: number;

  const form = (c: Client, path: string, fields: Record<string, string>) => fetch(`${site.url}${path}`, {
    method: 'POST', redirect: 'manual', headers: { cookie: c.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: c.csrf, ...fields }).toString(),
  });

  beforeAll(async () => {
    site = await startSite('guards', { sections: ['Global'], env: { SCHEDULER_INTERVAL_MS: '200' } });
    await site.addUser('eda@example.org', 'editor');
    await site.addUser('rita@example.org', 'contributor');
    await site.addUser('otto@example.org', 'contributor');
    [editor, rita, otto] = await Promise.all(['eda', 'rita', 'otto'].map((n) => signIn(site, `${n}@example.org`))) as [Client, Client, Client];
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#225577' } }).png().toBuffer();
    const body = new FormData();
    body.append('alt', 'Harbour at dawn');
    body.append('caption', 'The harbour at dawn');
    body.append('credit', 'Staff');
    body.append('file', new Blob([new Uint8Array(png)]), 'h.png');
    const up = await fetch(`${site.url}/api/v1/images`, { method: 'POST', headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf }, body });
    imageId = (await up.json()).id;
    const a = await editor.api('POST', '/articles', { headline: 'Live story with the harbour picture', section: 'global', leadImage: imageId });
    await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' });
  });
  afterAll(() => site?.close());

  it('a contributor cannot rewrite the text of a picture on a published story', async () => {
    const r = await rita.api('PATCH', `/images/${imageId}`, { caption: 'Vandalised' });
    expect(r.status).toBe(403);
    const draft = await form(rita, '/newsroom/articles', {
      headline: 'Rita uses the picture', section: 'global', leadImage: String(imageId), leadImageTextFor: String(imageId),
      leadImageAlt: '', leadImageCaption: 'Vandalised', leadImageCredit: '',
    });
    expect(draft.status).toBe(403);
    expect((await editor.api('GET', `/images?q=harbour`)).json.items[0]).toMatchObject({ caption: 'The harbour at dawn', alt: 'Harbour at dawn' });
  });

  it('saving a story with a picture chosen from the library leaves that picture’s text alone', async () => {
    const r = await form(rita, '/newsroom/articles', {
      headline: 'Rita picks the picture', section: 'global', leadImage: String(imageId), leadImageTextFor: '',
      leadImageAlt: '', leadImageCaption: '', leadImageCredit: '',
    });
    expect(r.status).toBe(303);
    expect((await editor.api('GET', `/images?q=harbour`)).json.items[0]).toMatchObject({ caption: 'The harbour at dawn', alt: 'Harbour at dawn', credit: 'Staff' });
  });

  it('an editor may change it, and the change is audited', async () => {
    expect((await editor.api('PATCH', `/images/${imageId}`, { caption: 'The harbour at first light' })).status).toBe(200);
    expect((await editor.api('PATCH', `/images/${imageId}`, { alt: '' })).status).toBe(400);
    const audit = await site.dateline.store.audit.list({ page: 1, pageSize: 10, action: 'image-edit' });
    expect(audit.items[0]!.detail).toMatchObject({ caption: 'The harbour at first light' });
  });

  it('a save based on an older version is refused with 409, not written over the newer one', async () => {
    const a = await rita.api('POST', '/articles', { headline: 'Two tabs', section: 'global' });
    const base = a.json.modifiedAt;
    await new Promise((r) => setTimeout(r, 5));
    expect((await rita.api('PATCH', `/articles/${a.json.id}`, { standfirst: 'From tab one', baseModifiedAt: base })).status).toBe(200);
    const stale = await rita.api('PATCH', `/articles/${a.json.id}`, { standfirst: 'From tab two', baseModifiedAt: base });
    expect(stale.status).toBe(409);
    expect((await rita.api('GET', `/articles/${a.json.id}`)).json.standfirst).toBe('From tab one');
    const staleForm = await form(rita, `/newsroom/articles/${a.json.id}`, {
      headline: 'Two tabs', section: 'global', standfirst: 'Typed in an old tab', baseModifiedAt: base,
    });
    expect(staleForm.status).toBe(409);
    expect(await staleForm.text()).toContain('Typed in an old tab');
  });

  it('a published story shows "updated" only when something readers see changed', async () => {
    const a = await editor.api('POST', '/articles', { headline: 'Stable story', section: 'global', bodyHtml: '<p>One.</p>' });
    const published = (await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' })).json;
    await new Promise((r) => setTimeout(r, 20));
    const same = (await editor.api('PATCH', `/articles/${a.json.id}`, { headline: 'Stable story' })).json;
    expect(same.updatedAt).toBe(published.updatedAt);
    const changed = (await editor.api('PATCH', `/articles/${a.json.id}`, { bodyHtml: '<p>One. Two.</p>' })).json;
    expect(new Date(changed.updatedAt).getTime()).toBeGreaterThan(new Date(published.updatedAt).getTime());
    expect(changed.firstPublishedAt).toBe(published.firstPublishedAt);
  });

  it('a story rescheduled before its time is not published at the old time', async () => {
    const a = await editor.api('POST', '/articles', { headline: 'Moved to later', section: 'global' });
    await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'scheduled', at: new Date(Date.now() + 800).toISOString() });
    await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'draft' });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect((await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'scheduled', at: later })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    const story = (await editor.api('GET', `/articles/${a.json.id}`)).json;
    expect(story.status).toBe('scheduled');
    expect(story.scheduledAt).toBe(later);
  });

  it('a contributor’s topic suggestions hold no subject from another’s unpublished draft', async () => {
    await otto.api('POST', '/articles', { headline: 'Embargoed scoop', section: 'global', topics: ['Secret merger'] });
    expect((await otto.api('GET', '/topics?q=secret')).json).toEqual(['Secret merger']);
    expect((await rita.api('GET', '/topics?q=secret')).json).toEqual([]);
    expect((await editor.api('GET', '/topics?q=secret')).json).toEqual(['Secret merger']);
  });

  it('a renamed topic is found again by its new name, not created twice', async () => {
    const a = await editor.api('POST', '/articles', { headline: 'Tagged', section: 'global', topics: ['ISIS'] });
    const topic = (await site.dateline.store.content.topicsWithCounts()).find((t) => t.name === 'ISIS')!;
    await editor.api('PATCH', `/topics/${topic.id}`, { name: 'Islamic State' });
    await editor.api('PATCH', `/articles/${a.json.id}`, { topics: ['Islamic State'] });
    const names = (await site.dateline.store.content.topicsWithCounts()).filter((t) => t.name === 'Islamic State');
    expect(names).toHaveLength(1);
    expect(names[0]!.id).toBe(topic.id);
  });
});
