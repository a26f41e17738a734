import type { Actor } from '../../accounts/model.js';
import { DatelineError } from '../../shared/index.js';
import type { Article } from '../model.js';
import { updateDraft } from './edit-article.js';
import type { CommandContext } from './save-article.js';

/** Brings back a revision's text and fields as a new save (the history keeps everything). */
export async function restoreRevision(ctx: CommandContext, actor: Actor, articleId: number, revisionId: number): Promise<Article> {
  const revision = (await ctx.store.revisions(articleId)).find((r) => r.id === revisionId);
  if (!revision) throw new DatelineError('NOT_FOUND', `story ${articleId} has no revision ${revisionId}`);
  const { slug, ...snapshot } = revision.snapshot;
  const current = await ctx.store.articleById(articleId);
  return updateDraft(ctx, actor, articleId, current?.publishedAt ? snapshot : { ...snapshot, slug }, 'restore');
}
