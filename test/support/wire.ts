import { query } from './database.js';
import { snapshotDataDir } from './snapshot.js';

/** A data folder's snapshot without the wire desk's own tables: what readers and editors see as stories. */
export function storySnapshot(dataDir: string) {
  const s = snapshotDataDir(dataDir);
  return { tables: Object.fromEntries(Object.entries(s.tables).filter(([name]) => !name.startsWith('wire_'))), media: s.media };
}

/** Rows of one table, in the snapshot's order (by their JSON text). */
export function rows<T = Record<string, unknown>>(dataDir: string, table: string): T[] {
  return query(dataDir, `select * from "${table}"`).map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r) as T);
}
