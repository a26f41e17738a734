import type { TestSite } from './site.js';

/** Adds a push source through the CLI and returns its token (printed once). */
export async function addPushSource(site: TestSite, slug: string, rules: string[] = []): Promise<string> {
  const r = await site.cli(['source', 'add', slug, '--kind', 'push', ...rules]);
  if (r.code !== 0) throw new Error(`source add failed: ${r.stderr}`);
  return /Bearer (\S+)"/.exec(r.stdout)![1]!;
}

/** POSTs a delivery to /ingest/{slug} as an agency would. */
export async function push(site: TestSite, slug: string, token: string | null, body: string | Buffer, contentType = 'application/json') {
  const res = await fetch(`${site.url}/ingest/${slug}`, {
    method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch { /* not JSON */ }
  return { status: res.status, json, text };
}
