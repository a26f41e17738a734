import { hasRole, type Actor, type Role, type User } from '../accounts/index.js';
import { auditEntry } from '../audit/index.js';
import { DatelineError } from '../shared/index.js';
import type { NewsroomDeps } from './context.js';

/** An admin changes someone's role; the change is audited and their sessions end. */
export async function changeRole(deps: NewsroomDeps, actor: Actor, userId: number, role: Role): Promise<User> {
  if (!hasRole(actor, 'admin')) throw new DatelineError('FORBIDDEN', 'only an admin may change roles');
  const user = await deps.store.accounts.userById(userId);
  if (!user) throw new DatelineError('NOT_FOUND', `no user with id ${userId}`);
  if (actor.kind === 'user' && actor.user.id === userId && role !== 'admin') {
    throw new DatelineError('CONFLICT', 'you cannot take away your own admin role');
  }
  if (user.role === role) return user;
  await deps.store.accounts.setRole(userId, role);
  await deps.store.accounts.deleteSessionsOf(userId);
  await deps.store.audit.append(auditEntry(actor, 'role-change', `user:${userId}`, { email: user.email, from: user.role, to: role }), deps.now());
  return { ...user, role };
}
