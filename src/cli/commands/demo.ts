import { seedDemoNewsroom } from '../../demo/index.js';
import { openWorkspace, type CliCommand } from '../command.js';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'fill an empty newsroom with demo sections and stories',
  usage: 'dateline demo',
  help: '`dateline serve` does this by itself on an empty database (unless DATELINE_DEMO=false).',
  options: {},
  async run(_args, io) {
    const ws = await openWorkspace(io.env);
    try {
      const result = await seedDemoNewsroom({ store: ws.store.content, media: ws.media, now: () => new Date() });
      io.out(result.seeded ? `added ${result.articles} demo stories` : 'the newsroom already has content: nothing added');
      return 0;
    } finally {
      await ws.close();
    }
  },
};
