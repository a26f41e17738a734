import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * The change log page caches read: each row names the surrogate keys (article:12, section:3,
 * topic:5, home, sitemap...) of the public pages a committed change affects. Every server process
 * reads it, so a change made by the CLI or another server is live on the next request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.createTable('page_changes')
    .addColumn('id', t.idType as 'integer', (c) => (t.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('page_changes').execute();
}
