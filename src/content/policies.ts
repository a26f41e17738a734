import { hasRole, type Actor } from '../accounts/model.js';
import type { ArticleStatus } from './model.js';

/**
 * Who may do what to a story. Contributors write and submit their own drafts; editors edit,
 * publish, unpublish and correct any story; admins can do all that editors can.
 */
const isOwner = (actor: Actor, createdBy: number | null) => actor.kind === 'user' && createdBy === actor.user.id;

export function mayEdit(actor: Actor, a: { createdBy: number | null; status: ArticleStatus }): boolean {
  if (hasRole(actor, 'editor')) return true;
  return isOwner(actor, a.createdBy) && (a.status === 'draft' || a.status === 'in_review');
}

/** The moves of the workflow, and the least role that may make each. */
const moves: Record<ArticleStatus, Partial<Record<ArticleStatus, 'contributor' | 'editor'>>> = {
  draft: { in_review: 'contributor', scheduled: 'editor', published: 'editor' },
  in_review: { draft: 'contributor', scheduled: 'editor', published: 'editor' },
  scheduled: { draft: 'editor', scheduled: 'editor', published: 'editor' },
  published: { unpublished: 'editor' },
  unpublished: { draft: 'editor', published: 'editor' },
};

export type MoveCheck = { ok: true } | { ok: false; status: 403 | 409; reason: string };

/** Static pages go through the same moves as stories: `noun` only names them in the reasons. */
export function mayMove(actor: Actor, a: { createdBy: number | null; status: ArticleStatus }, to: ArticleStatus, noun: 'story' | 'page' = 'story'): MoveCheck {
  const need = moves[a.status][to];
  if (!need) return { ok: false, status: 409, reason: `a ${a.status.replace('_', ' ')} ${noun} cannot become ${to.replace('_', ' ')}` };
  if (need === 'editor' && !hasRole(actor, 'editor')) return { ok: false, status: 403, reason: `only an editor may make a ${noun} ${to.replace('_', ' ')}` };
  if (need === 'contributor' && !hasRole(actor, 'editor') && !isOwner(actor, a.createdBy)) {
    return { ok: false, status: 403, reason: `contributors may only move their own ${noun === 'story' ? 'stories' : 'pages'}` };
  }
  return { ok: true };
}

export const allowedMoves = (actor: Actor, a: { createdBy: number | null; status: ArticleStatus }): ArticleStatus[] =>
  (Object.keys(moves[a.status]) as ArticleStatus[]).filter((to) => mayMove(actor, a, to).ok);

/**
 * Picture text (alt, caption, credit) is shared by every story using the picture: a contributor
 * may change it only while no story they may not edit uses it.
 */
export function mayEditImageText(actor: Actor, usage: { createdBy: number | null; status: ArticleStatus }[]): boolean {
  if (hasRole(actor, 'editor')) return true;
  return usage.every((u) => mayEdit(actor, u));
}

/**
 * Editors keep every profile; anyone may keep the profile of the person linked to their own
 * account (no link, no profile of their own to edit).
 */
export function mayEditProfile(actor: Actor, person: { userId: number | null }): boolean {
  if (hasRole(actor, 'editor')) return true;
  return actor.kind === 'user' && person.userId === actor.user.id;
}
