import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isDatelineError } from '../shared/index.js';
import { maxWireFileBytes, readLocalFile } from './local-file.js';
import { parseDelivery, type Parsed } from './parse-delivery.js';
import { reviveWireItem } from './wire-item.js';

/** A wire file read and parsed, or why it could not be read at all (missing, too large). */
export type FileRead =
  | { ok: true; baseDir: string; parsed: Parsed; bytes: Buffer | null }
  | { ok: false; reason: string };

export interface FileReader {
  read(file: string): Promise<FileRead>;
  close(): Promise<void>;
}

/**
 * Reads and parses files in a worker thread when the compiled worker is there (the CLI), so a
 * large import parses on one core while the database is written on the other; in place otherwise.
 */
export function openFileReader(): FileReader {
  const script = new URL('./parse-worker.js', import.meta.url);
  if (!fs.existsSync(fileURLToPath(script))) return inPlace;
  // Not unref'd: while reads are pending the worker is what keeps the import alive; close() ends it.
  const worker = new Worker(script);
  const waiting = new Map<number, { resolve: (r: FileRead) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.on('message', ({ id, read }: { id: number; read: FileRead }) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (read.ok && read.bytes) read.bytes = Buffer.from(read.bytes);
    if (read.ok && read.parsed.ok) read.parsed.parse.items = read.parsed.stored.map((s) => reviveWireItem(s.content));
    w?.resolve(read);
  });
  worker.on('error', (e) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  });
  return {
    read(file) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, file });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

export async function readAndParse(file: string): Promise<FileRead> {
  let bytes: Buffer;
  try {
    bytes = await readLocalFile(file, maxWireFileBytes, `cannot read ${file}`);
  } catch (e) {
    if (!isDatelineError(e)) throw e;
    return { ok: false, reason: e.message };
  }
  const baseDir = path.dirname(path.resolve(file));
  const parsed = parseDelivery({ bytes, fileName: path.basename(file), baseDir });
  // Bytes travel back only when they must be kept (quarantine): the parse is all ingest needs.
  return { ok: true, baseDir, parsed, bytes: parsed.ok ? null : bytes };
}

const inPlace: FileReader = { read: readAndParse, close: async () => {} };
