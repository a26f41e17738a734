import type { Page } from '../content/index.js';
import type { WireItem } from './wire-item.js';

export type SourceKind = 'folder' | 'push' | 'poll';
/** What happens to a source's new items: published at once, filed as drafts, or left in the wire queue. */
export type SourceMode = 'publish' | 'draft' | 'queue';

export interface WireSourceRecord {
  id: number;
  slug: string;
  name: string;
  kind: SourceKind;
  /** Folder path (folder) or feed URL (poll); '' for push. */
  location: string;
  intervalSeconds: number;
  /** Section new stories are filed under; null: the editor chooses when taking an item. */
  section: string | null;
  /** Topics every story from this source gets. */
  topics: string[];
  mode: SourceMode;
  /** Hosts remote lead pictures may be fetched from ("host" or "host:port"). */
  pictureHosts: string[];
  enabled: boolean;
  pollEtag: string | null;
  pollModified: string | null;
  lastRunAt: Date | null;
  lastError: string | null;
}

/** A source as added: its configuration, and the hash of its push token. */
export type NewSource = Pick<WireSourceRecord, 'slug' | 'name' | 'kind' | 'location' | 'intervalSeconds' | 'section' | 'topics' | 'mode' | 'pictureHosts'> & {
  tokenHash: string | null;
};

/** Where an item stands: its latest version, and the story it became (if any). */
export interface WireItemState {
  id: number;
  uri: string;
  sourceId: number | null;
  latestVersionId: number;
  /** The article made from it, by a source rule ("auto") or by an editor ("taken"). */
  articleId: number | null;
  filing: 'auto' | 'taken' | null;
  /** The version the article was last made from. */
  appliedVersionId: number | null;
  version: string | null;
  versionCreatedAt: Date | null;
  pubStatus: WireItem['pubStatus'];
}

export interface RecordedVersion {
  /** new: first sight; updated: a later version; unchanged: a repeat; stale: older than the stored one. */
  outcome: 'new' | 'updated' | 'unchanged' | 'stale';
  state: WireItemState;
}

export interface VersionToRecord {
  item: WireItem;
  sourceId: number | null;
  sectionSlug: string | null;
  fileName: string;
  /** sha256 of the version's content: the same version delivered twice is recognised. */
  digest: string;
  content: string;
}

export interface WireItemSummary {
  id: number;
  uri: string;
  headline: string;
  agency: string;
  source: string | null;
  format: string;
  type: WireItem['type'];
  urgency: number | null;
  pubStatus: WireItem['pubStatus'];
  embargoedUntil: Date | null;
  version: string | null;
  versionCount: number;
  receivedAt: Date;
  updatedAt: Date;
  sectionSlug: string | null;
  articleId: number | null;
  filing: 'auto' | 'taken' | null;
  /** The article was made from an older version than the latest. */
  newerVersionWaiting: boolean;
}

/** One item with the versions that matter for its story: the latest, and the one the story was made from. */
export type WireItemDetail = WireItemSummary & { latestVersionId: number; appliedVersionId: number | null };

export interface WireVersion {
  id: number;
  version: string | null;
  versionCreatedAt: Date | null;
  receivedAt: Date;
  fileName: string;
  item: WireItem;
}

export interface WireQueueFilter {
  page: number;
  pageSize: number;
  source?: string;
  agency?: string;
  section?: string;
  urgency?: number;
  text?: string;
}

export interface QuarantineEntry {
  id: number;
  sourceId: number | null;
  source: string | null;
  fileName: string;
  receivedAt: Date;
  reason: string;
  size: number;
  releasedAt: Date | null;
  outcome: string | null;
}

export interface WireAlert {
  id: number;
  at: Date;
  kind: string;
  itemId: number;
  articleId: number | null;
  message: string;
}

export interface WireStore {
  addSource(source: NewSource, now: Date): Promise<WireSourceRecord>;
  sources(): Promise<WireSourceRecord[]>;
  sourceBySlug(slug: string): Promise<WireSourceRecord | null>;
  sourceById(id: number): Promise<WireSourceRecord | null>;
  /** The push token's hash, for comparison; null when the source has none. */
  sourceTokenHash(slug: string): Promise<string | null>;
  removeSource(slug: string): Promise<boolean>;
  setSourceToken(slug: string, tokenHash: string): Promise<void>;
  setSourceEnabled(slug: string, enabled: boolean): Promise<boolean>;
  /**
   * Claims folder and poll sources whose time has come: each is moved to its next run time by a
   * conditional update, so of several processes asking at once exactly one gets it.
   */
  claimDueSources(now: Date): Promise<WireSourceRecord[]>;
  recordRun(id: number, run: { at: Date; error: string | null; etag?: string | null; modified?: string | null }): Promise<void>;

  /**
   * Stores versions of items, each unless it is a repeat or older than the stored one, all in one
   * transaction (a batch lands whole or not at all); results in the same order.
   */
  recordVersions(vs: VersionToRecord[], now: Date): Promise<RecordedVersion[]>;
  /** Where an item stands now (re-read: a batch may have recorded later versions since). */
  itemState(id: number): Promise<WireItemState | null>;
  /** The item as one stored version delivered it. */
  versionItem(versionId: number): Promise<WireItem | null>;
  /** Notes the article an item became and the version it was made from. */
  linkArticle(itemId: number, link: { articleId: number; filing: 'auto' | 'taken'; versionId: number }): Promise<void>;
  items(filter: WireQueueFilter): Promise<Page<WireItemSummary>>;
  itemById(id: number): Promise<WireItemDetail | null>;
  itemByArticle(articleId: number): Promise<WireItemDetail | null>;
  versions(itemId: number): Promise<WireVersion[]>;
  agencies(): Promise<string[]>;

  quarantine(entry: { sourceId: number | null; fileName: string; bytes: Buffer; reason: string }, now: Date): Promise<number>;
  /** Deliveries still held (not released by a successful retry), newest first. */
  quarantined(page: number, pageSize: number): Promise<Page<QuarantineEntry>>;
  quarantinedBytes(id: number): Promise<{ entry: QuarantineEntry; bytes: Buffer } | null>;
  releaseQuarantined(id: number, outcome: string, now: Date): Promise<void>;
  /** Forgets released entries (read after a retry) released before `before`; held ones are kept. */
  pruneReleased(before: Date): Promise<number>;

  addAlert(alert: { kind: string; itemId: number; articleId: number | null; message: string }, now: Date): Promise<void>;
  openAlerts(): Promise<WireAlert[]>;
  acknowledgeAlert(id: number, userId: number, now: Date): Promise<boolean>;
}
