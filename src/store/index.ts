import fs from 'node:fs';
import { Kysely, Migrator, sql } from 'kysely';
import type { AccountStore } from '../accounts/index.js';
import type { AuditLog } from '../audit/index.js';
import type { ContentRepository, ContentStore } from '../content/index.js';
import { KyselyAccountStore } from './accounts.js';
import { KyselyAuditLog } from './audit.js';
import { searchProvider, indexBehind, type SearchProvider } from '../search/index.js';
import { KyselyContentRepository } from './content/writes.js';
import { insertStoriesInBulk, type BulkStory } from './content/bulk.js';
import { PageChangeLog, PageChangeTracker, trackingWrites } from './content/page-changes.js';
import { sqliteChangeCounter, sqliteDialect } from './dialects/sqlite.js';
import { postgresChangeCounter, postgresDialect, postgresPools, type PostgresOptions } from './dialects/postgres.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
import { KyselyWireStore } from './wire.js';
import { exportRows, importRows, type Row } from './transfer.js';
import type { WireStore } from '../wire/ports.js';
import type { SettingsStore } from '../settings/index.js';
import { KyselySettingsStore } from './settings.js';

/** Everything Dateline persists goes through this interface; nothing else knows the engine. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly content: ContentStore;
  readonly accounts: AccountStore;
  readonly audit: AuditLog;
  readonly search: SearchProvider;
  /** The wire desk: sources, items and their versions, quarantine, alerts. */
  readonly wire: WireStore;
  /** What changed on the public pages, for page caches. */
  readonly pageChanges: PageChangeLog;
  /** The publication's name, look and standards, shared by every node. */
  readonly siteSettings: SettingsStore;
  /** How much room the database takes (SQLite: the file and its write-ahead log). */
  sizeBytes(): Promise<number>;
  /** A value every node shares, made once by whichever asks first (the session-signing key). */
  sharedSetting(key: string, make: () => string): Promise<string>;
  /** Whether stories are missing from the search index (it needs rebuilding). */
  searchIndexBehind(): Promise<boolean>;
  /** Writes ready-made stories many at a time (the corpus generator), in one transaction; returns their ids. */
  insertStoriesInBulk(stories: BulkStory[], now: Date): Promise<number[]>;
  /** Every row of the site, table by table (`dateline export`). */
  exportRows(): AsyncGenerator<{ table: string; row: Row }>;
  /** Loads an export into this (empty) database in one transaction; rows per table. */
  importRows(rows: AsyncIterable<{ table: string; row: Row }>, progress: (rows: number) => void): Promise<Record<string, number>>;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** Migrations this release has that the database has not run (empty: current). Throws when the database cannot be read. */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

/** A SQLite file (the default), or a PostgreSQL server that several nodes share. */
export type StoreOptions =
  | { sqliteFile: string }
  | { postgres: PostgresOptions; onConnectionError?: (err: Error) => void };

export function openStore(options: StoreOptions): Store {
  if ('sqliteFile' in options) {
    const db = new Kysely<Database>({ dialect: sqliteDialect(options.sqliteFile) });
    return createStore(db, 'sqlite', sqliteChangeCounter(options.sqliteFile), options.sqliteFile);
  }
  const warn = options.onConnectionError ?? ((err: Error) => console.warn(`dateline: a PostgreSQL connection failed (${err.message}); opening another`));
  const counter = postgresChangeCounter(options.postgres, warn);
  const db = new Kysely<Database>({ dialect: postgresDialect(postgresPools(options.postgres, warn), counter.bump) });
  return createStore(db, 'postgres', counter, null);
}

class KyselyContentStore extends KyselyContentRepository implements ContentStore {
  constructor(private readonly root: Kysely<Database>) {
    super(root);
  }

  /**
   * A unit of work. The stories it writes are noted, and on commit one page change names the
   * public pages they were or are on (the page caches of every process read it).
   */
  transaction<T>(fn: (repo: ContentRepository) => Promise<T>): Promise<T> {
    return this.root.transaction().execute(async (trx) => {
      const tracker = new PageChangeTracker(trx);
      const result = await fn(trackingWrites(new KyselyContentRepository(trx), tracker));
      await tracker.flush(new Date());
      return result;
    });
  }
}

async function databaseSize(db: Kysely<Database>, sqliteFile: string | null): Promise<number> {
  if (sqliteFile === null) return Number((await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(db)).rows[0]!.n);
  const size = (file: string) => { try { return fs.statSync(file).size; } catch { return 0; } };
  return size(sqliteFile) + size(`${sqliteFile}-wal`);
}

function createStore(db: Kysely<Database>, dialect: Store['dialect'], counter: { read(): number; close(): void }, sqliteFile: string | null): Store {
  const content = new KyselyContentStore(db);
  return {
    dialect,
    content,
    accounts: new KyselyAccountStore(db),
    audit: new KyselyAuditLog(db),
    search: searchProvider(db),
    wire: new KyselyWireStore(db),
    pageChanges: new PageChangeLog(db, counter.read),
    siteSettings: new KyselySettingsStore(db),
    searchIndexBehind: () => indexBehind(db),
    exportRows: () => exportRows(db),
    sizeBytes: () => databaseSize(db, sqliteFile),
    importRows: (rows, progress) => importRows(db, rows, progress),
    async sharedSetting(key, make) {
      await db.insertInto('settings').values({ key, value: make() }).onConflict((oc) => oc.column('key').doNothing()).execute();
      return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value;
    },
    insertStoriesInBulk: (stories, now) => insertStoriesInBulk(db, stories, now),
    async migrate() {
      const migrator = new Migrator({ db, provider: migrationProvider });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error;
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    },
    async pendingMigrations() {
      const all = await new Migrator({ db, provider: migrationProvider }).getMigrations();
      return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
    },
    async close() {
      counter.close();
      await db.destroy();
    },
  };
}

export type { Database } from './schema.js';
export type { Row } from './transfer.js';
export type { BulkStory } from './content/bulk.js';
export type { PageChangeLog } from './content/page-changes.js';
