import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/** Which engine a Kysely instance (or transaction) talks to, for the few queries that differ. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * After rows were written with ids of our choosing (bulk loads, a site import): PostgreSQL's
 * identity sequence must continue past them, or the next ordinary insert collides. SQLite's
 * rowid always follows the largest id by itself.
 */
export async function followExplicitIds(db: Kysely<any>, table: string, column = 'id'): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
}

/**
 * A text column to sort by, in code-point order on both engines: SQLite compares bytes, while a
 * PostgreSQL database sorts by its locale ("Sport" after "business", hyphens ignored), which would
 * reorder menus and lists when a site moves.
 */
export function byText(db: Kysely<any>, column: string): RawBuilder<string> {
  return isPostgres(db) ? sql<string>`${sql.ref(column)} collate "C"` : sql<string>`${sql.ref(column)}`;
}
