import { createHash } from 'node:crypto';
import { isDatelineError } from '../shared/index.js';
import { parseWireFile, type WireParse } from './formats/index.js';
import { contentKey, serializeWireItem } from './wire-item.js';

/** A delivery's parse, each item ready to store (its text and content digest), or why it cannot be read. */
export type Parsed = { ok: true; parse: WireParse; stored: StoredForm[] } | { ok: false; reason: string };

export interface StoredForm {
  content: string;
  /** sha256 of the content without where its file happened to lie: a repeat is recognised. */
  digest: string;
}

export function storedForm(item: WireParse['items'][number]): StoredForm {
  const content = serializeWireItem(item);
  return { content, digest: createHash('sha256').update(contentKey(item, content)).digest('hex') };
}

/** Parses a delivery. Light on purpose: the import's worker thread runs it, with no database in reach. */
export function parseDelivery(d: { bytes: Buffer; fileName: string; baseDir: string | null; charset?: string | null }): Parsed {
  try {
    const parse = parseWireFile(d.bytes, { baseDir: d.baseDir, fileName: d.fileName, charset: d.charset ?? null });
    return { ok: true, parse, stored: parse.items.map(storedForm) };
  } catch (e) {
    // A parser bug is kept in quarantine like bad input: retried once the parser is fixed.
    return { ok: false, reason: isDatelineError(e) ? e.message : `internal parser error: ${(e as Error).message}` };
  }
}
