import { password, type TestSite } from './site.js';

/** A newsroom user's HTTP client: signs in through the API and keeps the cookie and CSRF token. */
export interface Client {
  cookie: string;
  csrf: string;
  /** JSON request with the session cookie and (unless `csrf: false`) the CSRF header. */
  api(method: string, path: string, body?: unknown, opts?: { csrf?: boolean }): Promise<{ status: number; json: any; headers: Headers }>;
}

export async function signIn(site: TestSite, email: string): Promise<Client> {
  const res = await fetch(`${site.url}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (res.status !== 201) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrf: csrfToken,
    async api(method, path, body, opts = {}) {
      const headers: Record<string, string> = { cookie };
      if (opts.csrf !== false) headers['x-csrf-token'] = csrfToken;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const r = await fetch(`${site.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
      const text = await r.text();
      return { status: r.status, json: text ? JSON.parse(text) : null, headers: r.headers };
    },
  };
}

export async function bearer(site: TestSite, token: string, method: string, path: string, body?: unknown) {
  const r = await fetch(`${site.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}
