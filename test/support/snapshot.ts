import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Every table's rows and every media file of a data folder: to prove a failed command wrote nothing. */
export function snapshotDataDir(dataDir: string): { tables: Record<string, unknown[]>; media: string[] } {
  const db = new Database(path.join(dataDir, 'dateline.sqlite'), { readonly: true });
  try {
    const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as { name: string }[];
    const tables: Record<string, unknown[]> = {};
    for (const { name } of names) tables[name] = db.prepare(`select * from "${name}" order by rowid`).all();
    return { tables, media: listFiles(path.join(dataDir, 'media')) };
  } finally {
    db.close();
  }
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}
