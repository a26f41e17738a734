import { actorId, hasRole, type Actor } from '../../accounts/model.js';
import { DatelineError, fail } from '../../shared/index.js';
import type { Correction } from '../model.js';
import { audit } from './change-status.js';
import { limits } from './edit-article.js';
import type { CommandContext } from './save-article.js';

/**
 * Appends a correction or an update note to a published story. The story's "updated" time moves
 * to now (and with it dateModified); its first publication time never changes.
 */
export async function addCorrection(
  ctx: CommandContext, actor: Actor, id: number, input: { kind?: Correction['kind']; text: string },
): Promise<Correction> {
  const text = input.text.trim();
  if (!text) throw fail('INVALID_INPUT', 'the correction needs text', 'text');
  if (text.length > limits.correction) throw fail('INVALID_INPUT', `at most ${limits.correction} characters`, 'text');
  const kind = input.kind ?? 'correction';
  if (kind !== 'correction' && kind !== 'update') throw fail('INVALID_INPUT', 'kind is "correction" or "update"', 'kind');
  if (!hasRole(actor, 'editor')) throw new DatelineError('FORBIDDEN', 'only an editor may correct a story');
  const now = ctx.now();
  return ctx.store.transaction(async (repo) => {
    const a = await repo.articleById(id);
    if (!a) throw new DatelineError('NOT_FOUND', `no story with id ${id}`);
    if (a.status !== 'published') throw new DatelineError('CONFLICT', 'only a published story can be corrected');
    const correction = await repo.insertCorrection({ articleId: id, kind, text, userId: actorId(actor) }, now);
    await repo.setUpdatedAt(id, now, now);
    await audit(repo, actor, kind, a, now, { text });
    return correction;
  });
}
