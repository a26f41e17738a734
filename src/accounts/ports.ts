import type { Role, User } from './model.js';

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
  createToken(t: { userId: number; tokenHash: string; label: string }, now: Date): Promise<void>;
  /** The user of a live API token and when it was last used before now (recording this use), or null. */
  tokenUser(tokenHash: string, now: Date): Promise<{ user: User; lastUsedAt: Date | null } | null>;
}
