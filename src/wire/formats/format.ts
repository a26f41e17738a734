import type { WireItem } from '../wire-item.js';

export interface WireSource {
  /** Folder against which relative references (rendition hrefs) resolve. */
  baseDir: string;
  fileName: string;
}

/** A delivery format: recognises its own bytes and turns them into one WireItem. */
export interface WireFormat {
  name: string;
  detect(text: string, source: WireSource): boolean;
  parse(text: string, source: WireSource): WireItem;
}
