import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A rendered public page, kept with its compressed forms (compressed once, served many times). */
export interface CachedPage {
  status: number;
  type: string;
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  /** Strong validator of the bytes (the compressed forms add -gz / -br). */
  etag: string;
  lastModified: Date;
  tags: string[];
  /** Time after which the page is rendered again though nothing changed (time-bound pages). */
  expiresAt: number;
  bytes: number;
}

// Below this, compressing saves less than the headers it costs.
const compressFrom = 1024;

export function cachedPage(body: string, o: { status: number; type: string; tags: Iterable<string>; now: number; maxAgeMs?: number }): CachedPage {
  const identity = Buffer.from(body);
  const big = identity.length >= compressFrom;
  const gzip = big ? gzipSync(identity, { level: 6 }) : null;
  // Quality 5: most of brotli's gain at a fraction of the time of its maximum (11).
  const br = big ? brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }) : null;
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`;
  return {
    status: o.status, type: o.type, identity, gzip, br, etag, lastModified: new Date(Math.floor(o.now / 1000) * 1000),
    tags: [...new Set(o.tags)], expiresAt: o.maxAgeMs === undefined ? Infinity : o.now + o.maxAgeMs,
    bytes: identity.length + (gzip?.length ?? 0) + (br?.length ?? 0),
  };
}

/**
 * Rendered pages in memory, bounded by bytes, least recently used out first, each filed under
 * its surrogate keys so a change purges exactly the pages that show what changed.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  /** Bumped by every purge: a page rendered across one may show what was purged, and is not kept. */
  generation = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string, now: number): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    if (page.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    // Re-inserting moves it to the young end of the Map's order: the LRU list.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  set(key: string, page: CachedPage): void {
    if (page.bytes > this.maxBytes / 4) return;
    this.delete(key);
    this.pages.set(key, page);
    this.bytes += page.bytes;
    for (const tag of page.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const [oldest] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Drops every page filed under any of the tags ('*': every page); returns how many went. */
  purge(tags: Iterable<string>): number {
    const all = [...tags];
    if (all.includes('*')) {
      const n = this.pages.size;
      this.purgeAll();
      return n;
    }
    this.generation++;
    let n = 0;
    for (const tag of all) {
      for (const key of this.byTag.get(tag) ?? []) {
        if (this.delete(key)) n++;
      }
    }
    return n;
  }

  purgeAll(): void {
    this.generation++;
    this.pages.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  get size(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  private delete(key: string): boolean {
    const page = this.pages.get(key);
    if (!page) return false;
    this.pages.delete(key);
    this.bytes -= page.bytes;
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys && !keys.size) this.byTag.delete(tag);
    }
    return true;
  }
}
