import { loadConfig } from '../../config/index.js';
import { openStore } from '../../store/index.js';
import type { CliCommand } from '../command.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'create or update the database schema',
  usage: 'dateline migrate',
  help: 'Applies every pending migration to the database in DATELINE_DATA. Safe to run again.',
  options: {},
  async run(_args, io) {
    const config = loadConfig(io.env);
    const store = openStore(config.database);
    try {
      const applied = await store.migrate();
      io.out(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date');
      return 0;
    } finally {
      await store.close();
    }
  },
};
