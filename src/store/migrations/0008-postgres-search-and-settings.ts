import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/engine.js';

/**
 * PostgreSQL's full-text search: one row per story with its text (snippets are cut from it) and
 * a tsvector weighted by field, behind a GIN index. The words are folded (case, accents) and split
 * by the store before PostgreSQL sees them, as SQLite's unicode61 tokenizer does, so both engines
 * match the same words. SQLite keeps its FTS5 table (0003).
 * Both: settings shared by every node (the session-signing key when none is configured).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  if (!isPostgres(db)) return;
  await db.schema.createTable('search_documents')
    .addColumn('id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('byline', 'text', (c) => c.notNull())
    .addColumn('captions', 'text', (c) => c.notNull())
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    // The first fields' words alone (headline, topics, standfirst): "related stories"
    // test a few hundred of them per page, and a small tsvector is read far faster than the whole.
    .addColumn('head', sql`tsvector`, (c) => c.notNull())
    // How many words the story has in all, for ranking (BM25 scales by length).
    .addColumn('words', 'integer', (c) => c.notNull())
    .execute();
  await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await db.schema.dropTable('search_documents').execute();
  await db.schema.dropTable('settings').execute();
}
