import { SqliteAdapter, sql, type Kysely } from 'kysely';

/**
 * Full-text search. SQLite: an FTS5 table (rowid = article id) kept in step by the store on every
 * save, and its vocabulary for "did you mean". PostgreSQL gets its tsvector in its own release.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`create virtual table article_search using fts5(
    headline, topics, standfirst, body, byline, captions, tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`create virtual table article_search_vocab using fts5vocab(article_search, 'row')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`drop table article_search_vocab`.execute(db);
  await sql`drop table article_search`.execute(db);
}
