import { reindexAll } from '../../content/index.js';
import { loadConfig } from '../../config/index.js';
import { openStore } from '../../store/index.js';
import type { CliCommand } from '../command.js';

/** A progress bar on a terminal; nothing when the output is a file or a pipe. */
function progressBar(stream: NodeJS.WriteStream, started: number) {
  return (done: number, total: number) => {
    if (!stream.isTTY) return;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} stories, ${rate.toFixed(0)}/s `);
  };
}

export const reindexCommand: CliCommand = {
  name: 'reindex',
  summary: 'rebuild the search index',
  usage: 'dateline reindex',
  help: 'Rebuilds the full-text index of every story (the site keeps serving meanwhile).\nShows a progress bar on a terminal.',
  options: {},
  async run(_args, io) {
    const config = loadConfig(io.env);
    const store = openStore({ sqliteFile: config.databaseFile });
    try {
      await store.migrate();
      const started = Date.now();
      const done = await reindexAll(store.content, progressBar(process.stderr, started));
      if (process.stderr.isTTY) process.stderr.write('\n');
      io.out(`reindexed ${done} stories in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
