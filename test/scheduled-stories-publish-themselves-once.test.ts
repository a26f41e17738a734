import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Dateline } from '../src/app/index.js';
import { signIn, type Client } from './support/http.js';
import { until } from './support/until.js';
import { get, startSite, type TestSite } from './support/site.js';


describe('a scheduled story', () => {
  let site: TestSite;
  let editor: Client;
  const extra: Dateline[] = [];

  beforeAll(async () => {
    site = await startSite('schedule', { sections: ['Global'], env: { SCHEDULER_INTERVAL_MS: '200' } });
    await site.addUser('editor@example.org', 'editor');
    editor = await signIn(site, 'editor@example.org');
  });
  afterAll(async () => {
    for (const d of extra) await d.close().catch(() => {});
    await site?.close();
  });

  const schedule = async (headline: string, inMs: number) => {
    const created = await editor.api('POST', '/articles', { headline, section: 'global', bodyHtml: '<p>Text.</p>' });
    const at = new Date(Date.now() + inMs);
    const r = await editor.api('POST', `/articles/${created.json.id}/status`, { status: 'scheduled', at: at.toISOString() });
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('scheduled');
    return { id: created.json.id as number, at };
  };

  const publishAudits = async (id: number) => {
    const { items } = await site.dateline.store.audit.list({ page: 1, pageSize: 500, action: 'publish' });
    return items.filter((e) => e.subject === `article:${id}`);
  };

  it('stays off the site until its time, then appears on the home page by itself', async () => {
    const { id, at } = await schedule('Scheduled for a moment from now', 1500);
    expect((await get(site, '/')).body).not.toContain('Scheduled for a moment from now');
    await until('the story on the home page', async () => (await get(site, '/')).body.includes('Scheduled for a moment from now'));
    const story = (await editor.api('GET', `/articles/${id}`)).json;
    expect(story.status).toBe('published');
    expect(story.firstPublishedAt).toBe(at.toISOString());
    expect(await publishAudits(id)).toHaveLength(1);
  });

  it('is published once even when several servers run the scheduler', async () => {
    for (let i = 0; i < 2; i++) {
      const d = await build(site.config, { logger: false });
      extra.push(d);
    }
    const { id } = await schedule('Three schedulers, one publication', 800);
    await until('publication', async () => (await editor.api('GET', `/articles/${id}`)).json.status === 'published');
    await new Promise((r) => setTimeout(r, 600));
    expect(await publishAudits(id)).toHaveLength(1);
    for (const d of extra.splice(0)) await d.close();
  });

  it('falls due while the server is down and is published once, dated on time, after the restart', async () => {
    const { id, at } = await schedule('Due during the restart', 700);
    await site.dateline.close();
    await new Promise((r) => setTimeout(r, 1500));
    const stillScheduled = await (async () => {
      const d = await build(site.config, { logger: false, worker: false });
      const a = await d.store.content.articleById(id);
      await d.close();
      return a!.status;
    })();
    expect(stillScheduled).toBe('scheduled');
    site.dateline = await build(site.config, { logger: false });
    const url = await site.dateline.app.listen({ port: 0, host: '127.0.0.1' });
    site.url = url;
    await until('publication after restart', async () => (await site.dateline.store.content.articleById(id))!.status === 'published');
    const story = (await site.dateline.store.content.articleById(id))!;
    expect(story.publishedAt!.toISOString()).toBe(at.toISOString());
    expect(await publishAudits(id)).toHaveLength(1);
    expect((await get(site, '/')).body).toContain('Due during the restart');
  });
});
