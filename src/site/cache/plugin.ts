import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bodyOf, cacheKeyOf, negotiate, notModified, pageHeaders, type Encoding } from './answer.js';
import type { FrontDoor } from './front-door.js';
import { cachedPage, PageCache, type CachedPage } from './page-cache.js';

/** Where committed changes are read from: the store's page-change log. */
export interface ChangeSource {
  since(afterId: number, limit?: number): Promise<{ id: number; tags: string[] }[]>;
  latest(): Promise<number>;
  /** Changes whenever anything commits to the database (cheap, synchronous). */
  version(): number;
}

export interface PageCacheOptions {
  maxBytes: number;
  changes: ChangeSource;
  /** CDN lifetime and how long a CDN may serve a stale copy while it fetches a fresh one. */
  sMaxAge: number;
  staleWhileRevalidate: number;
  /** Where fresh cached pages are answered before routing (the app's HTTP server). */
  frontDoor?: FrontDoor;
  /**
   * Told the surrogate keys of every change (a CDN purge). With it the change log is also read
   * twice a second when no request comes: a CDN answering readers sends the origin none.
   */
  onPurge?: (tags: string[]) => void;
  now?: () => number;
}

interface Leader {
  key: string;
  generation: number;
  done: (page: CachedPage | null) => void;
}

const wantsCache = new WeakMap<FastifyRequest, { tags: Iterable<string>; maxAgeMs?: number }>();

/**
 * Marks the page being sent as cacheable, filed under the surrogate keys of everything it shows
 * (`article:12`, `section:3`, `topic:5`, `home`, `nav`...). `maxAgeMs` bounds pages that change
 * with the clock rather than with content (the news sitemap's 48 hours).
 */
export function cacheable(reply: FastifyReply, tags: Iterable<string>, opts: { maxAgeMs?: number } = {}): void {
  wantsCache.set(reply.request, { tags, maxAgeMs: opts.maxAgeMs });
}

// Public pages only: not search results (endless queries), files, or the newsroom.
// (The hooks are the site plugin's own: the newsroom, the API and /readyz never pass here.)
const uncached = new Set(['/search', '/healthz', '/robots.txt', '/favicon.ico']);

function cacheKey(req: FastifyRequest): string | null {
  const route = req.routeOptions.url;
  if (!route || uncached.has(route) || route.startsWith('/assets') || route.startsWith('/media')) return null;
  return cacheKeyOf(req.method, req.url);
}

/**
 * The full-page cache: pages from memory with ETag/Last-Modified and 304s, gzip and brotli
 * made once per render, Surrogate-Key/Cache-Tag headers for a CDN, one render at a time per page
 * (a burst after a purge waits for it), and exact invalidation from the page-change log, which
 * every process writing content appends to: checked before every cached answer, so a change
 * from the CLI or another server is live on the next request.
 */
export function pageCachePlugin(app: FastifyInstance, o: PageCacheOptions): void {
  const cache = new PageCache(o.maxBytes);
  const now = o.now ?? Date.now;
  const leaders = new WeakMap<FastifyRequest, Leader>();
  const rendering = new Map<string, Promise<CachedPage | null>>();
  const cacheControl = `public, max-age=0, must-revalidate, s-maxage=${o.sMaxAge}, stale-while-revalidate=${o.staleWhileRevalidate}`;

  let syncedTo = -1;
  let syncedAt = 0;
  let seenVersion = Number.NaN;
  let syncing: Promise<void> | null = null;
  // Nothing committed anywhere since the last look, and not idle for long: the cache is current.
  const current = (version: number) => version === seenVersion && now() - syncedAt < 60_000;
  const sync = (): Promise<void> | void => {
    const version = o.changes.version();
    if (!current(version)) return readChanges(version);
  };
  const readChanges = (version: number) => (syncing ??= (async () => {
    try {
      if (syncedTo < 0 || now() - syncedAt > 3_600_000) {
        // First use, or idle for an hour (old changes may be pruned): start from a clean cache.
        syncedTo = await o.changes.latest();
        cache.purgeAll();
      } else {
        for (let batch = await o.changes.since(syncedTo); batch.length; batch = await o.changes.since(syncedTo)) {
          const tags = batch.flatMap((c) => c.tags);
          cache.purge(tags);
          o.onPurge?.(tags);
          syncedTo = batch.at(-1)!.id;
        }
      }
      syncedAt = now();
      seenVersion = version;
    } finally {
      syncing = null;
    }
  })());

  if (o.onPurge) {
    const poll = setInterval(() => void Promise.resolve(sync()).catch((err: unknown) => app.log.warn({ err }, 'could not read the page-change log')), 500);
    poll.unref();
    app.addHook('onClose', (_app, done) => {
      clearInterval(poll);
      done();
    });
  }

  // Before routing: a fresh cached page, when nothing has committed since the last look.
  const headersOf = new WeakMap<CachedPage, Partial<Record<`${200 | 304}:${Encoding}`, string[]>>>();
  const rawHeaders = (page: CachedPage, encoding: Encoding, status: 200 | 304): string[] => {
    let known = headersOf.get(page);
    if (!known) headersOf.set(page, (known = {}));
    const which = `${status}:${encoding}` as const;
    return (known[which] ??= [
      ...(o.frontDoor?.headers ?? []),
      ...pageHeaders(page, encoding, 'HIT', cacheControl, status),
      ...(status === 200 ? [['content-length', String(bodyOf(page, encoding).length)] as [string, string]] : []),
    ].flat());
  };
  // Closing: Fastify answers (with Connection: close) so keep-alive clients let go.
  app.addHook('preClose', (done) => {
    o.frontDoor?.open(null);
    done();
  });
  o.frontDoor?.open((req: IncomingMessage, res: ServerResponse) => {
    const key = cacheKeyOf(req.method, req.url ?? '');
    if (key === null || syncing || !current(o.changes.version())) return false;
    const page = cache.get(key, now());
    if (!page) return false;
    const encoding = negotiate(req.headers['accept-encoding'], page);
    if (notModified(req.headers, page)) {
      res.writeHead(304, rawHeaders(page, encoding, 304)).end();
    } else {
      res.writeHead(page.status, rawHeaders(page, encoding, 200)).end(req.method === 'HEAD' ? undefined : bodyOf(page, encoding));
    }
    return true;
  });

  app.addHook('onRequest', async (req, reply) => {
    const key = cacheKey(req);
    if (!key) return;
    const pending = sync();
    if (pending) await pending;
    let page = cache.get(key, now());
    if (!page) {
      const inFlight = rendering.get(key);
      if (inFlight) page = (await inFlight) ?? undefined;
    }
    if (page) {
      serve(req, reply, page);
      return reply;
    }
    let done!: (p: CachedPage | null) => void;
    rendering.set(key, new Promise((resolve) => (done = resolve)));
    leaders.set(req, { key, generation: cache.generation, done });
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const leader = leaders.get(req);
    const wanted = wantsCache.get(req);
    if (!leader || !wanted || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const type = String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8');
    const page = cachedPage(payload, { status: 200, type, tags: wanted.tags, now: now(), maxAgeMs: wanted.maxAgeMs });
    // A change purged the cache while this page was rendered: it may show the old version.
    if (cache.generation === leader.generation) cache.set(leader.key, page);
    finish(req, page);
    return headers(req, reply, page, 'MISS');
  });

  app.addHook('onResponse', async (req) => finish(req, null));

  function finish(req: FastifyRequest, page: CachedPage | null): void {
    const leader = leaders.get(req);
    if (!leader) return;
    leaders.delete(req);
    rendering.delete(leader.key);
    leader.done(page);
  }

  function serve(req: FastifyRequest, reply: FastifyReply, page: CachedPage): void {
    if (notModified(req.headers, page)) {
      headers(req, reply, page, 'HIT', 304);
      reply.code(304).send();
      return;
    }
    reply.code(page.status).send(headers(req, reply, page, 'HIT'));
  }

  /** Sets the page's headers for the encoding the client accepts; returns the body to send. */
  function headers(req: FastifyRequest, reply: FastifyReply, page: CachedPage, state: 'HIT' | 'MISS', status: 200 | 304 = 200): Buffer {
    const encoding = negotiate(req.headers['accept-encoding'], page);
    for (const [name, value] of pageHeaders(page, encoding, state, cacheControl, status)) reply.header(name, value);
    return bodyOf(page, encoding);
  }
}
