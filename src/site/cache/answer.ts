import type { IncomingHttpHeaders } from 'node:http';
import type { CachedPage } from './page-cache.js';

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The cache key of a request, from its method and raw URL: the path, plus the one query the site
 * uses (?page=N). Any other query is not cached: it would let a crawler fill the cache with copies.
 */
export function cacheKeyOf(method: string | undefined, url: string): string | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  const q = url.indexOf('?');
  if (q < 0) return url;
  return /^page=\d{1,6}$/.test(url.slice(q + 1)) ? url : null;
}

const negotiated = new Map<string, Encoding>();

/** The best encoding the client accepts of those the page has (answers memoised by header). */
export function negotiate(accept: string | undefined, page: CachedPage): Encoding {
  if (!page.br) return 'identity';
  const header = accept ?? '';
  let best = negotiated.get(header);
  if (best === undefined) {
    best = parseAccept(header);
    if (negotiated.size > 256) negotiated.clear();
    negotiated.set(header, best);
  }
  return best;
}

function parseAccept(accept: string): Encoding {
  const offered = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    if (name) offered.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const accepts = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : 'identity';
}

export function notModified(headers: IncomingHttpHeaders, page: CachedPage): boolean {
  const match = headers['if-none-match'];
  if (match) {
    return match.split(',').some((t) => {
      const tag = t.trim().replace(/^W\//, '').replace(/-(br|gz)"$/, '"');
      return tag === page.etag || tag === '*';
    });
  }
  const since = headers['if-modified-since'];
  return since ? Date.parse(since) >= page.lastModified.getTime() : false;
}

export const bodyOf = (page: CachedPage, encoding: Encoding): Buffer =>
  encoding === 'br' ? page.br! : encoding === 'gzip' ? page.gzip! : page.identity;

/**
 * The headers a cached page is answered with, for one encoding (the body's length aside); a 304
 * has no body, so no content encoding.
 */
export function pageHeaders(page: CachedPage, encoding: Encoding, state: 'HIT' | 'MISS', cacheControl: string, status: 200 | 304 = 200): [string, string][] {
  const headers: [string, string][] = [
    ['content-type', page.type],
    ['cache-control', cacheControl],
    ['etag', encoding === 'identity' ? page.etag : `${page.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"`],
    ['last-modified', page.lastModified.toUTCString()],
    ['vary', 'accept-encoding'],
    ['surrogate-key', page.tags.join(' ')],
    ['cache-tag', page.tags.join(',')],
    ['x-cache', state],
  ];
  if (encoding !== 'identity' && status === 200) headers.push(['content-encoding', encoding]);
  return headers;
}
