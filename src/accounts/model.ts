export const roles = ['contributor', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  disabled: boolean;
}

/** Who is doing something: a signed-in person, or Dateline itself (CLI, wire, scheduler). */
export type Actor =
  | { kind: 'user'; user: User; ip?: string | null }
  | { kind: 'system'; name: 'cli' | 'wire' | 'scheduler' | 'demo' };

export const systemActor = (name: 'cli' | 'wire' | 'scheduler' | 'demo'): Actor => ({ kind: 'system', name });

export const actorId = (a: Actor): number | null => (a.kind === 'user' ? a.user.id : null);
export const actorLabel = (a: Actor): string => (a.kind === 'user' ? a.user.email : a.name);

/** Rank for "at least editor" checks; the system acts with every right. */
export function hasRole(actor: Actor, role: Role): boolean {
  if (actor.kind === 'system') return true;
  return roles.indexOf(actor.user.role) >= roles.indexOf(role);
}

export const isRole = (r: string): r is Role => (roles as readonly string[]).includes(r);

/** An API token as the newsroom sees it: never its secret (only a hash of it is kept). */
export interface ApiToken {
  id: number;
  userId: number;
  /** The owner's email, for lists. */
  email: string;
  label: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** Revoked is for ever; otherwise a token works until its expiry. */
export function tokenStatus(t: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date): TokenStatus {
  if (t.revokedAt) return 'revoked';
  return t.expiresAt <= now ? 'expired' : 'active';
}

/** The lifetime a token may be given, in days. */
export const tokenDaysRange = { min: 1, max: 3650 } as const;
