import type { Kysely } from 'kysely';
import type { AccountStore, ApiToken, NewUser, Role, SessionRecord, TokenCheck, User } from '../accounts/index.js';
import { isoString, toDate } from '../shared/index.js';
import type { Database } from './schema.js';
import { byText } from './dialects/engine.js';

type Db = Kysely<Database>;
const userColumns = ['users.id', 'users.email', 'users.name', 'users.role', 'users.created_at', 'users.disabled_at'] as const;

const tokenColumns = [
  'api_tokens.id', 'api_tokens.user_id', 'users.email', 'api_tokens.label', 'api_tokens.created_at',
  'api_tokens.expires_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at',
] as const;

/**
 * Tokens made before expiry existed got one from migration 0009; a token without one (loaded
 * from an export of an older release) lives the default 90 days from its creation.
 */
const legacyTokenMs = 90 * 86_400_000;

interface TokenRow {
  id: number; user_id: number; email: string; label: string; created_at: string | Date;
  expires_at: string | Date | null; last_used_at: string | Date | null; revoked_at: string | Date | null;
}

function toToken(r: TokenRow): ApiToken {
  const createdAt = toDate(r.created_at);
  return {
    id: r.id, userId: r.user_id, email: r.email, label: r.label, createdAt,
    expiresAt: toDate(r.expires_at) ?? new Date(createdAt.getTime() + legacyTokenMs),
    lastUsedAt: toDate(r.last_used_at), revokedAt: toDate(r.revoked_at),
  };
}

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

  async createToken(t: { userId: number; tokenHash: string; label: string; expiresAt: Date }, now: Date): Promise<ApiToken> {
    const { id } = await this.db.insertInto('api_tokens').values({
      user_id: t.userId, token_hash: t.tokenHash, label: t.label, created_at: isoString(now), last_used_at: null,
      expires_at: isoString(t.expiresAt), revoked_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    return (await this.tokenById(id))!;
  }

  async tokenUser(tokenHash: string, now: Date): Promise<TokenCheck | null> {
    // The user's columns as they are, the token's renamed where the names are the same (id, created_at).
    const r = await this.db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select([...userColumns, 'api_tokens.id as token_id', 'api_tokens.user_id', 'api_tokens.label', 'api_tokens.created_at as token_created_at',
        'api_tokens.expires_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at'])
      .where('api_tokens.token_hash', '=', tokenHash).executeTakeFirst();
    if (!r) return null;
    const token = toToken({ ...r, id: r.token_id, created_at: r.token_created_at });
    const refused = token.revokedAt ? 'revoked' : r.disabled_at !== null ? 'disabled' : token.expiresAt <= now ? 'expired' : null;
    if (refused) return { ok: false, token, refused };
    await this.db.updateTable('api_tokens').set({ last_used_at: isoString(now) }).where('id', '=', r.token_id).execute();
    return { ok: true, tokenId: r.token_id, user: toUser(r), lastUsedAt: token.lastUsedAt };
  }

  async tokens(q: { userId?: number } = {}): Promise<ApiToken[]> {
    let query = this.db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id').select(tokenColumns);
    if (q.userId !== undefined) query = query.where('api_tokens.user_id', '=', q.userId);
    return (await query.orderBy('api_tokens.id', 'desc').execute()).map(toToken);
  }

  async tokenById(id: number): Promise<ApiToken | null> {
    const r = await this.db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(tokenColumns).where('api_tokens.id', '=', id).executeTakeFirst();
    return r ? toToken(r) : null;
  }

  async revokeToken(id: number, now: Date): Promise<boolean> {
    const r = await this.db.updateTable('api_tokens').set({ revoked_at: isoString(now) })
      .where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async setTokenExpiry(id: number, expiresAt: Date): Promise<void> {
    await this.db.updateTable('api_tokens').set({ expires_at: isoString(expiresAt) }).where('id', '=', id).execute();
  }

  async disableUser(userId: number, now: Date) {
    return this.db.transaction().execute(async (trx) => {
      if (await wouldLeaveNoAdmin(trx, userId)) return { done: false as const, reason: 'last-admin' as const };
      await trx.updateTable('users').set({ disabled_at: isoString(now) }).where('id', '=', userId).where('disabled_at', 'is', null).execute();
      const sessions = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      // Revoked rather than only refused while disabled: enabling the account again must not
      // bring back tokens that may have leaked, so its owner makes new ones.
      const tokens = await trx.updateTable('api_tokens').set({ revoked_at: isoString(now) })
        .where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
      return { done: true as const, sessions: Number(sessions.numDeletedRows), tokens: Number(tokens.numUpdatedRows) };
    });
  }

  async enableUser(userId: number): Promise<void> {
    await this.db.updateTable('users').set({ disabled_at: null }).where('id', '=', userId).execute();
  }

  /**
   * What a newsroom expects when someone leaves: the account goes, the journalism stays. Sessions
   * and tokens go with the account (ON DELETE CASCADE); stories, pictures, revisions, corrections
   * and audit entries stay, their reference to the account set to null (ON DELETE SET NULL), so
   * every story still renders and keeps its byline (which is text). The audit log keeps the
   * person's email as text in each entry, and the removal's own entry names them, so the history
   * still says who did what. Wire alerts have no foreign key: who acknowledged is nulled here.
   */
  async removeUser(userId: number) {
    return this.db.transaction().execute(async (trx) => {
      if (await wouldLeaveNoAdmin(trx, userId)) return { done: false as const, reason: 'last-admin' as const };
      const { n } = await trx.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_by', '=', userId).executeTakeFirstOrThrow();
      await trx.updateTable('wire_alerts').set({ acknowledged_by: null }).where('acknowledged_by', '=', userId).execute();
      await trx.deleteFrom('users').where('id', '=', userId).execute();
      return { done: true as const, stories: Number(n) };
    });
  }
}

/** Whether taking this account away would leave the newsroom without an enabled admin. */
async function wouldLeaveNoAdmin(db: Db, userId: number): Promise<boolean> {
  const user = await db.selectFrom('users').select(['role', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.role !== 'admin' || user.disabled_at !== null) return false;
  const others = await db.selectFrom('users').select('id')
    .where('role', '=', 'admin').where('disabled_at', 'is', null).where('id', '!=', userId).limit(1).executeTakeFirst();
  return !others;
}
