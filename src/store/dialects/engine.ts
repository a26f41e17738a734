import { PostgresAdapter, sql, type Kysely } from 'kysely';

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
  await sql`select setval(pg_get_serial_sequence(${table}, ${column}), greatest((select max(${sql.ref(column)}) from ${sql.table(table)}), 1))`.execute(db);
}
