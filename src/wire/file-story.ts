import { systemActor, type Actor } from '../accounts/index.js';
import {
  bodyFromHtml, isStale, plainText, requireSection, saveArticle, suggestTopics, suggestLimits, bodyText,
  type ArticleInput, type CommandContext, type NewImage, type SaveOutcome,
} from '../content/index.js';
import { auditEntry } from '../audit/index.js';
import { storeImage, type MediaStorage } from '../media/index.js';
import { DatelineError } from '../shared/index.js';
import type { WireItem, WirePicture } from './wire-item.js';
import { maxPictureBytes, readLocalFile } from './local-file.js';
import { fetchPicture, pictureHostAllowed } from './remote-picture.js';

export { readLocalFile, maxWireFileBytes, maxPictureBytes } from './local-file.js';

export interface WireContext extends CommandContext {
  media: MediaStorage;
  /** Language assumed when an item names none (or an invalid one). */
  defaultLanguage: string;
}

export interface FilingOptions {
  section: string;
  publish: boolean;
  /** Topics added to the item's own (a source rule). */
  topics?: string[];
  /** Also file the story under existing topics its text clearly names (a source rule). */
  suggestTopics?: boolean;
  /** Who files it (an editor taking the item); default the wire itself. */
  by?: { actor: Actor; source: string };
  /** File the story even when its picture cannot be read any more (a stored version taken later). */
  pictureOptional?: boolean;
  /** Hosts ("host" or "host:port") a remote lead picture may be fetched from (a source rule); none by default. */
  pictureHosts?: readonly string[];
}

/** How strongly the text must name an existing topic for an import to add it unasked. */
export const autoTopicScore = 3;

export type FilingOutcome =
  | (SaveOutcome & { pictureNote?: string })
  | { action: 'killed'; articleId: number | null; slug: string | null; status: SaveOutcome['status'] | null; wasLive: boolean };


/** Why a valid item cannot become a story (a picture on its own, a live story under a new embargo). */
export class NotFiled extends Error {
  /** True when nothing is wrong: the item is simply not a story (a picture), and waits in the queue. */
  constructor(message: string, readonly kept = false) {
    super(message);
  }
}

/**
 * Files a parsed wire item as an article. Everything is checked before anything is written;
 * a kill (pubstatus canceled/withheld) of a published story takes it down; an embargoed item is
 * scheduled for its embargo time, never published before; the picture's files are removed again
 * if nothing ends up using them.
 */
export async function fileWireItem(ctx: WireContext, item: WireItem, options: FilingOptions): Promise<FilingOutcome> {
  const now = ctx.now();
  const existing = await ctx.store.articleIdByUri(item.uri);
  if (item.pubStatus !== 'usable') return withdraw(ctx, item, existing);
  const embargo = checkFileable(item, now, existing?.status === 'published');
  await requireSection(ctx.store, options.section);
  if (existing && isStale({ version: item.version, versionCreatedAt: item.versionCreated }, existing)) {
    return { action: 'skipped', articleId: existing.id, slug: existing.slug, status: existing.status, reason: 'a newer version is already stored' };
  }
  // A story an editor took down or holds for review is updated, never put back out by the wire.
  if (options.publish && existing && (existing.status === 'unpublished' || existing.status === 'in_review')) options = { ...options, publish: false };
  const lead = item.pictures[0];
  const local = lead && !/^https?:/i.test(lead.href) ? lead : undefined;
  const remote = lead && !local ? lead : undefined;
  const fetchable = remote && pictureHostAllowed(remote.href, options.pictureHosts ?? []) ? remote : undefined;
  let pictureNote: string | undefined = remote && !fetchable ? `picture ${remote.href} not fetched (its host is not one the source allows)` : undefined;
  let stored: Awaited<ReturnType<typeof storeImage>> | null = null;
  try {
    stored = local ? await storeImage(ctx.media, await readPicture(local, item.sourceDir), pictureMeta(local)) : null;
  } catch (e) {
    if (!options.pictureOptional) throw e;
    pictureNote = `filed without its picture: ${(e as Error).message}`;
  }
  try {
    // An agency's picture server being slow or down must not hold the story back.
    if (fetchable) stored = await storeImage(ctx.media, await fetchPicture(fetchable.href), pictureMeta(fetchable));
  } catch (e) {
    pictureNote = `filed without its picture: ${(e as Error).message}`;
  }
  let outcome: SaveOutcome | null = null;
  try {
    const input = articleInput(item, options, stored?.image ?? null, ctx.defaultLanguage);
    input.topics = [...input.topics, ...(options.topics ?? [])];
    if (options.suggestTopics) input.topics = [...input.topics, ...(await namedTopics(ctx, item))];
    // The embargo decides when a published story goes out; a draft waits for an editor anyway.
    input.scheduleAt = options.publish ? embargo : null;
    outcome = options.by ? await saveArticle(ctx, input, options.by) : await saveArticle(ctx, input);
    return pictureNote ? { ...outcome, pictureNote } : outcome;
  } finally {
    const unused = !outcome || outcome.action === 'skipped';
    if (stored?.created && unused && !(await ctx.store.imageKeyInUse(stored.image.key))) {
      await ctx.media.removeFolder(stored.image.key);
    }
  }
}

/** Existing topics the item's text names often or in its headline (never new ones: no topic sprawl). */
async function namedTopics(ctx: WireContext, item: WireItem): Promise<string[]> {
  // A very long item is judged by its opening: suggestion has limits an import must not trip on.
  const found = await suggestTopics(ctx.store, {
    headline: plainText(item.headline).slice(0, suggestLimits.headline),
    standfirst: plainText(item.summary).slice(0, 2_000),
    body: bodyText(bodyFromHtml(item.bodyHtml)).slice(0, suggestLimits.body - 2_000),
    captions: item.pictures.map((p) => plainText(p.caption).slice(0, 1_000)).filter(Boolean).slice(0, 5),
  });
  return found.filter((s) => s.kind === 'existing' && s.mentions.length && s.score >= autoTopicScore).map((s) => s.name);
}

function articleInput(item: WireItem, options: FilingOptions, leadImage: NewImage | null, defaultLanguage: string): ArticleInput {
  return {
    uri: item.uri,
    version: item.version,
    versionCreatedAt: item.versionCreated,
    headline: plainText(item.headline),
    standfirst: plainText(item.summary),
    body: bodyFromHtml(item.bodyHtml),
    sectionSlug: options.section,
    topics: item.topics.map(plainText),
    people: [],
    agency: item.agency || item.copyrightHolder ? plainText(item.agency || item.copyrightHolder) : null,
    byline: plainText(item.byline),
    datelinePlace: plainText(item.located),
    language: languageTag(item.language) ?? defaultLanguage,
    leadImage,
    publish: options.publish,
    firstPublishedAt: item.firstCreated ?? item.versionCreated,
    updatedAt: item.versionCreated,
  };
}

/** A BCP 47 tag in canonical form ("en-gb" -> "en-GB"), or null for anything else ("English"). */
export function languageTag(raw: string | null): string | null {
  if (!raw) return null;
  try {
    return Intl.getCanonicalLocales(raw.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/** The agency withdrew the item: a published or scheduled story comes down (410); with no story, nothing to do. */
/** Takes down the story made from an item the agency withdrew (a kill), if there is one. */
export async function withdrawStory(ctx: WireContext, item: WireItem) {
  return withdraw(ctx, item, await ctx.store.articleIdByUri(item.uri));
}

async function withdraw(ctx: WireContext, item: WireItem, existing: Awaited<ReturnType<WireContext['store']['articleIdByUri']>>) {
  if (!existing) return { action: 'killed' as const, articleId: null, slug: null, status: null, wasLive: false };
  const now = ctx.now();
  let wasLive = false;
  const article = await ctx.store.transaction(async (repo) => {
    const a = await repo.articleById(existing.id);
    if (!a) return null;
    wasLive = await repo.transition(a.id, ['published', 'scheduled'], {
      status: 'unpublished', scheduledAt: null, firstPublishedAt: a.publishedAt, updatedAt: a.publishedAt ? now : null,
    }, now);
    if (wasLive) await repo.appendAudit(auditEntry(systemActor('wire'), 'kill', `article:${a.id}`, { headline: a.headline, pubstatus: item.pubStatus, uri: item.uri }), now);
    return a;
  });
  return {
    action: 'killed' as const, articleId: existing.id, slug: existing.slug, wasLive,
    status: article?.status === 'published' || article?.status === 'scheduled' ? 'unpublished' : existing.status,
  };
}

/** Refuses what cannot become a story; returns the embargo time to schedule for, if any. */
function checkFileable(item: WireItem, now: Date, live: boolean): Date | null {
  if (item.type !== 'text' && item.type !== 'composite') throw new NotFiled(`a ${item.type} item, not a story: kept in the wire queue`, true);
  if (!plainText(item.headline)) throw new DatelineError('INVALID_WIRE_ITEM', `item ${item.uri} has no headline`);
  const embargoed = item.embargoedUntil && item.embargoedUntil > now ? item.embargoedUntil : null;
  if (embargoed && live) {
    throw new NotFiled(`embargoed until ${embargoed.toISOString()} and its story is live: held until a version without the embargo`);
  }
  return embargoed;
}

function pictureMeta(p: WirePicture): Omit<NewImage, 'key' | 'mime' | 'width' | 'height' | 'variants'> {
  const caption = plainText(p.caption);
  return { alt: plainText(p.headline) || caption, caption, credit: plainText(p.credit), sourceUri: p.uri };
}

async function readPicture(p: WirePicture, itemDir: string | null): Promise<Buffer> {
  // Items that did not come as files have no folder, and parsers give them no local hrefs.
  if (!itemDir) throw new DatelineError('INVALID_WIRE_ITEM', `picture ${p.role}: local rendition ${p.href} without an item folder`);
  return readLocalFile(p.href, maxPictureBytes, `picture ${p.role}: cannot read rendition ${p.href}`, itemDir);
}

