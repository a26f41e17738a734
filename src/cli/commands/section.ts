import { createSection } from '../../content/index.js';
import { openWorkspace, UsageError, type CliCommand } from '../command.js';

export const sectionCommand: CliCommand = {
  name: 'section',
  summary: 'list sections or add one',
  usage: 'dateline section list | dateline section add --name NAME [--slug SLUG] [--parent SLUG]',
  help: [
    'Sections form a tree under Home (Home > Business > Markets).',
    '',
    'Options for add:',
    '  --name NAME          shown in menus and breadcrumbs (required)',
    '  --slug SLUG          the URL part, default made from the name',
    '  --parent SLUG        file it under another section',
    '  --description TEXT   shown on the section page',
    '  --position N         order in the menu',
  ].join('\n'),
  options: {
    name: { type: 'string' },
    slug: { type: 'string' },
    parent: { type: 'string' },
    description: { type: 'string' },
    position: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const action = positionals[0];
    if (action !== 'list' && action !== 'add') throw new UsageError('say "list" or "add"');
    if (action === 'add' && typeof values.name !== 'string') throw new UsageError('--name NAME is required');
    const position = values.position === undefined ? undefined : Number(values.position);
    if (position !== undefined && !Number.isInteger(position)) throw new UsageError('--position must be a whole number');
    const ws = await openWorkspace(io.env);
    try {
      if (action === 'add') {
        const s = await createSection({ store: ws.store.content, now: () => new Date() }, {
          name: values.name as string,
          slug: values.slug as string | undefined,
          parentSlug: values.parent as string | undefined,
          description: values.description as string | undefined,
          position,
        });
        io.out(`added section ${s.slug} "${s.name}"`);
        return 0;
      }
      const all = await ws.store.content.sections();
      const byId = new Map(all.map((s) => [s.id, s]));
      for (const s of all) {
        const parent = s.parentId === null ? '' : ` (in ${byId.get(s.parentId)?.slug ?? '?'})`;
        io.out(`${s.slug}\t${s.name}${parent}`);
      }
      return 0;
    } finally {
      await ws.close();
    }
  },
};
