import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * Which engine this run of the suite stores in. `npm test` runs it on SQLite, then (when
 * TEST_DATABASE_URL names a PostgreSQL server) runs the storage tests again with
 * DATELINE_TEST_ENGINE=postgres: each data folder then gets a fresh database of its own.
 */
export const testEngine: 'sqlite' | 'postgres' = process.env.DATELINE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** The PostgreSQL server tests may create databases on (any database on it, as a superuser). */
export const testPostgresUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

if (testEngine === 'postgres' && !testPostgresUrl) throw new Error('DATELINE_TEST_ENGINE=postgres needs TEST_DATABASE_URL');

/** Database names made by tests start with this (the suite's teardown drops them). */
export const testDatabasePrefix = 'dateline_t_';

function psql(url: string, sql: string): string {
  return execFileSync('psql', [url, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
}

/** The server's URL with another database name. */
export function urlOfDatabase(name: string, base = testPostgresUrl!): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new empty PostgreSQL database; its URL. */
export function createTestDatabase(label: string): string {
  const name = `${testDatabasePrefix}${label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  psql(testPostgresUrl!, `create database "${name}"`);
  return urlOfDatabase(name);
}

const databases = new Map<string, string>();

/** DATABASE_URL for a data folder on this run's engine: nothing on SQLite (the file is in the folder). */
export function databaseEnv(dataDir: string): Record<string, string> {
  if (testEngine !== 'postgres') return {};
  let url = databases.get(dataDir);
  if (!url) {
    url = createTestDatabase(path.basename(dataDir));
    databases.set(dataDir, url);
  }
  return { DATABASE_URL: url };
}

/** The settings that put a site in `dataDir` (and its own database, on PostgreSQL). */
export function dataEnv(dataDir: string): { DATELINE_DATA: string } & Record<string, string> {
  return { DATELINE_DATA: dataDir, ...databaseEnv(dataDir) };
}

const pgTimestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$/;

/** Values as the SQLite file gives them: timestamps as the store's ISO strings, bytes as hex. */
function likeSqlite(value: unknown): unknown {
  if (typeof value === 'string' && pgTimestamp.test(value)) return new Date(value).toISOString();
  if (typeof value === 'string' && /^\\x[0-9a-f]*$/.test(value)) return value.slice(2);
  return value;
}

/**
 * Rows of a read-only query against a data folder's database, synchronously (on PostgreSQL
 * through psql), with values as SQLite gives them (bytes as hex strings).
 */
export function query<T = Record<string, unknown>>(dataDir: string, sql: string): T[] {
  if (testEngine === 'postgres') {
    const out = psql(databaseEnv(dataDir).DATABASE_URL!, `select coalesce(json_agg(t), '[]') from (${sql}) t`);
    return (JSON.parse(out) as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, likeSqlite(v)])) as T);
  }
  const db = new SQLite(path.join(dataDir, 'dateline.sqlite'), { readonly: true });
  try {
    return (db.prepare(sql).all() as Record<string, unknown>[])
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v])) as T);
  } finally {
    db.close();
  }
}

/** Runs a writing statement against a data folder's database (tests that fake an older database). */
export function execute(dataDir: string, sql: string): void {
  if (testEngine === 'postgres') {
    psql(databaseEnv(dataDir).DATABASE_URL!, sql);
    return;
  }
  const db = new SQLite(path.join(dataDir, 'dateline.sqlite'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** The tables a data folder's database holds, but for the engine's own bookkeeping. */
export function tableNames(dataDir: string): string[] {
  if (testEngine === 'postgres') {
    return query<{ name: string }>(dataDir, "select table_name as name from information_schema.tables where table_schema = 'public' order by 1")
      .map((r) => r.name);
  }
  // The FTS vocabulary is a view of the index (no rowid); the index's own tables are compared.
  return query<{ name: string }>(dataDir, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_vocab' order by name")
    .map((r) => r.name);
}

/** Drops every database tests made on the server (suite teardown). */
export function dropTestDatabases(): void {
  if (!testPostgresUrl) return;
  const names = psql(testPostgresUrl, `select datname from pg_database where datname like '${testDatabasePrefix}%'`).split('\n').filter(Boolean);
  for (const name of names) psql(testPostgresUrl, `drop database if exists "${name}" with (force)`);
}
