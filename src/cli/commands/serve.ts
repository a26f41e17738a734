import { build } from '../../app/index.js';
import { seedDemoNewsroom } from '../../demo/index.js';
import { openWorkspace, type CliCommand } from '../command.js';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'run the news site',
  usage: 'dateline serve [--port N] [--host H]',
  help: [
    'Migrates the database, fills an empty one with the demo newsroom (DATELINE_DEMO=false to',
    'skip), and serves the site until SIGINT or SIGTERM.',
    '',
    'Options (override PORT and HOST):',
    '  --port N   port to listen on (default 3000; 0 picks a free one)',
    '  --host H   address to listen on (default 127.0.0.1)',
  ].join('\n'),
  options: { port: { type: 'string', short: 'p' }, host: { type: 'string' } },
  async run({ values }, io) {
    const env = { ...io.env };
    if (typeof values.port === 'string') env.PORT = values.port;
    if (typeof values.host === 'string') env.HOST = values.host;
    const ws = await openWorkspace(env);
    if (ws.config.demoContent) {
      // Nodes started together on one empty database race to fill it: the one that loses finds
      // the sections the other made and serves what it seeds.
      const demo = await seedDemoNewsroom({ store: ws.store.content, media: ws.media, now: () => new Date() })
        .catch(async (err: unknown) => {
          if ((await ws.store.content.sections()).length === 0) throw err;
          return { seeded: false, articles: 0 };
        });
      if (demo.seeded) io.out(`empty newsroom: added ${demo.articles} demo stories`);
    }
    const dateline = await build(ws.config, { store: ws.store });
    const address = await dateline.app.listen({ port: ws.config.port, host: ws.config.host });
    const where = 'postgres' in ws.config.database ? `PostgreSQL at ${databaseHost(ws.config.database.postgres.url)}` : ws.config.dataDir;
    io.out(`Dateline is serving ${ws.config.siteName} at ${address} (data: ${where})`);
    io.out(`The newsroom is at ${address}/newsroom`);
    if ((await ws.store.accounts.countUsers()) === 0) {
      io.out('No newsroom accounts yet: add one with `npx dateline user add --email you@example.org --role admin`');
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await dateline.close();
    return 0;
  },
};

/** host:port/database of a PostgreSQL URL, never its password. */
function databaseHost(url: string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}
