import { snapshotDataDir } from './snapshot.js';

/** A data folder's snapshot without the wire desk's own tables: what readers and editors see as stories. */
export function storySnapshot(dataDir: string) {
  const s = snapshotDataDir(dataDir);
  return { tables: Object.fromEntries(Object.entries(s.tables).filter(([name]) => !name.startsWith('wire_'))), media: s.media };
}

/** Rows of one table, parsed. */
export function rows<T = Record<string, unknown>>(dataDir: string, table: string): T[] {
  return snapshotDataDir(dataDir).tables[table]!.map((r) => JSON.parse(r as string) as T);
}
