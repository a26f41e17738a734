import type { WireItem } from '../wire-item.js';
import type { XmlElement } from './xml.js';

export interface WireSource {
  /** Folder against which relative references (rendition hrefs) resolve; null for pushed or fetched bytes. */
  baseDir: string | null;
  fileName: string;
  /** Charset from the transport (HTTP Content-Type), used when the document declares none. */
  charset?: string | null;
}

/** A delivery, read once: JSON or an XML tree. Formats recognise themselves from this. */
export type WireInput = { kind: 'json'; json: unknown } | { kind: 'xml'; root: XmlElement };

/** What one delivery held. A feed or a newsMessage holds many items. */
export interface WireParse {
  format: string;
  items: WireItem[];
  /** Valid objects that are not news items (events, planning, concepts): recognised, not ingested. */
  skipped: WireSkip[];
  /** Entries of a multi-item delivery that could not be read: each is quarantined on its own. */
  failed: WireFailure[];
}

export interface WireSkip {
  uri: string | null;
  reason: string;
}

export interface WireFailure {
  uri: string | null;
  reason: string;
  /** The entry's own text (JSON or XML), kept in quarantine. */
  raw: string;
}

/** A delivery format: recognises its own input and turns it into items. */
export interface WireFormat {
  name: string;
  detect(input: WireInput): boolean;
  /** Throws DatelineError('INVALID_WIRE_ITEM', reason naming the field or line) when the whole delivery is unreadable. */
  parse(input: WireInput, source: WireSource): WireParse;
}
