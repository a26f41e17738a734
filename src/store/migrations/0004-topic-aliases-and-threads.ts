import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * Topic aliases ("IS", "ISIS", "Islamic State" are one topic) and story threads: a story may be a
 * follow-up of another; every story of a thread carries the id of the thread's first story.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.createTable('topic_aliases')
    .addColumn('id', t.idType as 'integer', (c) => (t.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    // The alias as matched (lower case, words joined by one space): one alias names one topic.
    .addColumn('alias_key', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('topic_aliases_by_topic').on('topic_aliases').column('topic_id').execute();

  await db.schema.alterTable('articles').addColumn('follow_up_of', 'integer', (c) => c.references('articles.id').onDelete('set null')).execute();
  await db.schema.alterTable('articles').addColumn('thread_id', 'integer', (c) => c.references('articles.id').onDelete('set null')).execute();
  await db.schema.createIndex('articles_by_thread').on('articles').columns(['thread_id', 'first_published_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_by_thread').execute();
  await db.schema.alterTable('articles').dropColumn('thread_id').execute();
  await db.schema.alterTable('articles').dropColumn('follow_up_of').execute();
  await db.schema.dropTable('topic_aliases').execute();
}
