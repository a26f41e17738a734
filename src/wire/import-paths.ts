import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatelineError, isDatelineError } from '../shared/index.js';
import { archiveKind, extractArchive } from './archive.js';
import { maxWireFileBytes, readLocalFile } from './file-story.js';
import { ingestDelivery, type DeliveryResult, type IngestContext, type IngestRules } from './ingest.js';

/** Files beside items that are never items themselves: pictures and media the items point to. */
const notItems = /\.(jpe?g|png|gif|webp|avif|tiff?|bmp|heic|mp4|mov|m4v|webm|mp3|m4a|wav|ogg|pdf|md)$/i;

export interface ImportTally {
  files: number;
  items: number;
  imported: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  /** Valid objects that are not news (events, planning, concepts). */
  skipped: number;
  /** Stories that could not be made (a picture that cannot be read, a live story under embargo). */
  failed: number;
  killed: number;
}

export const emptyTally = (): ImportTally => ({ files: 0, items: 0, imported: 0, updated: 0, unchanged: 0, quarantined: 0, skipped: 0, failed: 0, killed: 0 });

export function addToTally(t: ImportTally, r: DeliveryResult): void {
  t.files++;
  t.quarantined += r.quarantined.length;
  t.skipped += r.skipped.length;
  for (const i of r.items) {
    t.items++;
    if (i.wire === 'new') t.imported++;
    else if (i.wire === 'updated') t.updated++;
    else t.unchanged++;
    if (i.story?.action === 'failed' || i.story?.action === 'held') t.failed++;
    if (i.story?.action === 'killed') t.killed++;
  }
}

export interface ImportRun {
  rules: IngestRules;
  sourceId: number | null;
  onProgress?: (done: number, total: number) => void;
  /** Every delivery's result, with its file (for per-file reporting). */
  onResult?: (file: string, result: DeliveryResult) => void;
}

/**
 * Imports files, folders (recursively, in name order) and archives (tar, tar.gz, zip: unpacked to
 * a temporary folder so items keep their pictures). Memory stays flat: one file at a time, and
 * only counts are kept.
 */
export async function importPaths(ctx: IngestContext, inputs: string[], run: ImportRun): Promise<ImportTally> {
  const tally = emptyTally();
  const scratch: string[] = [];
  try {
    const files: string[] = [];
    for (const input of inputs) await collect(input, files, scratch, true);
    let done = 0;
    run.onProgress?.(0, files.length);
    for (const file of files) {
      const result = await importFile(ctx, file, run);
      addToTally(tally, result);
      run.onResult?.(file, result);
      run.onProgress?.(++done, files.length);
    }
    return tally;
  } finally {
    for (const dir of scratch) await fsp.rm(dir, { recursive: true, force: true });
  }
}

async function importFile(ctx: IngestContext, file: string, run: ImportRun): Promise<DeliveryResult> {
  let bytes: Buffer;
  try {
    bytes = await readLocalFile(file, maxWireFileBytes, `cannot read ${file}`);
  } catch (e) {
    if (!isDatelineError(e)) throw e;
    // Unreadable or oversized: the bytes cannot be kept, so the reason is all there is.
    return { format: null, items: [], skipped: [], quarantined: [{ id: 0, uri: null, reason: e.message }] };
  }
  return ingestDelivery(ctx, { bytes, fileName: path.basename(file), baseDir: path.dirname(path.resolve(file)), sourceId: run.sourceId }, run.rules);
}

async function collect(input: string, into: string[], scratch: string[], named: boolean): Promise<void> {
  let stat;
  try {
    stat = await fsp.stat(input);
  } catch (e) {
    if (!named) return;
    throw new DatelineError('FILE_UNREADABLE', `cannot read ${input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (stat.isDirectory()) {
    const names = (await fsp.readdir(input)).filter((n) => !n.startsWith('.')).sort();
    for (const n of names) await collect(path.join(input, n), into, scratch, false);
    return;
  }
  if (!stat.isFile()) return;
  if (archiveKind(input)) {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dateline-archive-'));
    scratch.push(dir);
    await extractArchive(input, dir);
    await collect(dir, into, scratch, false);
    return;
  }
  // A file named on the command line is always tried; inside folders, pictures are not items.
  if (named || !notItems.test(input)) into.push(input);
}
