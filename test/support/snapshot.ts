import fs from 'node:fs';
import path from 'node:path';
import { query, tableNames } from './database.js';

/** Every table's rows and every media file of a data folder: to prove a failed command wrote nothing. */
export function snapshotDataDir(dataDir: string): { tables: Record<string, unknown[]>; media: string[] } {
  const tables: Record<string, unknown[]> = {};
  // Rows in a stable order whatever the table's keys (FTS shadow tables have no rowid).
  for (const name of tableNames(dataDir)) tables[name] = query(dataDir, `select * from "${name}"`).map((r) => JSON.stringify(r)).sort();
  return { tables, media: listFiles(path.join(dataDir, 'media')) };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}
