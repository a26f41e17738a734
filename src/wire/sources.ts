import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { requireSection } from '../content/index.js';
import { DatelineError, slugify } from '../shared/index.js';
import type { IngestContext, IngestRules } from './ingest.js';
import type { SourceKind, SourceMode, WireSourceRecord } from './ports.js';

export interface SourceInput {
  slug: string;
  name?: string;
  kind: SourceKind;
  /** Folder (folder) or feed URL (poll). */
  location?: string;
  intervalSeconds?: number;
  section?: string | null;
  topics?: string[];
  mode?: SourceMode;
  /** Hosts ("host" or "host:port") its items' remote pictures may be fetched from. */
  pictureHosts?: string[];
}

const defaultInterval: Record<SourceKind, number> = { folder: 5, poll: 300, push: 0 };
/** Agencies' feeds are polled at most this often: more is abuse of their servers. */
const minPollSeconds = 30;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const invalid = (message: string) => new DatelineError('INVALID_INPUT', message);

/**
 * Adds a source with its rules. A push source gets a token, returned once and stored only as a
 * hash; a folder must exist; a feed must be an http(s) address.
 */
export async function addSource(ctx: IngestContext, input: SourceInput): Promise<{ source: WireSourceRecord; token: string | null }> {
  const slug = slugify(input.slug);
  if (!slug || slug !== input.slug) throw invalid(`source name "${input.slug}" must be lower-case letters, digits and dashes`);
  if (await ctx.wire.sourceBySlug(slug)) throw new DatelineError('CONFLICT', `a source "${slug}" already exists`);
  const location = await checkLocation(input.kind, input.location ?? '');
  const interval = input.intervalSeconds ?? defaultInterval[input.kind];
  if (!Number.isInteger(interval) || interval < 0 || interval > 86_400) throw invalid('the interval must be a whole number of seconds up to 86400');
  if (input.kind === 'poll' && interval < minPollSeconds) throw invalid(`a feed is polled at most every ${minPollSeconds} seconds`);
  if (input.kind === 'folder' && interval < 1) throw invalid('a folder is looked at most every second');
  const section = input.section ?? null;
  if (section) await requireSection(ctx.store, section);
  const mode = input.mode ?? (section ? 'draft' : 'queue');
  if (mode !== 'queue' && !section) throw invalid(`a source that ${mode === 'publish' ? 'publishes' : 'files drafts'} needs a section`);
  const topics = (input.topics ?? []).map((t) => t.trim()).filter(Boolean);
  if (topics.some((t) => t.length > 100) || topics.length > 20) throw invalid('at most 20 topics of at most 100 characters');
  const pictureHosts = (input.pictureHosts ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (pictureHosts.some((h) => !/^[a-z0-9.-]+(:\d{1,5})?$/.test(h))) throw invalid('picture hosts are names like photos.agency.example or host:port');
  const token = input.kind === 'push' ? randomBytes(24).toString('base64url') : null;
  const source = await ctx.wire.addSource({
    slug, name: input.name?.trim() || slug, kind: input.kind, location, intervalSeconds: interval, section, topics, mode, pictureHosts,
    tokenHash: token ? hashToken(token) : null,
  }, ctx.now());
  return { source, token };
}

async function checkLocation(kind: SourceKind, location: string): Promise<string> {
  if (kind === 'push') return '';
  if (kind === 'folder') {
    const stat = await fsp.stat(location).catch(() => null);
    if (!stat?.isDirectory()) throw invalid(`the folder "${location}" does not exist`);
    // Stored absolute: the server may run from another working directory than this command.
    return path.resolve(location);
  }
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw invalid(`"${location}" is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('a feed address must start with http:// or https://');
  return url.href;
}

/** The rules a source applies to its items. */
export const rulesOf = (s: WireSourceRecord): IngestRules => ({ section: s.section, topics: s.topics, mode: s.mode, pictureHosts: s.pictureHosts });

/**
 * The push source a request may deliver to: the token must match the source's, compared in
 * constant time. Unknown source and wrong token get the same answer, so names cannot be probed.
 */
export async function authorisePush(ctx: IngestContext, slug: string, authorization: string | undefined): Promise<WireSourceRecord> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const denied = new DatelineError('UNAUTHENTICATED', 'a push needs the source\'s token: Authorization: Bearer TOKEN');
  if (!token) throw denied;
  const stored = await ctx.wire.sourceTokenHash(slug);
  const given = Buffer.from(hashToken(token), 'hex');
  if (!stored || !timingSafeEqual(Buffer.from(stored, 'hex'), given)) throw denied;
  const source = await ctx.wire.sourceBySlug(slug);
  if (!source || source.kind !== 'push') throw denied;
  return source;
}

/** A fresh push token (the old one stops working). */
export async function renewToken(ctx: IngestContext, slug: string): Promise<string> {
  const source = await ctx.wire.sourceBySlug(slug);
  if (!source || source.kind !== 'push') throw new DatelineError('NOT_FOUND', `no push source "${slug}"`);
  const token = randomBytes(24).toString('base64url');
  await ctx.wire.setSourceToken(slug, hashToken(token));
  return token;
}
