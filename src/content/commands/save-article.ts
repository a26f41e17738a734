import { systemActor, type Actor } from '../../accounts/model.js';
import { DatelineError, slugify } from '../../shared/index.js';
import type { ArticleStatus, Doc } from '../model.js';
import type { ArticleFields, ContentRepository, ContentStore, NewImage } from '../ports.js';
import { persistArticle } from './persist-article.js';

export interface CommandContext {
  store: ContentStore;
  now: () => Date;
}

/** A whole story as a source hands it over: wire import, demo content, later the newsroom API. */
export interface ArticleInput {
  /** The source's identifier (a NINJS/G2 uri): the same uri updates the same article. */
  uri: string | null;
  version: string | null;
  versionCreatedAt: Date | null;
  headline: string;
  standfirst: string;
  body: Doc;
  sectionSlug: string;
  topics: string[];
  people: string[];
  agency: string | null;
  byline: string;
  datelinePlace: string;
  language: string;
  leadImage: NewImage | null;
  publish: boolean;
  /** When the story first went out (defaults to now, when it is published now). */
  firstPublishedAt: Date | null;
  /** The last update readers should see (defaults to now on a change of a published story). */
  updatedAt: Date | null;
  /**
   * Publish it by itself at this time (an agency embargo), not before: the story is kept
   * scheduled. Only for a story not already live.
   */
  scheduleAt?: Date | null;
}

export interface SaveOutcome {
  action: 'created' | 'updated' | 'skipped';
  articleId: number;
  slug: string;
  status: ArticleStatus;
  reason?: string;
}

/**
 * Creates the article, or updates the one with the same source uri, in one transaction:
 * section, topics, people, agency, lead image and the article itself land together or not at all.
 * An older version of a story than the one stored is skipped, never written over the newer.
 */
export async function saveArticle(
  ctx: CommandContext,
  input: ArticleInput,
  by: { actor: Actor; source: string } = { actor: systemActor('wire'), source: 'wire' },
): Promise<SaveOutcome> {
  const headline = input.headline.trim();
  if (!headline) throw new DatelineError('INVALID_INPUT', 'headline is required');
  const now = ctx.now();
  return ctx.store.transaction(async (repo) => {
    const section = await requireSection(repo, input.sectionSlug);
    const existing = input.uri ? await repo.articleIdByUri(input.uri) : null;
    if (existing && isStale(input, existing)) {
      return { action: 'skipped', articleId: existing.id, slug: existing.slug, status: existing.status, reason: 'a newer version is already stored' };
    }
    const schedule = input.scheduleAt && input.scheduleAt > now ? input.scheduleAt : null;
    if (schedule && (existing?.status === 'published')) {
      throw new DatelineError('INVALID_INPUT', `the story is live; it cannot be put under an embargo until ${schedule.toISOString()}`);
    }
    const status: ArticleStatus = schedule ? (existing?.status === 'scheduled' ? 'scheduled' : 'draft')
      : input.publish ? 'published' : existing?.status ?? 'draft';
    const firstPublishedAt = existing?.firstPublishedAt
      ?? (status === 'published' ? input.firstPublishedAt ?? now : null);
    const updatedAt = existing
      ? input.updatedAt ?? now
      : laterOf(input.updatedAt, firstPublishedAt);
    const fields: ArticleFields = {
      uri: input.uri,
      version: input.version,
      versionCreatedAt: input.versionCreatedAt,
      slug: existing?.slug ?? (slugify(headline) || 'story'),
      headline,
      standfirst: input.standfirst.trim(),
      body: input.body,
      sectionId: section.id,
      datelinePlace: input.datelinePlace.trim(),
      language: input.language,
      status,
      byline: input.byline.trim(),
      agencyId: input.agency ? (await repo.ensureAgency(input.agency, now)).id : null,
      leadImageId: input.leadImage ? (await repo.saveImage(input.leadImage, now)).id : null,
      firstPublishedAt,
      updatedAt,
    };
    const { id: articleId, article: saved } = await persistArticle(repo, {
      existingId: existing?.id ?? null, fields, topics: input.topics, people: input.people, actor: by.actor, source: by.source, now,
    });
    if (schedule) {
      await repo.transition(articleId, ['draft', 'scheduled'], { status: 'scheduled', scheduledAt: schedule, firstPublishedAt: null, updatedAt: null }, now);
      return { action: existing ? 'updated' : 'created', articleId, slug: saved.slug, status: 'scheduled' };
    }
    return { action: existing ? 'updated' : 'created', articleId, slug: saved.slug, status };
  });
}

export async function requireSection(repo: ContentRepository, slug: string) {
  const section = await repo.sectionBySlug(slug);
  if (section) return section;
  const known = (await repo.sections()).map((s) => s.slug).join(', ');
  throw new DatelineError('UNKNOWN_SECTION', `unknown section "${slug}" (known: ${known || 'none'})`);
}

/**
 * Whether an incoming version is older than the stored one: by version time when both have one
 * and they differ, otherwise by version number when both are numbers. A repeat is not stale.
 */
export function isStale(
  incoming: { version: string | null; versionCreatedAt: Date | null },
  stored: { version: string | null; versionCreatedAt: Date | null },
): boolean {
  const a = incoming.versionCreatedAt?.getTime();
  const b = stored.versionCreatedAt?.getTime();
  if (a !== undefined && b !== undefined && a !== b) return a < b;
  const va = Number(incoming.version);
  const vb = Number(stored.version);
  return incoming.version !== null && stored.version !== null && Number.isFinite(va) && Number.isFinite(vb) && va < vb;
}

function laterOf(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
