import type { AuditLog } from '../audit/index.js';
import { DatelineError } from '../shared/index.js';
import { isRole, type Role, type User } from './model.js';
import { hashPassword, passwordProblem } from './passwords.js';
import type { AccountStore } from './ports.js';
import { newSecret } from './tokens.js';

export interface AccountContext {
  accounts: AccountStore;
  audit: AuditLog;
  now: () => Date;
}

export interface AddUserInput {
  email: string;
  name?: string;
  role: string;
  password: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function addUser(ctx: AccountContext, input: AddUserInput, by: string): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!emailPattern.test(email)) throw new DatelineError('INVALID_INPUT', `"${input.email}" is not an email address`);
  if (!isRole(input.role)) throw new DatelineError('INVALID_INPUT', `role must be contributor, editor or admin (not "${input.role}")`);
  const problem = passwordProblem(input.password);
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

/** A new bearer token for the API; only its hash is stored, so it is shown once. */
export async function createApiToken(ctx: AccountContext, email: string, label: string, by: string): Promise<string> {
  const user = await ctx.accounts.userByEmail(email.trim().toLowerCase());
  if (!user) throw new DatelineError('NOT_FOUND', `no user with email ${email}`);
  const { secret, hash } = newSecret('dl_');
  await ctx.accounts.createToken({ userId: user.id, tokenHash: hash, label }, ctx.now());
  await ctx.audit.append({ actorId: null, actor: by, action: 'token-create', subject: `user:${user.id}`, detail: { label } }, ctx.now());
  return secret;
}
