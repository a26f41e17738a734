import { addSource, renewToken, type SourceInput } from '../../wire/index.js';
import { openWorkspace, UsageError, type CliCommand } from '../command.js';

const kinds = ['folder', 'push', 'poll'] as const;

export const sourceCommand: CliCommand = {
  name: 'source',
  summary: 'configure wire sources: watched folders, HTTP push, feed polling',
  usage: 'dateline source list | add SLUG --kind folder|push|poll [options] | remove SLUG | enable SLUG | disable SLUG | token SLUG',
  help: [
    'A source is where agency copy comes from, with the rules for its items.',
    '',
    '  folder  a folder the server watches; each new file is taken in and moved to done/',
    '          (or failed/, when it is quarantined)',
    '  push    the agency POSTs items to /ingest/SLUG with "Authorization: Bearer TOKEN";',
    '          the token is printed once, when the source is added (renew it with `token`)',
    '  poll    an RSS, Atom, NINJS or NewsML-G2 address fetched at an interval',
    '',
    'Options for add:',
    '  --kind KIND        folder, push or poll (required)',
    '  --path DIR         the folder to watch (folder)',
    '  --url URL          the feed address (poll)',
    '  --name NAME        shown in the wire queue, default the SLUG',
    '  --every SECONDS    how often to look: folder default 5, poll default 300 (at least 30)',
    '  --section SLUG     file its stories under this section',
    '  --topics A,B       topics every story from it gets',
    '  --publish          publish its stories at once (embargoes are kept: scheduled)',
    '  --draft            file its stories as drafts for an editor',
    '  --queue            leave its items in the wire queue (the default without --section)',
    '  --picture-hosts H,H  fetch remote lead pictures from these hosts (host or host:port);',
    '                   without it, remote pictures are kept as addresses only',
  ].join('\n'),
  options: {
    kind: { type: 'string' }, path: { type: 'string' }, url: { type: 'string' }, name: { type: 'string' }, every: { type: 'string' },
    section: { type: 'string' }, topics: { type: 'string' }, 'picture-hosts': { type: 'string' }, publish: { type: 'boolean' }, draft: { type: 'boolean' }, queue: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const [action, slug, ...rest] = positionals;
    if (rest.length) throw new UsageError(`unexpected ${rest.join(' ')}`);
    if (!['list', 'add', 'remove', 'enable', 'disable', 'token'].includes(action ?? '')) throw new UsageError('say list, add, remove, enable, disable or token');
    if (action !== 'list' && !slug) throw new UsageError(`${action} needs the source's SLUG`);
    const input = action === 'add' ? sourceInput(slug!, values) : null;
    const ws = await openWorkspace(io.env);
    try {
      const ctx = { store: ws.store.content, wire: ws.store.wire, media: ws.media, now: () => new Date(), defaultLanguage: ws.config.siteLanguage };
      switch (action) {
        case 'add': {
          const { source, token } = await addSource(ctx, input!);
          io.out(`added ${source.kind} source ${source.slug} (${describeRules(source)})`);
          if (token) io.out(`push to ${ws.config.siteUrl}/ingest/${source.slug} with the header "Authorization: Bearer ${token}" (shown once)`);
          return 0;
        }
        case 'token': {
          const token = await renewToken(ctx, slug!);
          io.out(`new token for ${slug}: ${token} (the old one no longer works; shown once)`);
          return 0;
        }
        case 'remove':
        case 'enable':
        case 'disable': {
          const ok = action === 'remove' ? await ws.store.wire.removeSource(slug!) : await ws.store.wire.setSourceEnabled(slug!, action === 'enable');
          if (!ok) {
            io.err(`dateline source: no source "${slug}"`);
            return 1;
          }
          io.out(`${action === 'remove' ? 'removed' : `${action}d`} ${slug}${action === 'remove' ? ' (its items stay in the wire queue)' : ''}`);
          return 0;
        }
        default:
          for (const s of await ws.store.wire.sources()) {
            const state = s.enabled ? '' : ' [disabled]';
            const last = s.lastRunAt ? ` last run ${s.lastRunAt.toISOString()}${s.lastError ? ` FAILED: ${s.lastError}` : ''}` : '';
            io.out(`${s.slug}\t${s.kind}\t${s.location || '/ingest/' + s.slug}\t${describeRules(s)}${state}${last}`);
          }
          return 0;
      }
    } finally {
      await ws.close();
    }
  },
};

function sourceInput(slug: string, values: Record<string, string | boolean | undefined>): SourceInput {
  const kind = values.kind as (typeof kinds)[number];
  if (!kinds.includes(kind)) throw new UsageError('--kind must be folder, push or poll');
  if (kind === 'folder' && typeof values.path !== 'string') throw new UsageError('a folder source needs --path DIR');
  if (kind === 'poll' && typeof values.url !== 'string') throw new UsageError('a poll source needs --url URL');
  const modes = (['publish', 'draft', 'queue'] as const).filter((m) => values[m] === true);
  if (modes.length > 1) throw new UsageError('choose one of --publish, --draft, --queue');
  const every = values.every === undefined ? undefined : Number(values.every);
  if (every !== undefined && !Number.isInteger(every)) throw new UsageError('--every must be a whole number of seconds');
  return {
    slug, kind, name: values.name as string | undefined,
    location: (kind === 'folder' ? values.path : kind === 'poll' ? values.url : '') as string,
    intervalSeconds: every, section: (values.section as string | undefined) ?? null,
    topics: typeof values.topics === 'string' ? values.topics.split(',') : [],
    mode: modes[0],
    pictureHosts: typeof values['picture-hosts'] === 'string' ? values['picture-hosts'].split(',') : [],
  };
}

function describeRules(s: { section: string | null; topics: string[]; mode: string; intervalSeconds: number; kind: string; pictureHosts: string[] }): string {
  const what = s.mode === 'publish' ? `publish in ${s.section}` : s.mode === 'draft' ? `drafts in ${s.section}` : 'wire queue';
  return [what, s.topics.length ? `topics ${s.topics.join(', ')}` : '', s.pictureHosts.length ? `pictures from ${s.pictureHosts.join(', ')}` : '',
    s.kind !== 'push' ? `every ${s.intervalSeconds} s` : ''].filter(Boolean).join('; ');
}
