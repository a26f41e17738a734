/**
 * One agency item, whatever format it came in. Every parser (NINJS, NewsML-G2, RSS, Atom)
 * produces this shape, and ingest only ever sees this shape.
 */
export interface WireItem {
  /** Which parser read it: "ninjs-1", "ninjs-2", "ninjs-3", "newsml-g2", "rss", "atom". */
  format: string;
  /** The folder the item's file lies in: local renditions must stay inside it. Null for pushed items. */
  sourceDir: string | null;
  /** The agency's identifier: NINJS uri, G2 guid, RSS guid (else link), Atom id. */
  uri: string;
  /** The agency's version: NINJS version, G2 @version, else null (RSS/Atom have none). */
  version: string | null;
  type: 'text' | 'picture' | 'video' | 'audio' | 'graphic' | 'composite' | 'other';
  pubStatus: 'usable' | 'withheld' | 'canceled';
  firstCreated: Date | null;
  /** When this version was made (G2 versionCreated, Atom updated, RSS pubDate). */
  versionCreated: Date | null;
  embargoedUntil: Date | null;
  language: string | null;
  /** 1 (most urgent) to 9; G2 urgency, NINJS urgency; null when not given. */
  urgency: number | null;
  headline: string;
  /** Summary or standfirst (NINJS description_text, G2 description, RSS description beside a full body). */
  summary: string;
  /** Body as HTML (unsanitised: the content layer sanitises). */
  bodyHtml: string;
  byline: string;
  /** Dateline place, e.g. "Kabul" (NINJS located, G2 located/dateline). */
  located: string;
  /** The agency or provider that delivered it, as a credit reads ("AFP", "dpa"); '' when unknown. */
  agency: string;
  copyrightHolder: string;
  copyrightNotice: string;
  usageTerms: string;
  /** Free keywords, in delivery order. */
  keywords: string[];
  /** Controlled-vocabulary subjects (IPTC media topics, categories), in delivery order. */
  subjects: WireSubject[];
  /** Keywords and subject names together, in delivery order, duplicates (any case) removed. */
  topics: string[];
  /** The original on the web (RSS/Atom link), when there is one. */
  link: string | null;
  pictures: WirePicture[];
}

export interface WireSubject {
  name: string;
  /** Qualified code as delivered ("medtop:20000763"), or '' */
  code: string;
}

export interface WirePicture {
  uri: string | null;
  /** Which association it came from; "featuremedia" is the lead picture. */
  role: string;
  headline: string;
  caption: string;
  /** Photographer or agency credit as it should be printed ("AFP Photo"). */
  credit: string;
  copyrightHolder: string;
  /** The rendition to use: an absolute file path or an http(s) URL. */
  href: string;
  mimetype: string | null;
  width: number | null;
  height: number | null;
  /** Every rendition the item offers, the chosen one included. */
  renditions: WireRendition[];
}

export interface WireRendition {
  name: string;
  href: string;
  mimetype: string | null;
  width: number | null;
  height: number | null;
}

const dateFields = ['firstCreated', 'versionCreated', 'embargoedUntil'] as const;

/** A stored version's text: the item as JSON, dates as ISO strings. */
export function serializeWireItem(item: WireItem): string {
  return JSON.stringify(item);
}

/**
 * What identifies a version's content: the item without where its file happened to lie (the
 * same item delivered from two folders, or pushed, is the same version).
 */
export function contentKey(item: WireItem, serialized?: string): string {
  const hasLocal = item.pictures.some((p) => !/^https?:/i.test(p.href) || p.renditions.some((r) => !/^https?:/i.test(r.href)));
  // Usually nothing but the folder differs: cut it out of the text already made.
  if (serialized && !hasLocal) {
    if (item.sourceDir === null) return serialized;
    const folder = `"sourceDir":${JSON.stringify(item.sourceDir)}`;
    if (serialized.includes(folder)) return serialized.replace(folder, '"sourceDir":null');
  }
  const local = (href: string) => (/^https?:/i.test(href) ? href : href.split(/[\\/]/).pop() ?? href);
  return JSON.stringify({
    ...item, sourceDir: null,
    pictures: item.pictures.map((p) => ({ ...p, href: local(p.href), renditions: p.renditions.map((r) => ({ ...r, href: local(r.href) })) })),
  });
}

export function reviveWireItem(text: string): WireItem {
  const item = JSON.parse(text) as WireItem;
  for (const f of dateFields) item[f] = item[f] === null ? null : new Date(item[f] as unknown as string);
  return item;
}

/** Names (topics, bylines) in delivery order: whitespace collapsed, blanks and repeats in any case dropped. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => n.replace(/\s+/g, ' ').trim()).filter((n) => {
    const key = n.toLowerCase();
    if (!n || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
