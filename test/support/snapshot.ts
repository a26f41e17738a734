import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Every table's rows and every media file of a data folder: to prove a failed command wrote nothing. */
export function snapshotDataDir(dataDir: string): { tables: Record<string, unknown[]>; media: string[] } {
  const db = new Database(path.join(dataDir, 'dateline.sqlite'), { readonly: true });
  try {
    // The FTS vocabulary is a view of the index (no rowid); the index's own tables are compared.
    const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_vocab' order by name")
      .all() as { name: string }[];
    const tables: Record<string, unknown[]> = {};
    // Rows in a stable order whatever the table's keys (FTS shadow tables have no rowid).
    for (const { name } of names) {
      tables[name] = db.prepare(`select * from "${name}"`).all().map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
    }
    return { tables, media: listFiles(path.join(dataDir, 'media')) };
  } finally {
    db.close();
  }
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}
