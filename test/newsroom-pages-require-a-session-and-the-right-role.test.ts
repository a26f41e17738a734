import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from './support/http.js';
import { startSite, type TestSite } from './support/site.js';

describe('the newsroom in the browser checks the session and role on the server', () => {
  let site: TestSite;
  let rita: Client;
  let otto: Client;
  let editor: Client;
  let ritaStory: number;

  beforeAll(async () => {
    site = await startSite('ui-roles', { sections: ['Global'] });
    await site.addUser('rita@example.org', 'contributor');
    await site.addUser('otto@example.org', 'contributor');
    await site.addUser('eda@example.org', 'editor');
    [rita, otto, editor] = await Promise.all(['rita', 'otto', 'eda'].map((n) => signIn(site, `${n}@example.org`))) as [Client, Client, Client];
    ritaStory = (await rita.api('POST', '/articles', { headline: 'Rita’s story', section: 'global' })).json.id;
  });
  afterAll(() => site?.close());

  const page = (c: Client | null, method: string, path: string, form?: Record<string, string>) =>
    fetch(`${site.url}${path}`, {
      method,
      redirect: 'manual',
      headers: { ...(c ? { cookie: c.cookie } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });

  it('sends a visitor without a session to sign in, from every page and form', async () => {
    const routes: [string, string][] = [
      ['GET', '/newsroom'], ['GET', '/newsroom/articles/new'], ['GET', `/newsroom/articles/${ritaStory}`],
      ['POST', `/newsroom/articles/${ritaStory}/status`], ['POST', `/newsroom/articles/${ritaStory}/corrections`],
      ['GET', `/newsroom/articles/${ritaStory}/preview`], ['GET', `/newsroom/articles/${ritaStory}/revisions`], ['GET', `/newsroom/articles/${ritaStory}/revisions/1`],
      ['POST', `/newsroom/articles/${ritaStory}/revisions/1/restore`], ['GET', '/newsroom/media'], ['POST', '/newsroom/media/1'],
      ['GET', '/newsroom/users'], ['POST', '/newsroom/users/1/role'], ['GET', '/newsroom/audit'], ['POST', '/newsroom/sign-out'],
    ];
    for (const [method, path] of routes) {
      const r = await page(null, method, path, method === 'POST' ? { x: '1' } : undefined);
      expect(r.status, `${method} ${path}`).toBe(303);
      expect(r.headers.get('location'), `${method} ${path}`).toMatch(/^\/newsroom\/sign-in\?next=/);
    }
    // A story saved after the session ended is not lost: the typed text comes back to copy.
    for (const path of ['/newsroom/articles', `/newsroom/articles/${ritaStory}`]) {
      const r = await page(null, 'POST', path, { headline: 'Typed while signed out', bodyHtml: '<p>Precious words</p>', section: 'global' });
      expect(r.status, path).toBe(401);
      const html = await r.text();
      expect(html).toContain('Your story was not saved');
      expect(html).toContain('&lt;p&gt;Precious words&lt;/p&gt;');
    }
    const media = await fetch(`${site.url}/newsroom/media`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--\r\n' });
    expect(media.status).toBe(303);
  });

  it('refuses a form posted with the cookie but without the CSRF token: 403', async () => {
    const r = await page(rita, 'POST', `/newsroom/articles/${ritaStory}`, { headline: 'Forged', section: 'global' });
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('did not come from this site');
    const status = await page(rita, 'POST', `/newsroom/articles/${ritaStory}/status`, { status: 'in_review' });
    expect(status.status).toBe(403);
    expect((await rita.api('GET', `/articles/${ritaStory}`)).json.headline).toBe('Rita’s story');
  });

  it('keeps a contributor out of another contributor’s story and out of publishing', async () => {
    expect((await page(otto, 'GET', `/newsroom/articles/${ritaStory}`)).status).toBe(403);
    const edit = await page(otto, 'POST', `/newsroom/articles/${ritaStory}`, { _csrf: otto.csrf, headline: 'Otto was here', section: 'global' });
    expect(edit.status).toBe(403);
    const publish = await page(rita, 'POST', `/newsroom/articles/${ritaStory}/status`, { _csrf: rita.csrf, status: 'published' });
    expect(publish.status).toBe(303);
    expect(decodeURIComponent(publish.headers.get('location')!)).toContain('only an editor may make a story published');
    expect((await editor.api('GET', `/articles/${ritaStory}`)).json.status).toBe('draft');
  });

  it('keeps users and the audit log for admins', async () => {
    expect((await page(editor, 'GET', '/newsroom/users')).status).toBe(403);
    expect((await page(editor, 'GET', '/newsroom/audit')).status).toBe(403);
  });

  it('never caches newsroom pages', async () => {
    const r = await page(editor, 'GET', '/newsroom');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(await r.text()).toContain('noindex');
  });

  it('refuses a sign-in form posted from another site (login CSRF)', async () => {
    const r = await fetch(`${site.url}/newsroom/sign-in`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ email: 'eda@example.org', password: 'correct horse battery' }).toString(),
    });
    expect(r.status).toBe(403);
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('only follows a "next" address inside the newsroom after signing in', async () => {
    const r = await fetch(`${site.url}/newsroom/sign-in`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'eda@example.org', password: 'correct horse battery', next: 'https://evil.example/' }).toString(),
    });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/newsroom');
  });
});
