import { actorId, type Actor } from '../../accounts/model.js';
import { auditEntry } from '../../audit/index.js';
import { DatelineError, fail, slugify } from '../../shared/index.js';
import type { ArticleStatus, Doc } from '../model.js';
import type { PageSnapshot, StaticPage } from '../page-model.js';
import { mayEdit } from '../policies.js';
import type { ContentRepository } from '../ports.js';
import { reservedSlugs } from './create-section.js';
import { movePage, pageTags } from './page-status.js';
import type { CommandContext } from './save-article.js';

/** What an editor writes on a page; the slug is made from the title when not given. */
export interface PageInput {
  title: string;
  slug?: string;
  body: Doc;
}

/** A move made with the same save (the API's `status`), in the same unit of work. */
export interface PageMove {
  status: ArticleStatus;
  at?: Date | null;
}

export const pageLimits = { title: 200, slug: 80, bodyJson: 2_000_000 };

const slugPattern = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

function validate(input: Partial<PageInput>): void {
  if (input.title !== undefined) {
    if (!input.title.trim()) throw fail('INVALID_INPUT', 'a page needs a title', 'title');
    if (input.title.length > pageLimits.title) throw fail('INVALID_INPUT', `at most ${pageLimits.title} characters`, 'title');
  }
  if (input.slug !== undefined && (!slugPattern.test(input.slug) || input.slug.length > pageLimits.slug)) {
    throw fail('INVALID_INPUT', `lower-case letters, digits and single hyphens, at most ${pageLimits.slug} characters`, 'slug');
  }
  if (input.body && JSON.stringify(input.body).length > pageLimits.bodyJson) throw fail('TOO_LARGE', 'the body is too long', 'body');
}

/**
 * A page lives at `/{slug}`, beside the sections: the address must be free of both, and of the
 * site's own addresses. Refused rather than renamed: a page's address is chosen, and printed.
 */
export async function assertPageSlugFree(repo: ContentRepository, slug: string, exceptId?: number): Promise<void> {
  if (reservedSlugs.has(slug)) throw fail('INVALID_INPUT', `/${slug} is an address of the site itself; choose another`, 'slug');
  const section = await repo.sectionBySlug(slug);
  if (section) throw fail('CONFLICT', `/${slug} is the address of the section “${section.name}”; choose another`, 'slug');
  const page = await repo.pageBySlug(slug);
  if (page && page.id !== exceptId) throw fail('CONFLICT', `/${slug} is the address of another page; choose another`, 'slug');
}

const snapshotOfPage = (p: PageSnapshot): PageSnapshot => ({ slug: p.slug, title: p.title, body: p.body });

function changedPageFields(before: PageSnapshot | null, after: PageSnapshot): string[] {
  const keys = Object.keys(after) as (keyof PageSnapshot)[];
  return before ? keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])) : keys;
}

export async function createPage(ctx: CommandContext, actor: Actor, input: PageInput, source = 'newsroom', move?: PageMove): Promise<StaticPage> {
  validate(input);
  const now = ctx.now();
  const title = input.title.trim();
  const slug = input.slug ?? slugify(title);
  if (!slug) throw fail('INVALID_INPUT', 'the title has no letters or digits to make an address of: give a slug', 'slug');
  return ctx.store.transaction(async (repo) => {
    await assertPageSlugFree(repo, slug);
    const snapshot = { slug, title, body: input.body };
    const id = await repo.insertPage({ ...snapshot, createdBy: actorId(actor) }, now);
    await repo.insertPageRevision({ pageId: id, userId: actorId(actor), source, changed: changedPageFields(null, snapshot), snapshot }, now);
    await repo.appendAudit(auditEntry(actor, 'page-create', `page:${id}`, { slug, title }), now);
    const page = (await repo.storedPage(id))!;
    return move && move.status !== 'draft' ? movePage(repo, actor, page, move.status, move.at ?? null, now) : page;
  });
}

/**
 * Saves a page's text (a revision when anything changed). A published page that changed shows
 * "Last updated" now, and its public page, the sitemap and (for a new title) the menus are purged.
 */
export async function updatePage(
  ctx: CommandContext, actor: Actor, id: number, patch: Partial<PageInput>, source = 'newsroom', baseModifiedAt?: Date, move?: PageMove,
): Promise<StaticPage> {
  validate(patch);
  const now = ctx.now();
  return ctx.store.transaction(async (repo) => {
    const page = await repo.storedPage(id);
    if (!page) throw new DatelineError('NOT_FOUND', `no page with id ${id}`);
    if (!mayEdit(actor, page)) throw new DatelineError('FORBIDDEN', 'you may not edit this page');
    if (baseModifiedAt && baseModifiedAt.getTime() !== page.modifiedAt.getTime()) {
      throw new DatelineError('CONFLICT', 'the page was changed elsewhere since you opened it; reload to see the changes', { field: 'baseModifiedAt' });
    }
    const next = snapshotOfPage({ ...page, ...definedOnly(patch), title: (patch.title ?? page.title).trim() });
    if (next.slug !== page.slug) {
      if (page.publishedAt) throw fail('CONFLICT', 'the address cannot change once the page has been published', 'slug');
      await assertPageSlugFree(repo, next.slug, id);
    }
    const changed = changedPageFields(snapshotOfPage(page), next);
    if (changed.length) {
      const live = page.status === 'published';
      await repo.updatePage(id, next, now, live ? now : undefined);
      await repo.insertPageRevision({ pageId: id, userId: actorId(actor), source, changed, snapshot: next }, now);
      if (live) await repo.recordPageChange(pageTags(id, changed.includes('title')), now);
    }
    const saved = (await repo.storedPage(id))!;
    // Asking for the status it has is no move, but a new time for a scheduled page is (a reschedule).
    const moves = move && (move.status !== saved.status || (move.status === 'scheduled' && move.at?.getTime() !== saved.scheduledAt?.getTime()));
    return moves ? movePage(repo, actor, saved, move.status, move.at ?? null, now) : saved;
  });
}

const definedOnly = (patch: Partial<PageInput>): Partial<PageInput> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<PageInput>;

/**
 * Removes a page that readers have never seen. One that has been published is refused (409): it
 * is unpublished instead, so its address keeps answering 410 Gone and is never reused for other text.
 */
export async function deletePage(ctx: CommandContext, actor: Actor, id: number): Promise<void> {
  const now = ctx.now();
  await ctx.store.transaction(async (repo) => {
    const page = await repo.storedPage(id);
    if (!page) throw new DatelineError('NOT_FOUND', `no page with id ${id}`);
    if (!mayEdit(actor, page)) throw new DatelineError('FORBIDDEN', 'you may not delete this page');
    if (page.publishedAt) throw fail('CONFLICT', 'a page that has been published cannot be deleted: unpublish it (its address then answers 410 Gone)', 'status');
    await repo.deletePage(id);
    await repo.appendAudit(auditEntry(actor, 'page-delete', `page:${id}`, { slug: page.slug, title: page.title }), now);
  });
}

/** Brings back a revision's title and text as a new save (and its address, until first publication). */
export async function restorePageRevision(ctx: CommandContext, actor: Actor, id: number, revisionId: number): Promise<StaticPage> {
  const revision = (await ctx.store.pageRevisions(id)).find((r) => r.id === revisionId);
  if (!revision) throw new DatelineError('NOT_FOUND', `page ${id} has no revision ${revisionId}`);
  const current = await ctx.store.storedPage(id);
  const { slug, title, body } = revision.snapshot;
  return updatePage(ctx, actor, id, current?.publishedAt ? { title, body } : { title, body, slug }, 'restore');
}
