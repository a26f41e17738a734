import { Kysely, Migrator } from 'kysely';
import type { AccountStore } from '../accounts/index.js';
import type { AuditLog } from '../audit/index.js';
import type { ContentRepository, ContentStore } from '../content/index.js';
import { KyselyAccountStore } from './accounts.js';
import { KyselyAuditLog } from './audit.js';
import { Fts5Search, indexBehind, type SearchProvider } from '../search/index.js';
import { KyselyContentRepository } from './content/writes.js';
import { insertStoriesInBulk, type BulkStory } from './content/bulk.js';
import { PageChangeLog, PageChangeTracker, trackingWrites } from './content/page-changes.js';
import { sqliteChangeCounter, sqliteDialect } from './dialects/sqlite.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
import { KyselyWireStore } from './wire.js';
import type { WireStore } from '../wire/ports.js';

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
  /** Whether stories are missing from the search index (it needs rebuilding). */
  searchIndexBehind(): Promise<boolean>;
  /** Writes ready-made stories many at a time (the corpus generator), in one transaction; returns their ids. */
  insertStoriesInBulk(stories: BulkStory[], now: Date): Promise<number[]>;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** Migrations this release has that the database has not run (empty: current). Throws when the database cannot be read. */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** SQLite database file (PostgreSQL comes with DATABASE_URL in a later release). */
  sqliteFile: string;
}

export function openStore(options: StoreOptions): Store {
  const db = new Kysely<Database>({ dialect: sqliteDialect(options.sqliteFile) });
  return createStore(db, 'sqlite', sqliteChangeCounter(options.sqliteFile));
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

function createStore(db: Kysely<Database>, dialect: Store['dialect'], counter: { read(): number; close(): void }): Store {
  const content = new KyselyContentStore(db);
  return {
    dialect,
    content,
    accounts: new KyselyAccountStore(db),
    audit: new KyselyAuditLog(db),
    search: new Fts5Search(db),
    wire: new KyselyWireStore(db),
    pageChanges: new PageChangeLog(db, counter.read),
    searchIndexBehind: () => indexBehind(db),
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
export type { BulkStory } from './content/bulk.js';
export type { PageChangeLog } from './content/page-changes.js';
