import { reindexAll } from '../../content/index.js';
import { loadConfig } from '../../config/index.js';
import { openStore } from '../../store/index.js';
import type { CliCommand } from '../command.js';
import { progressBar } from '../progress.js';

export const reindexCommand: CliCommand = {
  name: 'reindex',
  summary: 'rebuild the search index',
  usage: 'dateline reindex',
  help: 'Rebuilds the full-text index of every story (the site keeps serving meanwhile).\nShows a progress bar on a terminal.',
  options: {},
  async run(_args, io) {
    const config = loadConfig(io.env);
    const store = openStore(config.database);
    try {
      await store.migrate();
      const started = Date.now();
      const done = await reindexAll(store.content, progressBar(process.stderr, 'stories', started));
      io.out(`reindexed ${done} stories in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
