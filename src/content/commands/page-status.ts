import type { Actor } from '../../accounts/model.js';
import { auditEntry } from '../../audit/index.js';
import { DatelineError, fail } from '../../shared/index.js';
import type { ArticleStatus } from '../model.js';
import type { StaticPage } from '../page-model.js';
import { mayMove } from '../policies.js';
import type { ContentRepository } from '../ports.js';
import type { CommandContext } from './save-article.js';

const auditAction: Record<ArticleStatus, string> = {
  draft: 'page-return-to-draft', in_review: 'page-submit', scheduled: 'page-schedule', published: 'page-publish', unpublished: 'page-unpublish',
};

/**
 * The public pages a page's change reaches: its own, the pages sitemap, and every page's menus
 * when its title or its being public changed (menus name pages by their title).
 */
export const pageTags = (id: number, menus: boolean): string[] => [`page:${id}`, 'sitemap', ...(menus ? ['nav'] : [])];

/** Moves a page through the stories' workflow, inside the caller's unit of work. */
export async function movePage(repo: ContentRepository, actor: Actor, page: StaticPage, to: ArticleStatus, at: Date | null, now: Date): Promise<StaticPage> {
  const check = mayMove(actor, page, to, 'page');
  if (!check.ok) throw new DatelineError(check.status === 403 ? 'FORBIDDEN' : 'CONFLICT', check.reason, { field: 'status' });
  if (to === 'scheduled' && (!at || at <= now)) throw fail('INVALID_INPUT', 'a scheduled page needs a time in the future', 'at');
  const moved = await repo.pageTransition(page.id, [page.status], {
    status: to,
    scheduledAt: to === 'scheduled' ? at : null,
    firstPublishedAt: to === 'published' ? page.publishedAt ?? now : page.publishedAt,
    updatedAt: to === 'published' ? now : page.publishedAt ? page.updatedAt : null,
  }, now);
  if (!moved) throw new DatelineError('CONFLICT', 'the page was changed by someone else meanwhile; reload it');
  await repo.appendAudit(auditEntry(actor, auditAction[to], `page:${page.id}`, { slug: page.slug, title: page.title, ...(at && to === 'scheduled' ? { at: at.toISOString() } : {}) }), now);
  if (page.status === 'published' || to === 'published') await repo.recordPageChange(pageTags(page.id, true), now);
  return (await repo.storedPage(page.id))!;
}

export async function changePageStatus(ctx: CommandContext, actor: Actor, id: number, to: ArticleStatus, at: Date | null = null): Promise<StaticPage> {
  return ctx.store.transaction(async (repo) => {
    const page = await repo.storedPage(id);
    if (!page) throw new DatelineError('NOT_FOUND', `no page with id ${id}`);
    return movePage(repo, actor, page, to, at, ctx.now());
  });
}

/**
 * Publishes every scheduled page whose time has come, once however many schedulers run (the move
 * is conditional on the page still being scheduled for that time), dated by its scheduled time.
 */
export async function publishDuePages(ctx: CommandContext, actor: Actor): Promise<number[]> {
  const now = ctx.now();
  const published: number[] = [];
  for (const id of await ctx.store.duePages(now)) {
    const done = await ctx.store.transaction(async (repo) => {
      const page = await repo.storedPage(id);
      if (!page || page.status !== 'scheduled' || !page.scheduledAt || page.scheduledAt > now) return false;
      const at = page.scheduledAt;
      const ok = await repo.pageTransition(id, ['scheduled'], { status: 'published', scheduledAt: null, firstPublishedAt: page.publishedAt ?? at, updatedAt: at }, now, at);
      if (!ok) return false;
      await repo.appendAudit(auditEntry(actor, 'page-publish', `page:${id}`, { slug: page.slug, title: page.title, scheduledFor: at.toISOString() }), now);
      await repo.recordPageChange(pageTags(id, true), now);
      return true;
    });
    if (done) published.push(id);
  }
  return published;
}
