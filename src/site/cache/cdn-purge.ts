/** What a CDN purger needs from the app: where to send and where to complain. */
export interface CdnPurgeOptions {
  url: string;
  token: string | undefined;
  warn: (message: string, err?: unknown) => void;
}

// Keys per call: CDNs bound a purge request (Cloudflare takes 30 tags a call on small plans,
// Fastly 256 keys): many small calls are the safe side.
const keysPerCall = 30;

/**
 * Tells a CDN in front which pages changed: a POST per batch of surrogate keys to the configured
 * URL, as JSON `{"tags": [...]}` and as a `Surrogate-Key` header (the two common conventions;
 * a small adapter or the CDN's own endpoint takes either). `*` means every page. Failures are
 * logged and dropped: the CDN's own `s-maxage` bounds how long a missed purge shows old pages.
 */
export function cdnPurger(o: CdnPurgeOptions): (tags: string[]) => void {
  let queue: Promise<void> = Promise.resolve();
  return (tags) => {
    const keys = [...new Set(tags)];
    for (let i = 0; i < keys.length; i += keysPerCall) {
      const batch = keys.slice(i, i + keysPerCall);
      // One call at a time, in order: a purge must not overtake an earlier one.
      queue = queue.then(() => send(o, batch)).catch((err: unknown) => o.warn('CDN purge failed', err));
    }
  };
}

async function send(o: CdnPurgeOptions, tags: string[]): Promise<void> {
  const res = await fetch(o.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'surrogate-key': tags.join(' '),
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
    },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(5000),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${o.url} answered ${res.status}`);
}
