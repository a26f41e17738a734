import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatelineError, isDatelineError } from '../shared/index.js';
import { archiveKind, extractArchive } from './archive.js';
import { openFileReader, type FileRead } from './file-reader.js';
import { ingestBatch, refusedDelivery, type DeliveryResult, type IngestContext, type IngestRules, type ParsedDelivery } from './ingest.js';

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

const emptyTally = (): ImportTally => ({ files: 0, items: 0, imported: 0, updated: 0, unchanged: 0, quarantined: 0, skipped: 0, failed: 0, killed: 0 });

function addToTally(t: ImportTally, r: DeliveryResult): void {
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

/** Deliveries written per transaction, and files read ahead of the writer. */
const batchItems = 500;
const readAhead = 256;
/** ... and at most this many bytes of them (a folder of 20 MB files must not fill memory). */
const readAheadBytes = 64 * 1024 * 1024;

/**
 * Imports files, folders (recursively, in name order) and archives (tar, tar.gz, zip: unpacked to
 * a temporary folder so items keep their pictures). Files are read and parsed ahead (in a worker
 * thread when there is one) while the versions are written a batch per transaction. Memory
 * stays flat: a bounded window of files in flight, and only counts are kept.
 */
export async function importPaths(ctx: IngestContext, inputs: string[], run: ImportRun): Promise<ImportTally> {
  const tally = emptyTally();
  const scratch: string[] = [];
  const reader = openFileReader();
  try {
    const files: string[] = [];
    const sizes: number[] = [];
    const unpackable: { file: string; reason: string }[] = [];
    for (const input of inputs) await collect(input, { files, sizes, scratch, unpackable }, 'named');
    let done = 0;
    run.onProgress?.(0, files.length);
    const inflight: { file: string; size: number; read: Promise<FileRead> }[] = [];
    let next = 0;
    let aheadBytes = 0;
    const fill = () => {
      while (next < files.length && (inflight.length === 0 || (inflight.length < readAhead && aheadBytes < readAheadBytes))) {
        const file = files[next]!;
        const size = sizes[next++]!;
        aheadBytes += size;
        inflight.push({ file, size, read: reader.read(file) });
      }
    };
    let batch: { file: string; delivery: ParsedDelivery }[] = [];
    let items = 0;
    const flush = async () => {
      const results = await ingestBatch(ctx, batch.map((b) => b.delivery), run.rules);
      for (const [k, result] of results.entries()) report(batch[k]!.file, result);
      batch = [];
      items = 0;
    };
    const report = (file: string, result: DeliveryResult) => {
      addToTally(tally, result);
      run.onResult?.(file, result);
      run.onProgress?.(++done, files.length);
    };
    // An archive that cannot be unpacked is reported like an unreadable file; the others go on.
    for (const u of unpackable) report(u.file, refusedDelivery(u.reason));
    fill();
    while (inflight.length) {
      const { file, size, read } = inflight.shift()!;
      const r = await read;
      aheadBytes -= size;
      fill();
      if (!r.ok) {
        // Unreadable or oversized: the bytes cannot be kept, so the reason is all there is.
        report(file, refusedDelivery(r.reason));
        continue;
      }
      batch.push({ file, delivery: { bytes: r.bytes ?? Buffer.alloc(0), fileName: path.basename(file), baseDir: r.baseDir, sourceId: run.sourceId, parsed: r.parsed } });
      items += r.parsed.ok ? r.parsed.parse.items.length : 1;
      if (items >= batchItems) await flush();
    }
    if (batch.length) await flush();
    return tally;
  } finally {
    await reader.close();
    for (const dir of scratch) await fsp.rm(dir, { recursive: true, force: true });
  }
}

interface Collected {
  files: string[];
  sizes: number[];
  scratch: string[];
  unpackable: { file: string; reason: string }[];
}

/**
 * Files to import under `input`: named ones always, in folders all but pictures, archives
 * unpacked (but not archives inside archives: a zip that contains itself must end).
 */
async function collect(input: string, into: Collected, where: 'named' | 'folder' | 'archive'): Promise<void> {
  let stat;
  try {
    stat = await fsp.stat(input);
  } catch (e) {
    if (where !== 'named') return;
    throw new DatelineError('FILE_UNREADABLE', `cannot read ${input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (stat.isDirectory()) {
    const names = (await fsp.readdir(input)).filter((n) => !n.startsWith('.')).sort();
    for (const n of names) await collect(path.join(input, n), into, where === 'archive' ? 'archive' : 'folder');
    return;
  }
  if (!stat.isFile()) return;
  if (archiveKind(input)) {
    if (where === 'archive') return;
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dateline-archive-'));
    into.scratch.push(dir);
    try {
      await extractArchive(input, dir);
    } catch (e) {
      if (!isDatelineError(e)) throw e;
      into.unpackable.push({ file: input, reason: e.message });
      return;
    }
    await collect(dir, into, 'archive');
    return;
  }
  // A file named on the command line is always tried; inside folders, pictures are not items.
  if (where === 'named' || !notItems.test(input)) {
    into.files.push(input);
    into.sizes.push(stat.size);
  }
}
