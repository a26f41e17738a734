import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/index.js';
import { dateline, tempDataDir } from './support/cli.js';
import { createTestDatabase, testEngine } from './support/database.js';
import { seedNinjs, wireFixtures } from './support/paths.js';

/** An export's lines with what differs by nature (when, from which engine) left out, keys sorted. */
function canonical(file: string): string[] {
  const sortKeys = (v: unknown): unknown => (Array.isArray(v) ? v.map(sortKeys)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)).map(([k, x]) => [k, sortKeys(x)])) : v);
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(1).map((l) => JSON.stringify(sortKeys(JSON.parse(l))));
}

describe.skipIf(testEngine !== 'postgres')('a site moved from SQLite to PostgreSQL', () => {
  const work = tempDataDir('transfer');
  const sqliteDir = path.join(work, 'sqlite-site');
  const media = path.join(sqliteDir, 'media');
  const sqliteEnv = { DATELINE_DATA: sqliteDir, DATELINE_DEMO: 'false' };
  let pgEnv: Record<string, string>;
  let fromSqlite: string;
  let fromPostgres: string;
  const imported = { code: -1, stdout: '', stderr: '' };

  const run = async (args: string[], env: Record<string, string>, expectCode = 0) => {
    const r = await dateline(args, env);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(expectCode);
    return r;
  };

  beforeAll(async () => {
    // A site with everything: the demo newsroom (pictures, people, topics), the seed story from
    // the wire with its picture, generated stories, queued wire items and a newsroom account.
    await run(['demo'], sqliteEnv);
    await run(['import', seedNinjs, '--section', 'global', '--publish'], sqliteEnv);
    await run(['generate', '--articles', '300', '--pictures', '2', '--seed', '3'], sqliteEnv);
    await dateline(['import', path.join(wireFixtures, 'ninjs')], sqliteEnv);
    await dateline(['user', 'add', '--email', 'ed@example.org', '--role', 'editor', '--password-stdin'], sqliteEnv, 'correct horse battery\n');
    fromSqlite = path.join(work, 'from-sqlite.jsonl');
    await run(['export', fromSqlite], sqliteEnv);

    pgEnv = { DATELINE_DATA: path.join(work, 'pg-node'), DATABASE_URL: createTestDatabase('transfer'), DATELINE_MEDIA: media, DATELINE_DEMO: 'false' };
    Object.assign(imported, await dateline(['import-site', fromSqlite], pgEnv));
    fromPostgres = path.join(work, 'from-postgres.jsonl');
    await run(['export', fromPostgres], pgEnv);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('imports the export into an empty PostgreSQL database, indexes it and finds every media file', () => {
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^imported \d+ rows \(30\d stories, 1 users\) and indexed 30\d stories for search/);
    expect(imported.stdout).toMatch(/media: all \d+ files present/);
  });

  it('exports from PostgreSQL exactly what SQLite exported', () => {
    const a = canonical(fromSqlite);
    const b = canonical(fromPostgres);
    expect(a.length).toBeGreaterThan(1000);
    expect(a.filter((l) => l.includes('"table":"articles"')).length).toBeGreaterThan(300);
    expect(a.filter((l) => l.includes('"table":"wire_versions"')).length).toBeGreaterThan(0);
    expect(a.filter((l) => l.startsWith('{"media"')).length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('gives the same first hits on both engines for the discovery queries', async () => {
    const stores: Store[] = [openStore({ sqliteFile: path.join(sqliteDir, 'dateline.sqlite') }), openStore({ postgres: { url: pgEnv.DATABASE_URL!, poolSize: 2 } })];
    try {
      const queries = ['Nangarhar', '"spectacular attack"', 'afghan', 'afghan -drought', 'isis', 'caliphate militants', 'Joscelyn', 'election', 'market', 'minister'];
      for (const text of queries) {
        const [onSqlite, onPostgres] = await Promise.all(stores.map((s) => s.search.search({ text, page: 1, pageSize: 3, sort: 'relevance', scope: { kind: 'public' } })));
        expect(onPostgres!.total, text).toBe(onSqlite!.total);
        expect(onPostgres!.items[0]?.headline, text).toBe(onSqlite!.items[0]?.headline);
      }
      const byDate = await Promise.all(stores.map((s) => s.search.search({ text: 'market', page: 1, pageSize: 10, sort: 'date', scope: { kind: 'public' } })));
      expect(byDate[1]!.items.map((i) => i.id)).toEqual(byDate[0]!.items.map((i) => i.id));
    } finally {
      for (const s of stores) await s.close();
    }
  });

  it('refuses to import into a database that holds a site, changing nothing', async () => {
    const again = await dateline(['import-site', fromSqlite], pgEnv);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/the database is not empty \(.*articles.*\): import a site into a new database/);
    const after = path.join(work, 'after.jsonl');
    await run(['export', after], pgEnv);
    expect(canonical(after)).toEqual(canonical(fromPostgres));
  });

  it('refuses an export cut short and leaves the new database empty', async () => {
    const cut = path.join(work, 'cut.jsonl');
    const text = fs.readFileSync(fromSqlite, 'utf8');
    fs.writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)).replace(/\n[^\n]*$/, '\n'));
    const env = { DATELINE_DATA: path.join(work, 'cut-site'), DATELINE_DEMO: 'false', DATABASE_URL: createTestDatabase('cut') };
    const r = await dateline(['import-site', cut], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ends before the export does \(cut short\?\): nothing imported/);
    const empty = path.join(work, 'empty.jsonl');
    await run(['export', empty], env);
    expect(canonical(empty)).toEqual(['{"end":true,"files":0,"rows":0}']);
  });
});
