import pg from 'pg';
import { CompiledQuery, PostgresDialect, PostgresDriver, type DatabaseConnection, type Dialect, type Driver, type TransactionSettings } from 'kysely';

/** The key of the advisory lock every write transaction holds (any number no one else uses). */
const writeLockKey = 4_871_220_117;

/**
 * Write transactions run one at a time across every node, as they do on SQLite (BEGIN
 * IMMEDIATE): each takes one transaction-scoped advisory lock before its first statement. The
 * commands were written against a single writer (read, decide, write) and stay correct without
 * a retry loop; reads, which are nearly all of a news site's work, never take it. A newsroom
 * writes a few times a second at most, well within one writer's reach.
 */
class SerialWritesDriver extends PostgresDriver {
  constructor(config: ConstructorParameters<typeof PostgresDriver>[0], private readonly onCommit: () => void) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${writeLockKey})`));
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await super.commitTransaction(connection);
    this.onCommit();
  }
}

class SerialWritesDialect extends PostgresDialect {
  constructor(private readonly settings: ConstructorParameters<typeof PostgresDialect>[0], private readonly onCommit: () => void) {
    super(settings);
  }

  override createDriver(): Driver {
    return new SerialWritesDriver(this.settings, this.onCommit);
  }
}

/**
 * Values come back as they do from SQLite: timestamps as ISO 8601 strings in UTC (the store
 * compares and sorts them as text), counts and sums as numbers rather than bigint strings.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.TIMESTAMPTZ || oid === pg.types.builtins.TIMESTAMP) return isoTimestamp;
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** "2026-11-27 20:59:45.12+00" (the session's time zone is UTC) as "2026-11-27T20:59:45.120Z". */
function isoTimestamp(value: string): string {
  const iso = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(iso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

export interface PostgresOptions {
  url: string;
  /** Connections this node keeps open at most. */
  poolSize: number;
}

export function postgresPool(options: PostgresOptions, onError: (err: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    types,
    // Every connection speaks UTC, so timestamps read back the same on every node.
    options: '-c TimeZone=UTC',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'dateline',
  });
  // An idle connection the server dropped (a restart, a failover) is only logged: the pool opens
  // another when one is next needed. Unhandled, this event would end the process.
  pool.on('error', onError);
  return pool;
}

/** `onCommit` runs after each of this node's transactions commits (its own page caches look at once). */
export function postgresDialect(pool: pg.Pool, onCommit: () => void): Dialect {
  return new SerialWritesDialect({ pool }, onCommit);
}

/** The channel on which a node announces that public pages changed (see PageChangeLog). */
export const pageChannel = 'dateline_page_changes';

/**
 * A number that moves whenever any node records a page change: a connection of its own LISTENs
 * on the channel. If that connection drops, it reconnects and moves the number once (changes made
 * meanwhile are then read from the log), so a cache never misses one for longer than a retry.
 */
export function postgresChangeCounter(options: PostgresOptions, onError: (err: Error) => void = () => {}): { read(): number; bump(): void; close(): void } {
  let version = 0;
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: options.url, options: '-c TimeZone=UTC', application_name: 'dateline-listen' });
    c.on('notification', () => { version++; });
    let gone = false;
    const lost = (err?: Error) => {
      if (err) onError(err);
      if (gone) return;
      gone = true;
      void c.end().catch(() => {});
      if (client === c) client = null;
      schedule();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    try {
      await c.connect();
      await c.query(`listen ${pageChannel}`);
      if (closed) { await c.end(); return; }
      client = c;
      version++;
    } catch (err) {
      onError(err as Error);
      void c.end().catch(() => {});
      schedule();
    }
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => { retry = null; void connect(); }, 500);
    retry.unref();
  };
  void connect();
  return {
    read: () => version,
    /** This node committed: its own caches need not wait for the notification to come back. */
    bump: () => { version++; },
    close() {
      closed = true;
      if (retry) clearTimeout(retry);
      void client?.end().catch(() => {});
    },
  };
}
