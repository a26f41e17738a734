import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * API tokens expire and can be revoked. Tokens that exist when this runs are given 90 days from
 * now rather than 90 days from their creation: an agency feed or script on an old token must not
 * stop on upgrade day without warning, and 90 days is time to renew or replace it (the newsroom's
 * users page and `dateline token list` show every expiry). New tokens always get an expiry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('api_tokens').addColumn('expires_at', t.timestamp).execute();
  await db.schema.alterTable('api_tokens').addColumn('revoked_at', t.timestamp).execute();
  const expires = new Date(Date.now() + 90 * 86_400_000).toISOString();
  await sql`update api_tokens set expires_at = ${expires} where expires_at is null`.execute(db);
  await db.schema.createIndex('api_tokens_by_user').on('api_tokens').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('api_tokens_by_user').execute();
  await db.schema.alterTable('api_tokens').dropColumn('revoked_at').execute();
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
}
