import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, type Client } from './support/http.js';
import { get, startSite, type TestSite } from './support/site.js';

describe('the newsroom API checks who asks, on the server, for every route', () => {
  let site: TestSite;
  let editor: Client;
  let reporter: Client;
  let other: Client;
  let admin: Client;
  let storyId: number;

  beforeAll(async () => {
    site = await startSite('api-roles', { sections: ['Global'] });
    await site.addUser('admin@example.org', 'admin', 'Ada Admin');
    await site.addUser('editor@example.org', 'editor', 'Eda Editor');
    await site.addUser('reporter@example.org', 'contributor', 'Rita Reporter');
    await site.addUser('other@example.org', 'contributor', 'Otto Other');
    [admin, editor, reporter, other] = await Promise.all(
      ['admin', 'editor', 'reporter', 'other'].map((n) => signIn(site, `${n}@example.org`)),
    ) as [Client, Client, Client, Client];
    const created = await reporter.api('POST', '/articles', { headline: 'Reporter’s draft', section: 'global', bodyHtml: '<p>Text</p>' });
    expect(created.status).toBe(201);
    storyId = created.json.id;
  });
  afterAll(() => site?.close());

  it('answers 401 on every route without a session or token', async () => {
    const routes: [string, string][] = [
      ['GET', '/articles'], ['POST', '/articles'], ['GET', `/articles/${storyId}`], ['PATCH', `/articles/${storyId}`],
      ['POST', `/articles/${storyId}/status`], ['GET', `/articles/${storyId}/revisions`], ['POST', `/articles/${storyId}/corrections`],
      ['POST', `/articles/${storyId}/revisions/1/restore`], ['GET', '/images'], ['POST', '/images'], ['PATCH', '/images/1'],
      ['GET', '/sections'], ['GET', '/topics'], ['GET', '/users'], ['PATCH', '/users/1'], ['GET', '/audit'], ['GET', '/session'],
      ['DELETE', '/session'],
    ];
    for (const [method, path] of routes) {
      const hasBody = method !== 'GET' && method !== 'DELETE';
      const r = await fetch(`${site.url}/api/v1${path}`, { method, headers: hasBody ? { 'content-type': 'application/json' } : {}, body: hasBody ? '{}' : undefined });
      expect(r.status, `${method} ${path}`).toBe(401);
      expect((await r.json()).error.code, `${method} ${path}`).toBe('UNAUTHENTICATED');
    }
    const forged = await fetch(`${site.url}/api/v1/articles`, { headers: { authorization: 'Bearer dl_not-a-real-token' } });
    expect(forged.status).toBe(401);
  });

  it('refuses a cookie request without the CSRF token with 403, and takes it with the token', async () => {
    const without = await reporter.api('PATCH', `/articles/${storyId}`, { standfirst: 'x' }, { csrf: false });
    expect(without.status).toBe(403);
    expect(without.json.error.code).toBe('CSRF');
    const wrong = await fetch(`${site.url}/api/v1/articles/${storyId}`, {
      method: 'PATCH', headers: { cookie: reporter.cookie, 'x-csrf-token': other.csrf, 'content-type': 'application/json' }, body: '{"standfirst":"x"}',
    });
    expect(wrong.status).toBe(403);
    expect((await reporter.api('PATCH', `/articles/${storyId}`, { standfirst: 'A standfirst' })).status).toBe(200);
  });

  it('lets a contributor submit but not publish: 403', async () => {
    const publish = await reporter.api('POST', `/articles/${storyId}/status`, { status: 'published' });
    expect(publish.status).toBe(403);
    expect(publish.json.error).toMatchObject({ code: 'FORBIDDEN', field: 'status' });
    const submit = await reporter.api('POST', `/articles/${storyId}/status`, { status: 'in_review' });
    expect(submit.status).toBe(200);
    expect(submit.json.status).toBe('in_review');
  });

  it('keeps a contributor out of another contributor’s story: 403', async () => {
    expect((await other.api('GET', `/articles/${storyId}`)).status).toBe(403);
    expect((await other.api('PATCH', `/articles/${storyId}`, { headline: 'Mine now' })).status).toBe(403);
    expect((await other.api('POST', `/articles/${storyId}/status`, { status: 'draft' })).status).toBe(403);
    const list = await other.api('GET', '/articles');
    expect(list.json.items.map((a: { id: number }) => a.id)).not.toContain(storyId);
  });

  it("a slug held by someone else's draft reveals nothing: the next free one is given", async () => {
    const secret = await editor.api('POST', '/articles', { headline: 'Embargoed merger', section: 'global', slug: 'merger-talks' });
    expect(secret.json.slug).toBe('merger-talks');
    // Asking for the same address creates or renames the story at the next free one, as for a free slug: no 409.
    const mine = await other.api('POST', '/articles', { headline: 'My merger story', section: 'global', slug: 'merger-talks' });
    expect(mine.status).toBe(201);
    expect(mine.json.slug).toBe('merger-talks-2');
    const renamed = await other.api('PATCH', `/articles/${mine.json.id}`, { slug: 'merger-talks' });
    expect(renamed.status).toBe(200);
    expect(renamed.json.slug).toBe('merger-talks-2');
    const free = await other.api('PATCH', `/articles/${mine.json.id}`, { slug: 'my-merger' });
    expect(free.json.slug).toBe('my-merger');
  });

  it('serves no draft or story in review to readers: 404', async () => {
    const story = (await editor.api('GET', `/articles/${storyId}`)).json;
    expect(story.status).toBe('in_review');
    expect((await get(site, story.url)).status).toBe(404);
  });

  it('lets an editor publish, and then the page is public', async () => {
    const r = await editor.api('POST', `/articles/${storyId}/status`, { status: 'published' });
    expect(r.status).toBe(200);
    expect(r.json.firstPublishedAt).toBeTruthy();
    expect((await get(site, r.json.url)).status).toBe(200);
    // A contributor may no longer edit their story once it is published.
    expect((await reporter.api('PATCH', `/articles/${storyId}`, { headline: 'Changed' })).status).toBe(403);
  });

  it('answers 404 for unknown ids and 409 for moves the workflow does not have', async () => {
    expect((await editor.api('GET', '/articles/999999')).status).toBe(404);
    expect((await editor.api('GET', '/articles/abc')).status).toBe(404);
    const back = await editor.api('POST', `/articles/${storyId}/status`, { status: 'in_review' });
    expect(back.status).toBe(409);
  });

  it('answers 400 naming the field and the reason', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ section: 'global' }, 'headline', /expected string|required/i],
      [{ headline: 'x'.repeat(5000), section: 'global' }, 'headline', /300/],
      [{ headline: 'Fine', section: 'nowhere' }, 'section', /unknown section "nowhere"/],
      [{ headline: 'Fine', section: 'global', topics: 'not-a-list' }, 'topics', /array/i],
      [{ headline: 'Fine', section: 'global', leadImage: 424242 }, 'leadImage', /no image with id 424242/],
      [{ headline: 'Fine', section: 'global', slug: 'Not A Slug!' }, 'slug', /lower-case/],
    ];
    for (const [body, field, reason] of cases) {
      const r = await editor.api('POST', '/articles', body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.json.error.field).toBe(field);
      expect(r.json.error.message).toMatch(reason);
    }
    const badTime = await editor.api('POST', `/articles/${storyId}/status`, { status: 'scheduled', at: 'tomorrow' });
    expect(badTime.json.error.field).toBe('at');
  });

  it('refuses a 10 MB body with 413 and broken UTF-8 with 400, keeping the server up', async () => {
    const huge = await editor.api('POST', '/articles', { headline: 'Big', section: 'global', bodyHtml: `<p>${'a'.repeat(10 * 1024 * 1024)}</p>` });
    expect(huge.status).toBe(413);
    const bytes = Buffer.concat([Buffer.from('{"headline":"Bad \xff'.replace('\xff', ''), 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from('","section":"global"}')]);
    const r = await fetch(`${site.url}/api/v1/articles`, {
      method: 'POST', headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf, 'content-type': 'application/json' }, body: bytes,
    });
    expect(r.status).toBe(400);
    expect((await r.json()).error.message).toMatch(/not valid UTF-8/);
    expect((await get(site, '/healthz')).status).toBe(200);
  });

  it('keeps users and the audit log for admins only', async () => {
    expect((await editor.api('GET', '/audit')).status).toBe(403);
    expect((await editor.api('GET', '/users')).status).toBe(403);
    const users = (await admin.api('GET', '/users')).json as { id: number; email: string }[];
    const otherId = users.find((u) => u.email === 'other@example.org')!.id;
    expect((await editor.api('PATCH', `/users/${otherId}`, { role: 'editor' })).status).toBe(403);
    const promoted = await admin.api('PATCH', `/users/${otherId}`, { role: 'editor' });
    expect(promoted.json.role).toBe('editor');
    // Changing a role ends that person's sessions.
    expect((await other.api('GET', '/articles')).status).toBe(401);
  });

  it('slows sign-in after repeated failures from one address: 429 with Retry-After', async () => {
    const attempt = (pw: string) => fetch(`${site.url}/api/v1/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'editor@example.org', password: pw }),
    });
    // Counted as they start: of a burst, three are answered, the rest wait.
    const burst = await Promise.all(Array.from({ length: 5 }, () => attempt('wrong password!')));
    expect(burst.map((r) => r.status).sort()).toEqual([401, 401, 401, 429, 429]);
    expect(Number(burst.find((r) => r.status === 429)!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('accepts a bearer token from the CLI, and audits sign-ins, publishing, role changes and token use', async () => {
    const made = await site.cli(['token', 'create', '--email', 'admin@example.org']);
    const token = made.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^dl_/);
    const list = await bearer(site, token, 'GET', '/articles');
    expect(list.status).toBe(200);
    // A bearer request needs no CSRF token.
    expect((await bearer(site, token, 'POST', '/articles', { headline: 'By token', section: 'global' })).status).toBe(201);
    const audit = (await bearer(site, token, 'GET', '/audit')).json.items as { action: string }[];
    const actions = new Set(audit.map((e) => e.action));
    for (const a of ['sign-in', 'sign-in-failed', 'submit', 'publish', 'role-change', 'token-use', 'token-create', 'user-add']) {
      expect(actions, a).toContain(a);
    }
  });

  it('signs out: the cookie stops working', async () => {
    const me = await signIn(site, 'reporter@example.org');
    expect((await me.api('DELETE', '/session')).status).toBe(204);
    expect((await me.api('GET', '/articles')).status).toBe(401);
  });
});
