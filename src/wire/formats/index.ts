import { DatelineError } from '../../shared/index.js';
import type { WireItem } from '../wire-item.js';
import type { WireFormat, WireSource } from './format.js';
import { ninjs1 } from './ninjs/parse.js';

/** Every format Dateline reads, asked in order. NewsML-G2, RSS and Atom join this list. */
export const wireFormats: WireFormat[] = [ninjs1];

export function parseWireItem(text: string, source: WireSource): WireItem {
  if (!text.trim()) throw new DatelineError('INVALID_WIRE_ITEM', 'the file is empty');
  const format = wireFormats.find((f) => f.detect(text, source));
  if (!format) {
    throw new DatelineError('INVALID_WIRE_ITEM', `unrecognised wire format (supported: ${wireFormats.map((f) => f.name).join(', ')})`);
  }
  return format.parse(text, source);
}

export type { WireFormat, WireSource } from './format.js';
