import type { Kysely } from 'kysely';
import type { AccountStore, NewUser, Role, SessionRecord, User } from '../accounts/index.js';
import { isoString, toDate } from '../shared/index.js';
import type { Database } from './schema.js';
import { byText } from './dialects/engine.js';

type Db = Kysely<Database>;
const userColumns = ['users.id', 'users.email', 'users.name', 'users.role', 'users.created_at', 'users.disabled_at'] as const;

function toUser(r: { id: number; email: string; name: string; role: string; created_at: string | Date; disabled_at: string | Date | null }): User {
  return { id: r.id, email: r.email, name: r.name, role: r.role as Role, createdAt: toDate(r.created_at), disabled: r.disabled_at !== null };
}

export class KyselyAccountStore implements AccountStore {
  constructor(private readonly db: Db) {}

  async countUsers(): Promise<number> {
    const r = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async userByEmail(email: string) {
    const r = await this.db.selectFrom('users').select([...userColumns, 'users.password_hash'])
      .where('email', '=', email.toLowerCase()).executeTakeFirst();
    return r ? { ...toUser(r), passwordHash: r.password_hash } : null;
  }

  async userById(id: number): Promise<User | null> {
    const r = await this.db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async users(): Promise<User[]> {
    return (await this.db.selectFrom('users').select(userColumns).orderBy(byText(this.db, 'email')).execute()).map(toUser);
  }

  async createUser(input: NewUser, now: Date): Promise<User> {
    const r = await this.db.insertInto('users').values({
      email: input.email, name: input.name, role: input.role, password_hash: input.passwordHash,
      created_at: isoString(now), disabled_at: null,
    }).returning(['id', 'email', 'name', 'role', 'created_at', 'disabled_at']).executeTakeFirstOrThrow();
    return toUser(r);
  }

  async setRole(userId: number, role: Role): Promise<void> {
    await this.db.updateTable('users').set({ role }).where('id', '=', userId).execute();
  }

  async setPassword(userId: number, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  }

  async createSession(s: { idHash: string; userId: number; csrfToken: string; expiresAt: Date }, now: Date): Promise<void> {
    await this.db.insertInto('sessions').values({
      id: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: isoString(now), expires_at: isoString(s.expiresAt),
    }).execute();
  }

  async session(idHash: string, now: Date): Promise<SessionRecord | null> {
    const r = await this.db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
      .select([...userColumns, 'sessions.csrf_token', 'sessions.expires_at'])
      .where('sessions.id', '=', idHash).executeTakeFirst();
    if (!r || r.disabled_at !== null || toDate(r.expires_at) <= now) return null;
    return { user: toUser(r), csrfToken: r.csrf_token, expiresAt: toDate(r.expires_at) };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', idHash).execute();
  }

  async deleteSessionsOf(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async createToken(t: { userId: number; tokenHash: string; label: string }, now: Date): Promise<void> {
    await this.db.insertInto('api_tokens').values({
      user_id: t.userId, token_hash: t.tokenHash, label: t.label, created_at: isoString(now), last_used_at: null,
    }).execute();
  }

  async tokenUser(tokenHash: string, now: Date) {
    const r = await this.db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select([...userColumns, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
      .where('api_tokens.token_hash', '=', tokenHash).executeTakeFirst();
    if (!r || r.disabled_at !== null) return null;
    await this.db.updateTable('api_tokens').set({ last_used_at: isoString(now) }).where('id', '=', r.token_id).execute();
    return { user: toUser(r), lastUsedAt: toDate(r.last_used_at) };
  }
}
