import { DatelineError, withoutForbiddenChars } from '../../shared/index.js';
import { atom } from './feeds/atom.js';
import { rss } from './feeds/rss.js';
import type { WireFormat, WireInput, WireParse, WireSource } from './format.js';
import { newsml12 } from './newsml-g2/newsml-1.js';
import { newsmlG2 } from './newsml-g2/parse.js';
import { ninjs2, ninjs3 } from './ninjs/parse-2-3.js';
import { ninjs1 } from './ninjs/parse.js';
import { describe, looksLikeXml, readXml } from './xml.js';

/** Every format Dateline reads, asked in order; the first whose detect() says yes parses. */
export const wireFormats: WireFormat[] = [ninjs1, ninjs2, ninjs3, newsmlG2, newsml12, rss, atom];

function refuse(message: string): DatelineError {
  return new DatelineError('INVALID_WIRE_ITEM', message);
}

/**
 * Reads one delivery (a file, a pushed body, a fetched feed) whatever its format: JSON or XML
 * is decided from the bytes, then each format is asked whether the document is its own.
 */
export function parseWireFile(bytes: Buffer, source: WireSource): WireParse {
  const input = readInput(bytes, source);
  const format = wireFormats.find((f) => f.detect(input));
  if (!format) throw refuse(`unrecognised wire format: ${what(input)} (Dateline reads ${wireFormats.map((f) => f.name).join(', ')})`);
  const parse = format.parse(input, source);
  // One door for agency text in every format: JSON may carry \u0001, which no XML output can hold.
  parse.items = parse.items.map((item) => withoutForbiddenChars(item));
  return parse;
}

function readInput(bytes: Buffer, source: WireSource): WireInput {
  if (!bytes.length || !/\S/.test(bytes.subarray(0, 4096).toString('latin1').replace(/^\xEF\xBB\xBF/, ''))) {
    throw refuse('the file is empty');
  }
  if (looksLikeXml(bytes)) return { kind: 'xml', root: readXml(bytes, source.charset) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('the file is neither XML nor UTF-8 text (JSON must be UTF-8)');
  }
  if (!/^\s*[{[]/.test(text)) throw refuse('the file is neither JSON nor XML');
  try {
    return { kind: 'json', json: JSON.parse(text) };
  } catch (e) {
    throw refuse(`the file is not valid JSON (${(e as Error).message})`);
  }
}

function what(input: WireInput): string {
  if (input.kind === 'json') return Array.isArray(input.json) ? 'a JSON array' : 'a JSON object';
  const root = input.root;
  if (root.name.toLowerCase() === 'html') return 'an HTML page, not a feed or a news item';
  return `XML whose root is ${describe(root)}${root.ns ? ` in namespace ${root.ns}` : ''}`;
}

export type { WireFailure, WireFormat, WireInput, WireParse, WireSkip, WireSource } from './format.js';
export { ninjs1 } from './ninjs/parse.js';
