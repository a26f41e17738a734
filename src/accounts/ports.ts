import type { ApiToken, Role, User } from './model.js';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

export interface SessionRecord {
  user: User;
  csrfToken: string;
  expiresAt: Date;
}

/** Users, sessions and API tokens, as the store keeps them. */
export interface AccountStore {
  countUsers(): Promise<number>;
  userByEmail(email: string): Promise<(User & { passwordHash: string }) | null>;
  userById(id: number): Promise<User | null>;
  users(): Promise<User[]>;
  createUser(input: NewUser, now: Date): Promise<User>;
  setRole(userId: number, role: Role): Promise<void>;
  setPassword(userId: number, passwordHash: string): Promise<void>;
  createSession(s: { idHash: string; userId: number; csrfToken: string; expiresAt: Date }, now: Date): Promise<void>;
  /** The live session with this id hash, or null when unknown, expired or the user is disabled. */
  session(idHash: string, now: Date): Promise<SessionRecord | null>;
  deleteSession(idHash: string): Promise<void>;
  deleteSessionsOf(userId: number): Promise<void>;
  createToken(t: { userId: number; tokenHash: string; label: string; expiresAt: Date }, now: Date): Promise<ApiToken>;
  /**
   * What a presented API token is worth: its user and when it was last used before now (this use
   * is recorded), or why it is refused (revoked, its user disabled, expired); null when unknown.
   */
  tokenUser(tokenHash: string, now: Date): Promise<TokenCheck | null>;
  /** API tokens, newest first: everyone's, or one user's. */
  tokens(q?: { userId?: number }): Promise<ApiToken[]>;
  tokenById(id: number): Promise<ApiToken | null>;
  /** Marks a token revoked (it stays listed); false when it was revoked already. */
  revokeToken(id: number, now: Date): Promise<boolean>;
  setTokenExpiry(id: number, expiresAt: Date): Promise<void>;
  /**
   * Disables an account in one transaction: its sessions end and its live tokens are revoked.
   * Refused when it would leave no enabled admin (checked inside the same transaction).
   */
  disableUser(userId: number, now: Date): Promise<{ done: true; sessions: number; tokens: number } | { done: false; reason: 'last-admin' }>;
  enableUser(userId: number): Promise<void>;
  /**
   * Deletes an account with its sessions and tokens; what it wrote stays (references to it
   * become null). Refused when it would leave no enabled admin. `stories`: how many it had created.
   */
  removeUser(userId: number): Promise<{ done: true; stories: number } | { done: false; reason: 'last-admin' }>;
}

export type TokenCheck =
  | { ok: true; tokenId: number; user: User; lastUsedAt: Date | null }
  | { ok: false; token: ApiToken; refused: 'revoked' | 'disabled' | 'expired' };
