import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store, type StoreOptions } from './index.js';
import { databaseEnv, testEngine } from '../../test/support/database.js';

/** This run's engine: SQLite in a temporary folder, or a fresh PostgreSQL database (see test/support/database.ts). */
const storeIn = (dir: string): StoreOptions => (testEngine === 'postgres'
  ? { postgres: { url: databaseEnv(dir).DATABASE_URL!, poolSize: 4 } }
  : { sqliteFile: path.join(dir, 'db.sqlite') });

describe(`the store (${testEngine})`, () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-store-'));
    store = openStore(storeIn(dir));
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates once and then reports nothing to do', async () => {
    expect(await store.migrate()).toEqual([]);
    await store.close();
    store = openStore(storeIn(dir));
    expect(await store.migrate()).toEqual([]);
  });

  it('undoes every write of a unit of work that fails', async () => {
    const now = new Date();
    await expect(store.content.transaction(async (repo) => {
      await repo.createSection({ slug: 'world', name: 'World' }, now);
      await repo.ensureTopic('Elections', now);
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await store.content.sections()).toEqual([]);
    expect(await store.content.topicBySlug('elections')).toBeNull();
  });

  it('treats topic names that differ only in case as one topic', async () => {
    const now = new Date();
    const a = await store.content.ensureTopic('ISIS', now);
    const b = await store.content.ensureTopic('isis', now);
    expect(b.id).toBe(a.id);
    expect(b.name).toBe('ISIS');
  });

  it('refuses a second section with the same slug', async () => {
    const now = new Date();
    await store.content.createSection({ slug: 'world', name: 'World' }, now);
    await expect(store.content.createSection({ slug: 'world', name: 'Again' }, now)).rejects.toThrow(/UNIQUE|unique/);
  });
});
