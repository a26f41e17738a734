import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from './support/http.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';

describe('readers follow a story thread', () => {
  let site: TestSite;
  let editor: Client;
  let rita: Client;
  const story: Record<'a' | 'b' | 'c', { id: number; slug: string; url: string }> = {} as never;

  const publish = async (headline: string, at: string) => {
    const a = await editor.api('POST', '/articles', { headline, section: 'global', bodyHtml: `<p>${headline}.</p>` });
    const p = await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' });
    expect(p.status).toBe(200);
    // Dates spread the thread over days, as a developing story would be.
    await site.dateline.store.content.transition(a.json.id, ['published'], {
      status: 'published', scheduledAt: null, firstPublishedAt: new Date(at), updatedAt: new Date(at),
    }, new Date(), undefined);
    const fresh = await editor.api('GET', `/articles/${a.json.id}`);
    return { id: a.json.id as number, slug: a.json.slug as string, url: fresh.json.url as string };
  };
  const link = (id: number, of: unknown, client = editor) => client.api('PUT', `/articles/${id}/follow-up`, { of });
  const timeline = async (url: string) => {
    const doc = parseHtml((await get(site, url)).body);
    return [...doc.querySelectorAll('.thread .timeline li')].map((li) => `${li.hasAttribute('aria-current') ? '*' : ''}${li.querySelector('a, .timeline-here')!.textContent!.replace(' (this story)', '')}`);
  };

  beforeAll(async () => {
    site = await startSite('threads', { sections: ['Global'] });
    await site.addUser('eda@example.org', 'editor');
    await site.addUser('rita@example.org', 'contributor');
    [editor, rita] = await Promise.all([signIn(site, 'eda@example.org'), signIn(site, 'rita@example.org')]);
    story.a = await publish('Dam wall cracks after week of rain', '2026-03-01T08:00:00Z');
    story.b = await publish('Villages below the dam evacuated', '2026-03-02T08:00:00Z');
    story.c = await publish('Engineers say the dam will hold', '2026-03-04T08:00:00Z');
  });
  afterAll(() => site?.close());

  it('links follow-ups by slug or address and shows the timeline on every story of the thread', async () => {
    expect((await link(story.b.id, story.a.slug)).json).toMatchObject({ followUpOf: story.a.id, threadId: story.a.id });
    expect((await link(story.c.id, `https://news.example.test${story.b.url}`)).json).toMatchObject({ followUpOf: story.b.id, threadId: story.a.id });
    expect(await timeline(story.c.url)).toEqual([
      'Dam wall cracks after week of rain', 'Villages below the dam evacuated', '*Engineers say the dam will hold',
    ]);
    expect(await timeline(story.a.url)).toEqual([
      '*Dam wall cracks after week of rain', 'Villages below the dam evacuated', 'Engineers say the dam will hold',
    ]);
  });

  it('has a thread page, named after its first story, listing the stories oldest first', async () => {
    const page = await get(site, `/thread/${story.a.slug}`);
    expect(page.status).toBe(200);
    const doc = parseHtml(page.body);
    expect(doc.querySelector('h1')!.textContent).toBe('Dam wall cracks after week of rain: the story so far');
    expect([...doc.querySelectorAll('.timeline-page h2 a')].map((a) => a.getAttribute('href'))).toEqual([story.a.url, story.b.url, story.c.url]);
    expect(doc.querySelector('link[rel=canonical]')!.getAttribute('href')).toBe(`https://news.example.test/thread/${story.a.slug}`);
    const fromMiddle = await get(site, `/thread/${story.b.slug}`);
    expect(fromMiddle.status).toBe(301);
    expect(fromMiddle.headers.get('location')).toBe(`/thread/${story.a.slug}`);
    expect(parseHtml((await get(site, story.b.url)).body).querySelector(`.thread a[href="/thread/${story.a.slug}"]`)).not.toBeNull();
  });

  it('never shows a draft in the timeline, and refuses circles, unknown stories and contributors', async () => {
    const draft = await editor.api('POST', '/articles', { headline: 'Unpublished follow-up', section: 'global' });
    expect((await link(draft.json.id, story.c.id)).status).toBe(200);
    expect(await timeline(story.c.url)).toHaveLength(3);
    expect((await get(site, `/thread/${story.a.slug}`)).body).not.toContain('Unpublished follow-up');

    const circle = await link(story.a.id, story.c.slug);
    expect(circle.status).toBe(409);
    expect(circle.json.error.field).toBe('of');
    const unknown = await link(story.a.id, 'no-such-story');
    expect(unknown.status).toBe(404);
    expect((await link(story.a.id, story.a.id)).status).toBe(409);
    // A contributor may not link even her own draft, and learns nothing of which slugs exist.
    const own = await rita.api('POST', '/articles', { headline: 'Rita’s follow-up', section: 'global' });
    expect((await link(own.json.id, story.a.slug, rita)).status).toBe(403);
    expect((await link(own.json.id, 'no-such-story', rita)).status).toBe(403);
    expect((await get(site, '/thread/unpublished-follow-up')).status).toBe(404);
    expect((await link(story.b.id, { nested: true })).status).toBe(400);
  });

  it('unlinking a story takes its follow-ups with it into a thread of their own', async () => {
    expect((await link(story.b.id, null)).json).toMatchObject({ followUpOf: null, threadId: story.b.id });
    expect(await timeline(story.a.url)).toEqual([]);
    expect(await timeline(story.c.url)).toEqual(['Villages below the dam evacuated', '*Engineers say the dam will hold']);
    expect((await get(site, `/thread/${story.a.slug}`)).status).toBe(404);
    const audit = await site.dateline.store.audit.list({ page: 1, pageSize: 50, action: 'story-thread' });
    expect(audit.items.length).toBeGreaterThanOrEqual(4);
  });

  it('lets an editor link and unlink from the story form in the newsroom', async () => {
    const form = new URLSearchParams({ _csrf: editor.csrf, of: story.a.slug });
    const r = await fetch(`${site.url}/newsroom/articles/${story.b.id}/follow-up`, {
      method: 'POST', headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form, redirect: 'manual',
    });
    expect(r.status).toBe(303);
    expect(await timeline(story.c.url)).toHaveLength(3);
    const page = parseHtml(await (await fetch(`${site.url}/newsroom/articles/${story.b.id}`, { headers: { cookie: editor.cookie } })).text());
    expect(page.querySelector('.nr-thread p')!.textContent).toBe('Follow-up of Dam wall cracks after week of rain.');
    const noCsrf = await fetch(`${site.url}/newsroom/articles/${story.b.id}/follow-up`, {
      method: 'POST', headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'of=', redirect: 'manual',
    });
    expect(noCsrf.status).toBe(403);
  });
});
