import { DatelineError } from '../shared/index.js';
import { readCapped } from './fetched.js';
import { maxPictureBytes } from './local-file.js';

const timeoutMs = 30_000;

/** Whether a rendition's address is on a host the source allows pictures from ("host" or "host:port"). */
export function pictureHostAllowed(href: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.host.toLowerCase();
  return hosts.some((h) => h.toLowerCase() === host || h.toLowerCase() === url.hostname.toLowerCase() && !url.port);
}

/**
 * Fetches a picture from an allowed agency host: no redirects (they could lead anywhere, the
 * network inside included), an image content type, at most maxPictureBytes, within 30 s.
 */
export async function fetchPicture(href: string): Promise<Buffer> {
  const fail = (why: string) => new DatelineError('INVALID_WIRE_ITEM', `picture ${href}: ${why}`);
  let res: Response;
  try {
    res = await fetch(href, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'Dateline wire picture fetch', accept: 'image/*' } });
  } catch (e) {
    throw fail(`cannot be fetched (${(e as Error).message})`);
  }
  if (res.status >= 300 && res.status < 400) throw fail(`redirects elsewhere (${res.status}); not followed`);
  if (!res.ok) throw fail(`the host answered ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (!/^image\//i.test(type)) throw fail(`is ${type || 'of no stated type'}, not an image`);
  return readCapped(res, maxPictureBytes, () => fail(`is larger than ${maxPictureBytes} bytes`));
}
