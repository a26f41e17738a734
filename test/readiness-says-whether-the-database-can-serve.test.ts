import { describe, expect, it } from 'vitest';
import { build } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
import { openStore } from '../src/store/index.js';
import { tempDataDir } from './support/cli.js';
import { dataEnv, execute } from './support/database.js';

async function serve(dataDir: string, prepare: () => void = () => {}) {
  const config = loadConfig({ ...dataEnv(dataDir), LOG_LEVEL: 'silent', PORT: '0' });
  const first = openStore(config.database);
  await first.migrate();
  await first.close();
  prepare();
  const store = openStore(config.database);
  const app = await build(config, { store, logger: false, worker: false });
  const url = await app.app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

describe('GET /readyz', () => {
  it('is 200 when the database answers and has every migration', async () => {
    const { app, url } = await serve(tempDataDir('ready'));
    try {
      const r = await fetch(`${url}/readyz`);
      expect([r.status, await r.json()]).toEqual([200, { status: 'ready' }]);
      expect(r.headers.get('x-cache')).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('is 503 naming the migrations a database from an older release has not run, while /healthz stays 200', async () => {
    const dataDir = tempDataDir('ready-old');
    const { app, url } = await serve(dataDir, () => execute(dataDir, "delete from kysely_migration where name = '0006-listing-indexes'"));
    try {
      const r = await fetch(`${url}/readyz`);
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({ status: 'not ready', reason: 'migrations not run: 0006-listing-indexes' });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
