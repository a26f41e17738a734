import type { Actor } from '../../accounts/model.js';
import { auditEntry } from '../../audit/index.js';
import { DatelineError, fail } from '../../shared/index.js';
import type { Article, ArticleStatus } from '../model.js';
import { mayMove } from '../policies.js';
import type { ContentRepository, StatusChange } from '../ports.js';
import type { CommandContext } from './save-article.js';

const auditAction: Record<ArticleStatus, string> = {
  draft: 'return-to-draft', in_review: 'submit', scheduled: 'schedule', published: 'publish', unpublished: 'unpublish',
};

/**
 * Moves a story through the workflow: draft -> in review -> scheduled or published -> unpublished.
 * The move only lands if nobody moved the story meanwhile (a conditional update), so a
 * scheduled story is published exactly once however many processes try.
 */
export async function changeStatus(
  ctx: CommandContext, actor: Actor, id: number, to: ArticleStatus, at: Date | null = null,
): Promise<Article> {
  const now = ctx.now();
  return ctx.store.transaction(async (repo) => {
    const a = await repo.articleById(id);
    if (!a) throw new DatelineError('NOT_FOUND', `no story with id ${id}`);
    const check = mayMove(actor, a, to);
    if (!check.ok) throw new DatelineError(check.status === 403 ? 'FORBIDDEN' : 'CONFLICT', check.reason, { field: 'status' });
    if (to === 'scheduled' && (!at || at <= now)) throw fail('INVALID_INPUT', 'a scheduled story needs a time in the future', 'at');
    if ((to === 'published' || to === 'scheduled') && a.leadImage && !a.leadImage.alt.trim()) {
      throw fail('INVALID_INPUT', 'the lead image needs alt text before the story can be published', 'leadImage.alt');
    }
    const change: StatusChange = {
      status: to,
      scheduledAt: to === 'scheduled' ? at : null,
      firstPublishedAt: to === 'published' ? a.publishedAt ?? now : a.publishedAt,
      updatedAt: to === 'published' && a.publishedAt ? now : a.publishedAt ? a.updatedAt : null,
    };
    if (!(await repo.transition(id, [a.status], change, now))) {
      throw new DatelineError('CONFLICT', 'the story was changed by someone else meanwhile; reload it');
    }
    await audit(repo, actor, auditAction[to], a, now, to === 'scheduled' ? { at: at!.toISOString() } : {});
    return (await repo.articleById(id))!;
  });
}

/** Publishes every scheduled story whose time has come; returns the ids it published. */
/**
 * A story's earliest publication time set outside the story (an agency embargo, forever for a
 * withdrawn item), or null. The scheduler never publishes before it, whatever the schedule says.
 */
export type NotBefore = (articleId: number) => Promise<Date | null>;

export async function publishDue(ctx: CommandContext, actor: Actor, notBefore?: NotBefore): Promise<number[]> {
  const now = ctx.now();
  const published: number[] = [];
  for (const id of await ctx.store.dueScheduled(now)) {
    const held = notBefore ? await notBefore(id) : null;
    if (held && held > now) continue;
    const done = await ctx.store.transaction(async (repo) => {
      const a = await repo.articleById(id);
      // Re-read inside the transaction: it may have been rescheduled or returned to draft meanwhile.
      if (!a || a.status !== 'scheduled' || !a.scheduledAt || a.scheduledAt > now) return false;
      // The story goes out dated by its scheduled time (or the end of a hold past it), not by when this process noticed.
      const at = held && held > a.scheduledAt ? held : a.scheduledAt;
      const ok = await repo.transition(id, ['scheduled'], {
        status: 'published', scheduledAt: null,
        firstPublishedAt: a.publishedAt ?? at,
        updatedAt: a.publishedAt ? at : null,
      }, now, a.scheduledAt);
      if (ok) await audit(repo, actor, 'publish', a, now, { scheduledFor: at.toISOString() });
      return ok;
    });
    if (done) published.push(id);
  }
  return published;
}

export function audit(repo: ContentRepository, actor: Actor, action: string, a: Pick<Article, 'id' | 'headline'>, now: Date, detail: Record<string, unknown> = {}) {
  return repo.appendAudit(auditEntry(actor, action, `article:${a.id}`, { headline: a.headline, ...detail }), now);
}
