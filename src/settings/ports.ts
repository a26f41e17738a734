import type { AuditEntry } from '../audit/index.js';
import type { Image } from '../content/index.js';
import type { MediaStorage } from '../media/index.js';
import type { PublicationSettings } from './model.js';

/** Where the publication's settings live: one row every node reads (the `settings` table). */
export interface SettingsStore {
  /** The stored value (parsed JSON), or null before a first start wrote it. */
  read(): Promise<unknown>;
  /** Writes the first-start settings, unless a row is there already (nodes racing to start). */
  seed(value: PublicationSettings): Promise<void>;
  /**
   * In one write transaction: reads the row, lets `change` decide (null: nothing to do), writes the
   * new value with its audit entry, and records a change of every public page (`*`), which every
   * node's page cache and settings read. `change` must not query: it runs inside the transaction.
   */
  change<T>(change: (stored: unknown) => { value: PublicationSettings; audit: AuditEntry; result: T } | { result: T }, now: Date): Promise<T>;
  /** A scratch value of one person's (an unsaved preview): not live, not audited. */
  readScratch(key: string): Promise<unknown>;
  writeScratch(key: string, value: unknown): Promise<void>;
}

/** What the settings commands are given. */
export interface SettingsContext {
  settings: SettingsStore;
  /** Media-library pictures (the share picture, a raster logo). */
  images: { imageById(id: number): Promise<Image | null> };
  /** Static pages in any status (a standards field may name one before it is published). */
  pages: { storedPage(id: number): Promise<{ id: number } | null> };
  media: MediaStorage;
  /** The environment's values: what a field never set reads as. */
  defaults: PublicationSettings;
  now: () => Date;
}
