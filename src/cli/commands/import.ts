import { plainText, requireSection } from '../../content/index.js';
import { articlePath } from '../../site/index.js';
import { importPaths, type DeliveryResult, type ImportTally, type IngestRules } from '../../wire/index.js';
import { openWorkspace, UsageError, type CliCommand, type Workspace } from '../command.js';
import { progressBar } from '../progress.js';

/** Problems printed one per line; past this many, a count. */
const maxProblemLines = 20;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'take in agency copy: NINJS 1.x/2.x/3.x, NewsML-G2, RSS, Atom (files, folders, archives)',
  usage: 'dateline import PATH... [--section SLUG [--publish]] [--source SLUG] [--picture-hosts H,H] [--suggest-topics]',
  help: [
    'Reads wire items from files, folders (recursively) and archives (.tar, .tar.gz, .tgz, .zip).',
    'Each file\'s format is recognised from its content; a feed or a newsMessage yields one item',
    'per entry. Every new version of an item is kept; a repeat or an older version changes',
    'nothing. Without --section, items wait in the newsroom\'s wire queue; with it, each becomes',
    'a story (pictures beside the item are copied into the media store), and later versions',
    'update it. A kill (pubstatus canceled/withheld) takes a published story down. An embargoed',
    'item is scheduled for its embargo time, never published before.',
    '',
    'Options:',
    '  --section SLUG   file stories under this section, e.g. global',
    '  --publish        publish them now (dated by the item\'s firstcreated time)',
    '  --source SLUG    take the rules (section, topics, publish or queue) of a configured source',
    '  --picture-hosts H,H  fetch remote lead pictures from these hosts (host or host:port)',
    '  --suggest-topics also file them under existing topics their text names (by name',
    '                   or alias) in the headline or three times or more',
    '',
    'A file that cannot be read is kept in quarantine with the reason (see the newsroom\'s',
    'wire queue) and the others go on. Shows a progress bar on a terminal and ends with one',
    'line: imported, updated, unchanged, quarantined. Exit code 1 when anything was',
    'quarantined or could not be filed.',
  ].join('\n'),
  options: {
    section: { type: 'string', short: 's' },
    publish: { type: 'boolean' },
    source: { type: 'string' },
    'suggest-topics': { type: 'boolean' },
    'picture-hosts': { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (!positionals.length) throw new UsageError('give at least one PATH to import');
    const section = typeof values.section === 'string' ? values.section : null;
    if (section === '') throw new UsageError('--section needs a SLUG');
    if (values.publish && !section && typeof values.source !== 'string') throw new UsageError('--publish needs --section SLUG (or a --source that files stories)');
    const ws = await openWorkspace(io.env);
    try {
      const { rules, sourceId } = await rulesFor(ws, values, section);
      if (rules.section) await requireSection(ws.store.content, rules.section);
      const started = Date.now();
      // The line about what became of an item is for an import of one delivery only.
      const results: DeliveryResult[] = [];
      let problems = 0;
      let items = 0;
      const bar = progressBar(process.stderr, 'files', started);
      const tally = await importPaths(
        { store: ws.store.content, wire: ws.store.wire, media: ws.media, now: () => new Date(), defaultLanguage: ws.config.siteLanguage },
        positionals,
        {
          rules, sourceId,
          onProgress: (done, total) => bar(done, total, { count: items, unit: 'items' }),
          onResult(file, result) {
            items += result.items.length;
            if (results.length < 2) results.push(result);
            for (const line of problemLines(file, result)) {
              if (++problems <= maxProblemLines) io.err(`dateline import: ${line}`);
            }
          },
        },
      );
      if (problems > maxProblemLines) io.err(`dateline import: ... and ${problems - maxProblemLines} more problems (see the wire queue's quarantine)`);
      if (results.length === 1 && results[0]!.items.length === 1) io.out(await itemLine(ws, results[0]!));
      io.out(summary(tally, (Date.now() - started) / 1000));
      return tally.quarantined || tally.failed ? 1 : 0;
    } finally {
      await ws.close();
    }
  },
};

async function rulesFor(ws: Workspace, values: Record<string, string | boolean | undefined>, section: string | null) {
  const suggestTopics = values['suggest-topics'] === true;
  const hosts = typeof values['picture-hosts'] === 'string' ? values['picture-hosts'].split(',').map((h) => h.trim()).filter(Boolean) : null;
  if (typeof values.source === 'string') {
    const source = await ws.store.wire.sourceBySlug(values.source);
    if (!source) throw new UsageError(`no source "${values.source}" (see: dateline source list)`);
    const rules: IngestRules = {
      section: section ?? source.section, topics: source.topics, suggestTopics,
      mode: values.publish ? 'publish' : section ? 'draft' : source.mode, pictureHosts: hosts ?? source.pictureHosts,
    };
    return { rules, sourceId: source.id };
  }
  const rules: IngestRules = { section, topics: [], mode: section ? (values.publish ? 'publish' : 'draft') : 'queue', suggestTopics, pictureHosts: hosts ?? [] };
  return { rules, sourceId: null };
}

function problemLines(file: string, r: DeliveryResult): string[] {
  const lines = r.quarantined.map((q) => `${file}: ${q.uri ? `${q.uri}: ` : ''}${printable(q.reason)}${q.id ? ` (quarantined as #${q.id})` : ''}`);
  for (const i of r.items) {
    if (i.story?.action === 'failed' || i.story?.action === 'held') lines.push(`${file}: ${i.uri}: not filed: ${printable(i.story.note ?? '')}`);
  }
  return lines;
}

/** One item imported on its own: say what became of it, with the story's address when live. */
async function itemLine(ws: Workspace, r: DeliveryResult): Promise<string> {
  const item = r.items[0]!;
  const headline = `"${printable(item.headline)}"`;
  const story = item.story;
  const wireVerb = item.wire === 'new' ? 'queued' : item.wire === 'updated' ? 'queued update' : item.wire === 'stale' ? 'skipped (a newer version is already stored)' : 'unchanged';
  if (item.articleId === null) {
    return `${story?.action === 'killed' ? 'killed by the agency (no story was made from it)' : story?.action === 'failed' ? 'not filed' : wireVerb}: wire item ${item.itemId} ${headline}`;
  }
  const article = await ws.store.content.articleById(item.articleId);
  const where = article?.status === 'published' ? ` at ${ws.config.siteUrl}${articlePath(article, ws.config.timeZone)}` : '';
  const when = article?.status === 'scheduled' && article.scheduledAt ? ` for ${article.scheduledAt.toISOString()} (embargo)` : '';
  const verb = !story ? wireVerb : story.action === 'killed' ? 'killed by the agency' : story.action === 'skipped' ? `skipped (${story.note})`
    : story.action === 'offered' ? 'newer version offered to the editor' : story.action === 'held' || story.action === 'failed' ? 'not filed' : story.action;
  return `${verb}: article ${item.articleId} ${headline} [${article?.status ?? story?.status ?? ''}]${when}${where}`;
}

function summary(t: ImportTally, seconds: number): string {
  const extra = [t.skipped ? `${t.skipped} not news (skipped)` : '', t.failed ? `${t.failed} not filed` : '', t.killed ? `${t.killed} killed` : '']
    .filter(Boolean).join(', ');
  const rate = t.items / Math.max(seconds, 0.001);
  return `imported ${t.imported}, updated ${t.updated}, unchanged ${t.unchanged}, quarantined ${t.quarantined}${extra ? `; ${extra}` : ''}`
    + ` (${t.files} files, ${t.items} items in ${seconds.toFixed(1)} s, ${Math.round(rate)} items/s)`;
}

/** Wire text shown on a terminal: control characters (escape sequences) removed. */
const printable = (text: string) => plainText(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
