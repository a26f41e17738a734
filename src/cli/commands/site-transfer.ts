import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { reindexAll } from '../../content/index.js';
import { fail } from '../../shared/index.js';
import type { Row } from '../../store/index.js';
import { openWorkspace, UsageError, type CliCommand } from '../command.js';
import { progressBar } from '../progress.js';

/** The first line of an export; a reader refuses any other format or a later version. */
const format = 'dateline-site';
const formatVersion = 1;

type Line =
  | { format: string; version: number; exportedAt: string; engine: string }
  | { table: string; row: Row }
  | { media: { path: string; bytes: number; sha256: string } }
  | { end: true; rows: number; files: number };

function fileArgument(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
  return positionals[0]!;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write the whole site to a JSON Lines file (to move it to another database)',
  usage: 'dateline export FILE',
  help: [
    'Writes every story, static page, revision, correction, section, topic, person, agency,',
    'picture record, user, API token, audit entry and the wire desk (sources, items, versions,',
    'quarantine) as JSON Lines, then a manifest of the media folder (path, size, SHA-256). The',
    'search index is not written: import-site rebuilds it. Sessions are not moved (everyone signs',
    'in again).',
    'The file is written beside FILE and renamed into place when complete. Copy the media',
    'folder (DATELINE_MEDIA) with it. Shows a progress bar on a terminal.',
  ].join('\n'),
  options: {},
  async run({ positionals }, io) {
    const file = fileArgument(positionals);
    const ws = await openWorkspace(io.env);
    const tmp = `${file}.${process.pid}.partial`;
    try {
      const out = fs.createWriteStream(tmp);
      // A write that fails (a full disk) fails the export at the next line, the partial file removed.
      let failed: Error | null = null;
      out.on('error', (err) => { failed = err; });
      const write = (line: Line) => new Promise<void>((resolve, reject) => {
        if (failed) return reject(failed);
        if (out.write(`${JSON.stringify(line)}\n`)) resolve();
        else out.once('drain', resolve).once('error', reject);
      });
      const started = Date.now();
      const bar = progressBar(process.stderr, 'rows', started);
      await write({ format, version: formatVersion, exportedAt: new Date().toISOString(), engine: ws.store.dialect });
      let rows = 0;
      for await (const r of ws.store.exportRows()) {
        await write(r);
        if (++rows % 1000 === 0) bar(rows, rows);
      }
      let media = 0;
      for await (const m of ws.media.list()) {
        const sha256 = createHash('sha256').update(await ws.media.read(m.path)).digest('hex');
        await write({ media: { ...m, sha256 } });
        media++;
      }
      await write({ end: true, rows, files: media });
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      fs.renameSync(tmp, file);
      bar(rows, rows);
      io.out(`exported ${rows} rows and a manifest of ${media} media files to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    } finally {
      await ws.close();
    }
  },
};

/** The export's lines, checked as they are read: header first, end line last, nothing after. */
async function* readExport(file: string, onMedia: (m: { path: string; bytes: number; sha256: string }) => void): AsyncGenerator<{ table: string; row: Row }> {
  let input: fs.ReadStream;
  try {
    fs.accessSync(file, fs.constants.R_OK);
    input = fs.createReadStream(file);
  } catch (e) {
    throw fail('FILE_UNREADABLE', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let rows = 0;
  let media = 0;
  let ended = false;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      throw fail('INVALID_INPUT', `${file}:${n}: not a JSON line`);
    }
    if (ended) throw fail('INVALID_INPUT', `${file}:${n}: lines after the end of the export`);
    if (n === 1) {
      if (!('format' in line) || line.format !== format) throw fail('INVALID_INPUT', `${file} is not a Dateline site export`);
      if (line.version > formatVersion) throw fail('INVALID_INPUT', `${file} is export format ${line.version}; this release reads up to ${formatVersion}`);
      continue;
    }
    if ('table' in line) { rows++; yield line; }
    else if ('media' in line) { media++; onMedia(line.media); }
    else if ('end' in line) {
      if (line.rows !== rows || line.files !== media) throw fail('INVALID_INPUT', `${file}: the end line counts ${line.rows} rows and ${line.files} media files, the file holds ${rows} and ${media}`);
      ended = true;
    } else throw fail('INVALID_INPUT', `${file}:${n}: unknown line`);
  }
  if (n === 0) throw fail('INVALID_INPUT', `${file} is empty`);
  // Cut short (a copy that stopped, a full disk): refused before the transaction commits.
  if (!ended) throw fail('INVALID_INPUT', `${file} ends before the export does (cut short?): nothing imported`);
}

export const importSiteCommand: CliCommand = {
  name: 'import-site',
  summary: 'load a site export into an empty database (SQLite or PostgreSQL)',
  usage: 'dateline import-site FILE',
  help: [
    'Loads what `dateline export` wrote into the configured database, which must hold no site',
    'yet (a new data folder, or a new PostgreSQL database in DATABASE_URL), in one transaction:',
    'a file cut short or refused changes nothing. Then rebuilds the search index and checks the',
    'media manifest against the media folder (copy it first), naming any file missing or',
    'different. Shows a progress bar on a terminal. Exit code 1 when media files are missing.',
  ].join('\n'),
  options: {},
  async run({ positionals }, io) {
    const file = fileArgument(positionals);
    const ws = await openWorkspace(io.env);
    try {
      const started = Date.now();
      const manifest: { path: string; bytes: number; sha256: string }[] = [];
      const bar = progressBar(process.stderr, 'rows', started);
      const counts = await ws.store.importRows(readExport(file, (m) => manifest.push(m)), (done) => bar(done, done));
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const stories = await reindexAll(ws.store.content, () => {});
      const problems: string[] = [];
      for (const m of manifest) {
        const bytes = await ws.media.read(m.path).catch(() => null);
        if (!bytes) problems.push(`missing: ${m.path}`);
        else if (createHash('sha256').update(bytes).digest('hex') !== m.sha256) problems.push(`different: ${m.path}`);
      }
      io.out(`imported ${total} rows (${counts.articles ?? 0} stories, ${counts.users ?? 0} users) and indexed ${stories} stories for search in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      if (problems.length) {
        for (const p of problems.slice(0, 20)) io.err(p);
        io.err(`${problems.length} of ${manifest.length} media files are not as exported in ${ws.config.mediaDir}: copy the exported site's media folder there`);
        return 1;
      }
      io.out(`media: all ${manifest.length} files present`);
      return 0;
    } finally {
      await ws.close();
    }
  },
};
