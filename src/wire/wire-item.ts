/**
 * One agency item, whatever format it came in. Every parser (NINJS, NewsML-G2, RSS, Atom)
 * produces this shape, and ingest only ever sees this shape.
 */
export interface WireItem {
  /** Which parser read it, e.g. "ninjs-1". */
  format: string;
  /** The folder the item's file lies in: local renditions must stay inside it. Null for pushed items. */
  sourceDir: string | null;
  uri: string;
  version: string | null;
  type: 'text' | 'picture' | 'video' | 'audio' | 'graphic' | 'composite' | 'other';
  pubStatus: 'usable' | 'withheld' | 'canceled';
  firstCreated: Date | null;
  versionCreated: Date | null;
  embargoedUntil: Date | null;
  language: string | null;
  urgency: number | null;
  headline: string;
  /** Summary or standfirst (NINJS description_text). */
  summary: string;
  /** Body as HTML (unsanitised: the content layer sanitises). */
  bodyHtml: string;
  byline: string;
  /** Dateline place, e.g. "Kabul" (NINJS located). */
  located: string;
  copyrightHolder: string;
  copyrightNotice: string;
  usageTerms: string;
  /** Keywords and subjects, in delivery order, duplicates removed. */
  topics: string[];
  pictures: WirePicture[];
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
  /** Where to fetch the bytes: an absolute file path or an http(s) URL. */
  href: string;
  mimetype: string | null;
  width: number | null;
  height: number | null;
}
