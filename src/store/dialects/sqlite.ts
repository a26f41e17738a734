import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Dialect, type Driver, type SqliteDatabase, type SqliteDialectConfig, type TransactionSettings } from 'kysely';

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE). A plain BEGIN defers
 * it to the first write, and a transaction that read first then fails at once with SQLITE_BUSY
 * when another process wrote meanwhile; an immediate one waits its turn (busy_timeout) instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    // A read-only one (an export) only needs WAL's snapshot: it must not hold writers back.
    await connection.executeQuery(CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin' : 'begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/**
 * SQLite through better-sqlite3: WAL so the site keeps reading while the CLI or an import
 * writes, a busy timeout so a second writer waits instead of failing, foreign keys on.
 */
export function sqliteDialect(file: string): Dialect {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 10000');
  database.pragma('foreign_keys = ON');
  return new ImmediateSqliteDialect({ database: withStatementCache(database) });
}

/**
 * Prepared statements kept by their SQL: Kysely prepares every query it runs, and preparing
 * costs as much as running a simple indexed read. Kysely runs one query at a time on this
 * connection, so a statement is never in use twice. Least recently used out past `max`.
 */
function withStatementCache(database: SQLite.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

/**
 * A number that changes whenever any connection, in this process or another, commits to the
 * database (PRAGMA data_version, read on a connection of its own so its own writes count too).
 * About a microsecond a call: page caches call it before every answer.
 */
export function sqliteChangeCounter(file: string): { read(): number; close(): void } {
  const probe = new SQLite(file, { readonly: file !== ':memory:', fileMustExist: file !== ':memory:' });
  const statement = probe.prepare('pragma data_version').pluck();
  return { read: () => statement.get() as number, close: () => probe.close() };
}
