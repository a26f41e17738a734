import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from './support/http.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';

describe('editors manage sections and topics', () => {
  let site: TestSite;
  let editor: Client;
  let rita: Client;

  beforeAll(async () => {
    site = await startSite('taxonomy', { sections: ['Global'] });
    await site.addUser('eda@example.org', 'editor');
    await site.addUser('rita@example.org', 'contributor');
    [editor, rita] = await Promise.all([signIn(site, 'eda@example.org'), signIn(site, 'rita@example.org')]);
    for (const [headline, topics] of [['One', ['ISIS', 'Syria']], ['Two', ['Islamic State']], ['Three', ['ISIS', 'Islamic State']]] as const) {
      const a = await editor.api('POST', '/articles', { headline, section: 'global', topics });
      await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' });
    }
  });
  afterAll(() => site?.close());

  it('adds a sub-section and edits it; contributors may not', async () => {
    expect((await rita.api('POST', '/sections', { name: 'Europe', parent: 'global' })).status).toBe(403);
    const added = await editor.api('POST', '/sections', { name: 'Europe', parent: 'global', description: 'News from Europe.' });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ slug: 'europe', name: 'Europe' });
    const clash = await editor.api('POST', '/sections', { name: 'Topic' });
    expect(clash.status).toBe(400);
    const edited = await editor.api('PATCH', '/sections/europe', { name: 'Europe and Russia', position: 2 });
    expect(edited.json.name).toBe('Europe and Russia');
    const page = parseHtml((await get(site, '/europe')).body);
    expect(page.querySelector('h1')!.textContent).toBe('Europe and Russia');
    expect([...page.querySelectorAll('.breadcrumb a')].map((a) => a.textContent)).toEqual(['Home', 'Global']);
  });

  it('renames a topic and keeps its address', async () => {
    const topics = (await editor.api('GET', '/topics?q=syr')).json as string[];
    expect(topics).toEqual(['Syria']);
    const { items } = { items: await site.dateline.store.content.topicsWithCounts() };
    const syria = items.find((t) => t.name === 'Syria')!;
    expect((await rita.api('PATCH', `/topics/${syria.id}`, { name: 'x' })).status).toBe(403);
    const renamed = await editor.api('PATCH', `/topics/${syria.id}`, { name: 'Syrian war' });
    expect(renamed.json).toMatchObject({ slug: 'syria', name: 'Syrian war' });
    expect(parseHtml((await get(site, '/topic/syria')).body).querySelector('h1')!.textContent).toBe('Syrian war');
  });

  it('merges "ISIS" into "Islamic State": every story moves, none twice, the old page goes', async () => {
    const all = await site.dateline.store.content.topicsWithCounts();
    const isis = all.find((t) => t.name === 'ISIS')!;
    const is = all.find((t) => t.name === 'Islamic State')!;
    expect([isis.stories, is.stories]).toEqual([2, 2]);
    const r = await editor.api('POST', `/topics/${isis.id}/merge`, { into: is.id });
    expect(r.status).toBe(200);
    const after = await site.dateline.store.content.topicsWithCounts();
    expect(after.find((t) => t.name === 'ISIS')).toBeUndefined();
    expect(after.find((t) => t.name === 'Islamic State')!.stories).toBe(3);
    expect((await get(site, '/topic/isis')).status).toBe(404);
    const audit = await site.dateline.store.audit.list({ page: 1, pageSize: 50, action: 'topic-merge' });
    expect(audit.items[0]!.detail).toEqual({ from: 'ISIS', into: 'Islamic State' });
  });

  it('has a newsroom page for it, for editors only', async () => {
    const asEditor = await fetch(`${site.url}/newsroom/taxonomy`, { headers: { cookie: editor.cookie } });
    expect(asEditor.status).toBe(200);
    expect(await asEditor.text()).toContain('Europe and Russia');
    expect((await fetch(`${site.url}/newsroom/taxonomy`, { headers: { cookie: rita.cookie } })).status).toBe(403);
  });
});
