import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * Static pages (About us, Corrections policy...) and their revisions. A table of their own rather
 * than a kind of article: no listing, feed, search index or sitemap of stories can show one by
 * mistake, and the million-story queries stay as they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const table = (name: string) =>
    db.schema.createTable(name).addColumn('id', t.idType as 'integer', (c) => {
      const pk = c.primaryKey();
      return t.autoIncrement ? pk.autoIncrement() : pk;
    });

  await table('pages')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('modified_at', t.timestamp, (c) => c.notNull())
    .addColumn('scheduled_at', t.timestamp)
    .addColumn('first_published_at', t.timestamp)
    .addColumn('updated_at', t.timestamp)
    .execute();
  await db.schema.createIndex('pages_scheduled').on('pages').columns(['status', 'scheduled_at']).execute();

  await table('page_revisions')
    .addColumn('page_id', 'integer', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('changed', 'text', (c) => c.notNull())
    .addColumn('snapshot', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('page_revisions_by_page').on('page_revisions').columns(['page_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('page_revisions').execute();
  await db.schema.dropTable('pages').execute();
}
