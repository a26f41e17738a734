import { createHash } from 'node:crypto';
import pg from 'pg';
import { CompiledQuery, PostgresDialect, type DatabaseConnection, type Dialect, type Driver, type QueryResult, type TransactionSettings } from 'kysely';

/** The key of the advisory lock every write transaction holds (any number no one else uses). */
const writeLockKey = 4_871_220_117;

/** PostgreSQL text cannot hold NUL (SQLite's can): it is dropped from every string sent. */
const withoutNul = (v: unknown) => (typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '') : v);

/**
 * Queries are prepared once per connection and run again by name: PostgreSQL then parses each
 * only once and, after a few runs, plans it once too (planning a page's joins cost more than
 * running them). Long or many-parameter statements (bulk inserts, long IN lists) vary too much to
 * be worth keeping on the server, and transaction control cannot be prepared.
 */
function statementName(query: CompiledQuery): string | undefined {
  if (query.sql.length > 4000 || query.parameters.length > 64 || !/^\s*(select|insert|update|delete|with)\b/i.test(query.sql)) return undefined;
  return `d${createHash('sha1').update(query.sql).digest('base64url')}`;
}

/**
 * A connection that takes a client from a pool only when it is first used: from the read pool
 * for a single statement, from the (small) write pool when a transaction begins. So writers
 * waiting for the write lock never hold the connections readers need.
 */
class PooledConnection implements DatabaseConnection {
  client: pg.PoolClient | null = null;
  broken = false;

  constructor(private readonly reads: pg.Pool) {}

  async bind(pool: pg.Pool): Promise<void> {
    this.client = await pool.connect();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.client) await this.bind(this.reads);
    const { command, rowCount, rows } = await this.client!.query({ text: query.sql, values: query.parameters.map(withoutNul), name: statementName(query) });
    if (command === 'ROLLBACK' || command === 'COMMIT') return { rows: [{ command }] as R[] };
    const changed = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
    return { numAffectedRows: changed ? BigInt(rowCount ?? 0) : undefined, rows: (rows ?? []) as R[] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not used by Dateline');
  }

  release(): void {
    this.client?.release(this.broken);
    this.client = null;
  }
}

/**
 * Write transactions run one at a time across every node, as they do on SQLite (BEGIN
 * IMMEDIATE): each takes one transaction-scoped advisory lock before its first statement. The
 * commands were written against a single writer (read, decide, write) and stay correct without
 * a retry loop. Reads, which are nearly all of a news site's work, never take it, and a
 * read-only transaction (an export's snapshot) does not either. A newsroom writes a few times a
 * second at most, well within one writer's reach.
 */
class SerialWritesDriver implements Driver {
  constructor(private readonly pools: { reads: pg.Pool; writes: pg.Pool }, private readonly onCommit: () => void) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PooledConnection(this.pools.reads);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as PooledConnection;
    const readOnly = settings.accessMode === 'read only';
    // A connection already in use (Kysely's db.connection(), as its migrator takes) keeps its client.
    if (!c.client) await c.bind(readOnly ? this.pools.reads : this.pools.writes);
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await c.executeQuery(CompiledQuery.raw(`start transaction${isolation}${readOnly ? ' read only' : ''}`));
    if (readOnly) return;
    try {
      await c.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${writeLockKey})`));
    } catch (err) {
      // Kysely rolls back only a transaction that began: this one must not go back to the pool open.
      await c.executeQuery(CompiledQuery.raw('rollback')).catch(() => { c.broken = true; });
      throw err;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const { rows } = await connection.executeQuery<{ command?: string }>(CompiledQuery.raw('commit'));
    // PostgreSQL answers COMMIT with ROLLBACK when an earlier statement had failed.
    if (rows[0]?.command === 'ROLLBACK') throw new Error('the transaction was rolled back by the database');
    this.onCommit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (err) {
      (connection as PooledConnection).broken = true;
      throw err;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PooledConnection).release();
  }

  async destroy(): Promise<void> {
    await Promise.all([this.pools.reads.end(), this.pools.writes.end()]);
  }
}

class SerialWritesDialect extends PostgresDialect {
  constructor(private readonly pools: { reads: pg.Pool; writes: pg.Pool }, private readonly onCommit: () => void) {
    super({ pool: pools.reads });
  }

  override createDriver(): Driver {
    return new SerialWritesDriver(this.pools, this.onCommit);
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

function pool(options: PostgresOptions, max: number, waitMs: number, onError: (err: Error) => void): pg.Pool {
  const p = new pg.Pool({
    connectionString: options.url,
    max,
    types,
    // Every connection speaks UTC, so timestamps read back the same on every node.
    options: '-c TimeZone=UTC',
    connectionTimeoutMillis: waitMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'dateline',
  });
  // A connection the server dropped (a restart, a failover) is only logged: the pool opens
  // another when one is next needed. Unhandled, these events would end the process.
  p.on('error', onError);
  p.on('connect', (client) => client.on('error', onError));
  return p;
}

/**
 * The node's connections: DATABASE_POOL for reads, and two for write transactions (only one at a
 * time can hold the write lock; the second is ready for the next). Writers queue in memory.
 */
export function postgresPools(options: PostgresOptions, onError: (err: Error) => void = () => {}): { reads: pg.Pool; writes: pg.Pool } {
  return { reads: pool(options, options.poolSize, 10_000, onError), writes: pool(options, 2, 60_000, onError) };
}

/** `onCommit` runs after each of this node's transactions commits (its own page caches look at once). */
export function postgresDialect(pools: { reads: pg.Pool; writes: pg.Pool }, onCommit: () => void): Dialect {
  return new SerialWritesDialect(pools, onCommit);
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
  let heartbeat: NodeJS.Timeout | null = null;
  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: options.url, options: '-c TimeZone=UTC', application_name: 'dateline-listen', keepAlive: true });
    c.on('notification', () => { version++; });
    let gone = false;
    const lost = (err?: Error) => {
      if (err) onError(err);
      if (gone) return;
      gone = true;
      if (heartbeat && client === c) { clearInterval(heartbeat); heartbeat = null; }
      void c.end().catch(() => {});
      if (client === c) client = null;
      schedule();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    try {
      await c.connect();
      await c.query(`listen ${pageChannel}`);
      if (closed) { gone = true; await c.end(); return; }
      client = c;
      version++;
      // A connection cut without a word (a network partition) is found by asking now and then.
      heartbeat = setInterval(() => {
        const ask = c.query('select 1');
        const timeout = setTimeout(() => lost(new Error('the listening connection stopped answering')), 5_000);
        void ask.then(() => clearTimeout(timeout), (err: Error) => { clearTimeout(timeout); lost(err); });
      }, 10_000);
      heartbeat.unref();
    } catch (err) {
      lost(err as Error);
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
      if (heartbeat) clearInterval(heartbeat);
      void client?.end().catch(() => {});
    },
  };
}
