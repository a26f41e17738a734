import { auditEntry, type AuditLog } from '../audit/index.js';
import { DatelineError } from '../shared/index.js';
import { hasRole, isRole, tokenDaysRange, type Actor, type ApiToken, type Role, type User } from './model.js';
import { hashPassword, passwordProblem } from './passwords.js';
import type { AccountStore } from './ports.js';
import { newSecret } from './tokens.js';

/**
 * What account commands are given. The CLI (as systemActor('cli')) and the newsroom's API and
 * pages (as the signed-in person) call the same commands; each checks who may.
 */
export interface AccountContext {
  accounts: AccountStore;
  audit: AuditLog;
  now: () => Date;
  /** Lifetime of a new or renewed API token when none is asked for (API_TOKEN_DAYS). */
  tokenDays: number;
}

export interface AddUserInput {
  email: string;
  name?: string;
  role: string;
  password: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const dayMs = 86_400_000;

export async function addUser(ctx: AccountContext, input: AddUserInput, by: string): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!emailPattern.test(email)) throw new DatelineError('INVALID_INPUT', `"${input.email}" is not an email address`);
  if (!isRole(input.role)) throw new DatelineError('INVALID_INPUT', `role must be contributor, editor or admin (not "${input.role}")`);
  const problem = passwordProblem(input.password, { email, name: input.name });
  if (problem) throw new DatelineError('INVALID_INPUT', problem);
  if (await ctx.accounts.userByEmail(email)) throw new DatelineError('CONFLICT', `a user with email ${email} already exists`);
  const user = await ctx.accounts.createUser({
    email,
    name: input.name?.trim() || email.split('@')[0]!,
    role: input.role as Role,
    passwordHash: await hashPassword(input.password),
  }, ctx.now());
  await ctx.audit.append({ actorId: null, actor: by, action: 'user-add', subject: `user:${user.id}`, detail: { email, role: user.role } }, ctx.now());
  return user;
}

/** The account with this email, or NOT_FOUND (the CLI names people by email). */
export async function userWithEmail(ctx: AccountContext, email: string): Promise<User> {
  const found = await ctx.accounts.userByEmail(email.trim().toLowerCase());
  if (!found) throw new DatelineError('NOT_FOUND', `no user with email ${email}`);
  const { passwordHash: _, ...user } = found;
  return user;
}

async function existingUser(ctx: AccountContext, userId: number): Promise<User> {
  const user = await ctx.accounts.userById(userId);
  if (!user) throw new DatelineError('NOT_FOUND', `no user with id ${userId}`);
  return user;
}

// ---- API tokens: admins (and Dateline itself) manage everyone's, everyone else only their own.

const mayManageTokensOf = (actor: Actor, userId: number) => hasRole(actor, 'admin') || (actor.kind === 'user' && actor.user.id === userId);

function lifetime(ctx: AccountContext, days: number | undefined): number {
  const d = days ?? ctx.tokenDays;
  if (!Number.isInteger(d) || d < tokenDaysRange.min || d > tokenDaysRange.max) {
    throw new DatelineError('INVALID_INPUT', `days must be a whole number from ${tokenDaysRange.min} to ${tokenDaysRange.max}`, { field: 'days' });
  }
  return d;
}

async function manageableToken(ctx: AccountContext, actor: Actor, id: number): Promise<ApiToken> {
  const token = await ctx.accounts.tokenById(id);
  if (!token) throw new DatelineError('NOT_FOUND', `no API token with id ${id}`);
  if (!mayManageTokensOf(actor, token.userId)) throw new DatelineError('FORBIDDEN', 'only an admin may manage other people’s tokens');
  return token;
}

/** A new bearer token for the API; only its hash is stored, so the secret is shown once. */
export async function createApiToken(
  ctx: AccountContext, actor: Actor, input: { userId: number; label?: string; days?: number },
): Promise<{ token: ApiToken; secret: string }> {
  if (!mayManageTokensOf(actor, input.userId)) throw new DatelineError('FORBIDDEN', 'only an admin may make tokens for someone else');
  const user = await existingUser(ctx, input.userId);
  if (user.disabled) throw new DatelineError('CONFLICT', `the account of ${user.email} is disabled`);
  const days = lifetime(ctx, input.days);
  const label = (input.label ?? '').trim().slice(0, 200);
  const now = ctx.now();
  const { secret, hash } = newSecret('dl_');
  const token = await ctx.accounts.createToken({ userId: user.id, tokenHash: hash, label, expiresAt: new Date(now.getTime() + days * dayMs) }, now);
  await ctx.audit.append(auditEntry(actor, 'token-create', `token:${token.id}`, { user: user.email, label, expiresAt: token.expiresAt.toISOString() }), now);
  return { token, secret };
}

/** Tokens an actor may see: an admin everyone's (or one user's), anyone else their own. */
export async function listApiTokens(ctx: AccountContext, actor: Actor, q: { userId?: number } = {}): Promise<ApiToken[]> {
  if (actor.kind === 'system' || hasRole(actor, 'admin')) return ctx.accounts.tokens(q);
  if (q.userId !== undefined && q.userId !== actor.user.id) throw new DatelineError('FORBIDDEN', 'only an admin may see other people’s tokens');
  return ctx.accounts.tokens({ userId: actor.user.id });
}

/** Revokes a token for good; it answers 401 from its next request. Revoking twice changes nothing. */
export async function revokeApiToken(ctx: AccountContext, actor: Actor, id: number): Promise<{ token: ApiToken; changed: boolean }> {
  const token = await manageableToken(ctx, actor, id);
  const now = ctx.now();
  if (!(await ctx.accounts.revokeToken(id, now))) return { token, changed: false };
  await ctx.audit.append(auditEntry(actor, 'token-revoke', `token:${id}`, { user: token.email, label: token.label }), now);
  return { token: { ...token, revokedAt: now }, changed: true };
}

/** Pushes a token's expiry out to `days` from now (an expired one works again); never a revoked one. */
export async function renewApiToken(ctx: AccountContext, actor: Actor, id: number, days?: number): Promise<ApiToken> {
  const token = await manageableToken(ctx, actor, id);
  if (token.revokedAt) throw new DatelineError('CONFLICT', `API token ${id} was revoked: it cannot be renewed; create a new one`);
  if ((await existingUser(ctx, token.userId)).disabled) throw new DatelineError('CONFLICT', `the account of ${token.email} is disabled`);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + lifetime(ctx, days) * dayMs);
  await ctx.accounts.setTokenExpiry(id, expiresAt);
  await ctx.audit.append(auditEntry(actor, 'token-renew', `token:${id}`, {
    user: token.email, label: token.label, from: token.expiresAt.toISOString(), to: expiresAt.toISOString(),
  }), now);
  return { ...token, expiresAt };
}

// ---- Cutting an account off: admins only, never their own, never the last enabled admin.

function mayCutOff(actor: Actor, userId: number, what: 'disable' | 'enable' | 'remove'): void {
  if (!hasRole(actor, 'admin')) throw new DatelineError('FORBIDDEN', `only an admin may ${what} accounts`);
  if (what !== 'enable' && actor.kind === 'user' && actor.user.id === userId) {
    throw new DatelineError('CONFLICT', `you cannot ${what} your own account`);
  }
}

const lastAdmin = (user: User) => new DatelineError('CONFLICT', `${user.email} is the last enabled admin: make someone else an admin first`);

/** Disables an account: its sessions end and its tokens are revoked, at once. */
export async function disableUser(ctx: AccountContext, actor: Actor, userId: number): Promise<{ user: User; sessions: number; tokens: number }> {
  mayCutOff(actor, userId, 'disable');
  const user = await existingUser(ctx, userId);
  if (user.disabled) return { user, sessions: 0, tokens: 0 };
  const now = ctx.now();
  const r = await ctx.accounts.disableUser(userId, now);
  if (!r.done) throw lastAdmin(user);
  await ctx.audit.append(auditEntry(actor, 'user-disable', `user:${userId}`, { email: user.email, sessionsEnded: r.sessions, tokensRevoked: r.tokens }), now);
  return { user: { ...user, disabled: true }, sessions: r.sessions, tokens: r.tokens };
}

/** Lets a disabled account sign in again (its old tokens stay revoked). */
export async function enableUser(ctx: AccountContext, actor: Actor, userId: number): Promise<User> {
  mayCutOff(actor, userId, 'enable');
  const user = await existingUser(ctx, userId);
  if (!user.disabled) return user;
  await ctx.accounts.enableUser(userId);
  await ctx.audit.append(auditEntry(actor, 'user-enable', `user:${userId}`, { email: user.email }), ctx.now());
  return { ...user, disabled: false };
}

/** Deletes an account, its sessions and tokens; its stories and the history of its work stay. */
export async function removeUser(ctx: AccountContext, actor: Actor, userId: number): Promise<{ user: User; stories: number }> {
  mayCutOff(actor, userId, 'remove');
  const user = await existingUser(ctx, userId);
  const r = await ctx.accounts.removeUser(userId);
  if (!r.done) throw lastAdmin(user);
  await ctx.audit.append(auditEntry(actor, 'user-remove', `user:${userId}`, { email: user.email, name: user.name, role: user.role, stories: r.stories }), ctx.now());
  return { user, stories: r.stories };
}
