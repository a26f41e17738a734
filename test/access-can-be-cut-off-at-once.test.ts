import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from './support/database.js';
import { bearer, signIn, type Client } from './support/http.js';
import { get, password, startSite, type TestSite } from './support/site.js';

const day = 86_400_000;

describe('access can be cut off at once', () => {
  let site: TestSite;
  let admin: Client;
  let editor: Client;
  let reporter: Client;
  /** How far the site's clock is ahead of the real one (the CLI keeps real time). */
  let shift = 0;
  const ids = new Map<string, number>();
  const idOf = (name: string) => ids.get(`${name}@example.org`)!;

  /** A token made with the CLI: its id and secret. */
  async function cliToken(name: string, ...extra: string[]): Promise<{ id: number; secret: string }> {
    const r = await site.cli(['token', 'create', '--email', `${name}@example.org`, ...extra]);
    expect(r.code, r.stderr).toBe(0);
    const [first, secret] = r.stdout.trim().split('\n') as [string, string];
    return { id: Number(/^token (\d+) for /.exec(first)![1]), secret };
  }

  const signInStatus = async (email: string) => (await fetch(`${site.url}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  })).status;

  /** A newsroom form posted with the session cookie, as a browser would. */
  const form = (client: Client, path: string, fields: Record<string, string>) => fetch(`${site.url}/newsroom${path}`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams(fields),
    headers: { cookie: client.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });

  beforeAll(async () => {
    site = await startSite('cut-off', { sections: ['Global'], now: () => new Date(Date.now() + shift) });
    await Promise.all([
      site.addUser('admin@example.org', 'admin', 'Ada Admin'), site.addUser('editor@example.org', 'editor', 'Eda Editor'),
      ...['reporter', 'temp', 'leaver', 'cli', 'page', 'gone'].map((name) => site.addUser(`${name}@example.org`, 'contributor')),
    ]);
    [admin, editor, reporter] = await Promise.all(['admin', 'editor', 'reporter'].map((n) => signIn(site, `${n}@example.org`))) as [Client, Client, Client];
    for (const u of (await admin.api('GET', '/users')).json as { id: number; email: string }[]) ids.set(u.email, u.id);
  });
  afterAll(() => site?.close());

  it('answers 401 to a revoked token on its next request, saying it was revoked', async () => {
    const made = await reporter.api('POST', '/tokens', { label: 'laptop script', days: 30 });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ label: 'laptop script', status: 'active', email: 'reporter@example.org' });
    expect(Date.parse(made.json.expiresAt) - Date.now()).toBeGreaterThan(29 * day);
    expect((await bearer(site, made.json.token, 'GET', '/articles')).status).toBe(200);

    const listed = (await reporter.api('GET', '/tokens')).json as { id: number; lastUsedAt: string | null }[];
    expect(listed.find((t) => t.id === made.json.id)!.lastUsedAt).not.toBeNull();
    const revoked = await reporter.api('DELETE', `/tokens/${made.json.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.json.status).toBe('revoked');

    const after = await bearer(site, made.json.token, 'GET', '/articles');
    expect(after.status).toBe(401);
    expect(after.json.error.message).toMatch(/revoked/);
  });

  it('answers 401 to an expired token, saying so, and renewing it makes it work again', async () => {
    const { id, secret } = await cliToken('reporter', '--days', '1', '--label', 'short-lived');
    expect((await bearer(site, secret, 'GET', '/articles')).status).toBe(200);
    shift = 2 * day;
    try {
      const expired = await bearer(site, secret, 'GET', '/articles');
      expect(expired.status).toBe(401);
      expect(expired.json.error.message).toMatch(new RegExp(`token \\(${id}\\) expired on .*renew`));

      const renewed = await site.cli(['token', 'renew', String(id), '--days', '30']);
      expect(renewed.code, renewed.stderr).toBe(0);
      expect(renewed.stdout).toMatch(new RegExp(`^renewed token ${id} of reporter@example.org: expires \\d{4}-`));
      expect((await bearer(site, secret, 'GET', '/articles')).status).toBe(200);
    } finally {
      shift = 0;
    }
  });

  it('ends a disabled user’s cookie session and tokens at once; enabled again, they can sign in', async () => {
    const temp = await signIn(site, 'temp@example.org');
    const { secret } = await cliToken('temp');
    expect((await temp.api('GET', '/articles')).status).toBe(200);
    expect((await bearer(site, secret, 'GET', '/articles')).status).toBe(200);

    const disabled = await admin.api('POST', `/users/${idOf('temp')}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.json).toMatchObject({ disabled: true, sessionsEnded: 1, tokensRevoked: 1 });
    expect((await temp.api('GET', '/articles')).status).toBe(401);
    expect((await bearer(site, secret, 'GET', '/articles')).status).toBe(401);
    expect(await signInStatus('temp@example.org')).toBe(401);

    const enabled = await admin.api('POST', `/users/${idOf('temp')}/enable`);
    expect(enabled.json.disabled).toBe(false);
    const again = await signIn(site, 'temp@example.org');
    expect((await again.api('GET', '/articles')).status).toBe(200);
    // Its old tokens stay revoked: enabling must not bring back one that may have leaked.
    expect((await bearer(site, secret, 'GET', '/articles')).status).toBe(401);
  });

  it('removes an account with its sessions and tokens, while its stories stay and still render', async () => {
    const leaver = await signIn(site, 'leaver@example.org');
    const { secret } = await cliToken('leaver');
    const draft = await leaver.api('POST', '/articles', { headline: 'Harbour bridge reopens', section: 'global', bodyHtml: '<p>Traffic flows again.</p>' });
    expect(draft.status).toBe(201);
    const published = await editor.api('POST', `/articles/${draft.json.id}/status`, { status: 'published' });
    expect(published.status).toBe(200);

    expect((await admin.api('DELETE', `/users/${idOf('leaver')}`)).status).toBe(204);
    const users = (await admin.api('GET', '/users')).json as { email: string }[];
    expect(users.map((u) => u.email)).not.toContain('leaver@example.org');
    expect((await leaver.api('GET', '/articles')).status).toBe(401);
    expect((await bearer(site, secret, 'GET', '/articles')).status).toBe(401);
    expect(await signInStatus('leaver@example.org')).toBe(401);

    const page = await get(site, published.json.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Harbour bridge reopens');
    expect((await editor.api('GET', `/articles/${draft.json.id}`)).status).toBe(200);
    expect((await editor.api('GET', `/articles/${draft.json.id}/revisions`)).json.length).toBeGreaterThan(0);
    // The audit log still says who did what: the email is kept as text, the reference is gone.
    const entries = query<{ actor_id: number | null }>(site.dataDir, "select actor_id from audit_log where actor = 'leaver@example.org'");
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.actor_id === null)).toBe(true);
    expect(query(site.dataDir, `select id from api_tokens where user_id = ${idOf('leaver')}`)).toEqual([]);
  });

  it('refuses to let the last enabled admin disable or remove themselves: 409', async () => {
    const disable = await admin.api('POST', `/users/${idOf('admin')}/disable`);
    expect(disable.status).toBe(409);
    expect(disable.json.error.code).toBe('CONFLICT');
    expect((await admin.api('DELETE', `/users/${idOf('admin')}`)).status).toBe(409);
    expect((await admin.api('GET', '/users')).status).toBe(200);
  });

  it('keeps a contributor to their own tokens and away from other accounts: 403', async () => {
    const { id: adminToken } = await cliToken('admin');
    expect((await reporter.api('GET', `/tokens?user=${idOf('admin')}`)).status).toBe(403);
    const own = (await reporter.api('GET', '/tokens')).json as { email: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((t) => t.email))).toEqual(new Set(['reporter@example.org']));
    expect((await reporter.api('DELETE', `/tokens/${adminToken}`)).status).toBe(403);
    expect((await reporter.api('POST', `/users/${idOf('editor')}/disable`)).status).toBe(403);
    expect((await editor.api('DELETE', `/users/${idOf('reporter')}`)).status).toBe(403);
    // An admin sees everyone's, and may filter by user.
    const all = (await admin.api('GET', '/tokens')).json as { email: string }[];
    expect(all.some((t) => t.email === 'admin@example.org') && all.some((t) => t.email === 'reporter@example.org')).toBe(true);
    const filtered = (await admin.api('GET', `/tokens?user=${idOf('reporter')}`)).json as { email: string }[];
    expect(new Set(filtered.map((t) => t.email))).toEqual(new Set(['reporter@example.org']));
    // A token cannot make tokens or push its own expiry out: that takes a password sign-in.
    const { id, secret } = await cliToken('reporter');
    expect((await bearer(site, secret, 'POST', '/tokens', { label: 'offspring' })).status).toBe(403);
    expect((await bearer(site, secret, 'POST', `/tokens/${id}/renew`, {})).status).toBe(403);
  });

  it('shows each user’s tokens on the users page, whose forms need the CSRF token', async () => {
    const { id: tokenId } = await cliToken('page', '--label', 'page feed');
    const html = await (await fetch(`${site.url}/newsroom/users`, { headers: { cookie: admin.cookie } })).text();
    expect(html).toMatch(new RegExp(`#${tokenId} page feed</td><td><time[^>]*>[^<]+</time></td><td><time[^>]*>[^<]+</time></td><td>never</td>\\s*<td><span class="nr-badge">active</span>`));
    expect(html).toContain(`action="/newsroom/users/${idOf('page')}/disable"`);
    expect(html).toContain(`action="/newsroom/tokens/${tokenId}/revoke"`);

    const forged = await form(admin, `/users/${idOf('page')}/disable`, {});
    expect(forged.status).toBe(403);
    const users = async () => (await admin.api('GET', '/users')).json as { email: string; disabled: boolean }[];
    expect((await users()).find((u) => u.email === 'page@example.org')!.disabled).toBe(false);

    const done = await form(admin, `/users/${idOf('page')}/disable`, { _csrf: admin.csrf });
    expect(done.status).toBe(303);
    expect(decodeURIComponent(done.headers.get('location')!)).toMatch(/ok=page@example.org is disabled/);
    expect((await users()).find((u) => u.email === 'page@example.org')!.disabled).toBe(true);
    const after = await (await fetch(`${site.url}/newsroom/users`, { headers: { cookie: admin.cookie } })).text();
    expect(after).toMatch(/<td>Disabled<\/td>/);
    expect(after).toMatch(new RegExp(`#${tokenId} page feed</td>.*?<span class="nr-badge">revoked</span>`, 's'));

    const { id: other } = await cliToken('gone');
    expect((await form(admin, `/tokens/${other}/revoke`, { _csrf: admin.csrf })).status).toBe(303);
    expect(query<{ revoked_at: string | null }>(site.dataDir, `select revoked_at from api_tokens where id = ${other}`)[0]!.revoked_at).not.toBeNull();

    const unconfirmed = await form(admin, `/users/${idOf('gone')}/remove`, { _csrf: admin.csrf });
    expect(decodeURIComponent(unconfirmed.headers.get('location')!)).toMatch(/error=tick the box/);
    expect((await users()).map((u) => u.email)).toContain('gone@example.org');
    expect((await form(admin, `/users/${idOf('gone')}/remove`, { _csrf: admin.csrf, confirm: 'yes' })).status).toBe(303);
    expect((await users()).map((u) => u.email)).not.toContain('gone@example.org');
  });

  it('lists, revokes and disables from the command line, with exit codes', async () => {
    const { id, secret } = await cliToken('cli', '--label', 'wire bot', '--days', '7');
    // The token acts as its owner (its id is not the owner's: there are more tokens than users by now).
    expect(id).toBeGreaterThan(ids.size);
    expect((await bearer(site, secret, 'GET', '/session')).json.user).toMatchObject({ id: idOf('cli'), email: 'cli@example.org' });
    const list = await site.cli(['token', 'list', '--email', 'cli@example.org']);
    expect(list.code).toBe(0);
    const [line, ...others] = list.stdout.trim().split('\n');
    expect(others).toEqual([]);
    const [tid, email, label, created, expires, lastUsed, status] = line!.split('\t');
    expect({ tid, email, label, status }).toEqual({ tid: String(id), email: 'cli@example.org', label: 'wire bot', status: 'active' });
    expect(Date.parse(lastUsed!)).toBeGreaterThan(Date.parse(created!));
    expect(Math.round((Date.parse(expires!) - Date.parse(created!)) / day)).toBe(7);
    expect((await site.cli(['token', 'list'])).stdout).toMatch(/\treporter@example\.org\t/);

    expect((await site.cli(['token', 'revoke'])).code).toBe(2);
    expect((await site.cli(['token', 'create', '--email', 'cli@example.org', '--days', 'soon'])).code).toBe(2);
    const unknown = await site.cli(['token', 'revoke', '999999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('dateline token: no API token with id 999999\n');
    const revoked = await site.cli(['token', 'revoke', String(id)]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toBe(`revoked token ${id} of cli@example.org\n`);
    expect((await bearer(site, secret, 'GET', '/articles')).status).toBe(401);
    expect((await site.cli(['token', 'list', '--email', 'cli@example.org'])).stdout).toMatch(/\trevoked\n$/);

    const cli = await signIn(site, 'cli@example.org');
    await cliToken('cli');
    const disabled = await site.cli(['user', 'disable', '--email', 'cli@example.org']);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toBe('disabled cli@example.org (1 session ended, 1 token revoked)\n');
    expect((await cli.api('GET', '/articles')).status).toBe(401);
    expect((await site.cli(['user', 'list'])).stdout).toMatch(/^cli@example\.org\tcontributor\tcli\tdisabled$/m);
    expect((await site.cli(['user', 'disable'])).code).toBe(2);
    const lastAdmin = await site.cli(['user', 'disable', '--email', 'admin@example.org']);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toMatch(/^dateline user: admin@example\.org is the last enabled admin[^\n]*\n$/);
  });

  it('records every token and account action in the audit log', async () => {
    const expected: Record<string, string> = {
      'token-create': 'reporter@example.org', 'token-revoke': 'reporter@example.org', 'token-renew': 'reporter@example.org',
      'user-disable': 'temp@example.org', 'user-enable': 'temp@example.org', 'user-remove': 'leaver@example.org',
    };
    for (const [action, about] of Object.entries(expected)) {
      const r = await admin.api('GET', `/audit?action=${action}`);
      const entries = r.json.items as { actor: string; detail: Record<string, unknown> }[];
      expect(entries.length, action).toBeGreaterThan(0);
      expect(entries.some((e) => e.detail.user === about || e.detail.email === about), action).toBe(true);
    }
    const removal = (await admin.api('GET', '/audit?action=user-remove')).json.items as { actor: string; detail: Record<string, unknown> }[];
    expect(removal.find((e) => e.detail.email === 'leaver@example.org')).toMatchObject({ actor: 'admin@example.org', detail: { stories: 1 } });
  });
});
