import { hasRole, type Actor } from '../../accounts/model.js';
import { auditEntry } from '../../audit/index.js';
import { DatelineError, fail } from '../../shared/index.js';
import type { ThreadNode } from '../model.js';
import type { ContentRepository } from '../ports.js';
import type { CommandContext } from './save-article.js';

/**
 * Links a story to the one it follows up ("follow-up of"), or unlinks it with null. The story and
 * the follow-ups it already has join the other story's thread; a link that would make a circle is
 * refused. Threads are what the timeline on an article and the thread page show.
 */
export async function setFollowUp(ctx: CommandContext, actor: Actor, articleId: number, of: string | number | null): Promise<void> {
  // The role first: answering "no such story" to anyone else would tell them which slugs exist.
  if (!hasRole(actor, 'editor')) throw new DatelineError('FORBIDDEN', 'only an editor may link stories into a thread');
  await ctx.store.transaction(async (repo) => {
    const targetId = of === null || of === '' ? null : await storyByReference(repo, String(of));
    const story = await repo.threadNode(articleId);
    if (!story) throw new DatelineError('NOT_FOUND', `no story with id ${articleId}`);
    const family = await followUpsOf(repo, story);
    if (targetId === null) {
      await repo.setFollowUp(articleId, null);
      await repo.setThread([...family], family.size > 1 ? articleId : null);
    } else {
      const target = await repo.threadNode(targetId);
      if (!target) throw fail('NOT_FOUND', `no story with id ${targetId}`, 'of');
      if (family.has(target.id)) throw fail('CONFLICT', 'that story already follows this one (or is this one): a thread cannot go round in a circle', 'of');
      const root = target.threadId ?? target.id;
      if (target.threadId === null) await repo.setThread([target.id], root);
      await repo.setFollowUp(articleId, target.id);
      await repo.setThread([...family], root);
    }
    await repo.appendAudit(auditEntry(actor, 'story-thread', `article:${articleId}`, { followUpOf: targetId }), ctx.now());
  });
}

/** The story and every story that follows it up, directly or through others. */
async function followUpsOf(repo: ContentRepository, story: ThreadNode): Promise<Set<number>> {
  const family = new Set([story.id]);
  if (story.threadId === null) return family;
  const members = await repo.threadMembers(story.threadId);
  for (let grew = true; grew;) {
    grew = false;
    for (const m of members) {
      if (m.followUpOf !== null && family.has(m.followUpOf) && !family.has(m.id)) {
        family.add(m.id);
        grew = true;
      }
    }
  }
  return family;
}

/** A story named as an editor would: its id, its slug, or its address on the site. */
export async function storyByReference(repo: ContentRepository, reference: string): Promise<number> {
  const ref = reference.trim();
  if (/^\d{1,12}$/.test(ref)) return Number(ref);
  const last = ref.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
  // An address pasted from a browser has its non-Latin letters percent-encoded.
  let slug = last;
  try {
    slug = decodeURIComponent(last);
  } catch {
    // not percent-encoding after all: look the text up as it is
  }
  const found = slug ? await repo.articleBySlug(slug) : null;
  if (!found) throw fail('NOT_FOUND', `no story "${ref}": give its address, its slug or its number`, 'of');
  return found.id;
}
