import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where media files live. A folder today; an object store can implement the same same calls.
 * Paths are relative, forward-slashed, and never escape the root.
 */
export interface MediaStorage {
  readonly root: string;
  exists(relPath: string): Promise<boolean>;
  read(relPath: string): Promise<Buffer>;
  write(relPath: string, bytes: Buffer): Promise<void>;
  removeFolder(relFolder: string): Promise<void>;
  /** Moves a finished folder into place; false when the target already exists (someone else won). */
  renameFolder(from: string, to: string): Promise<boolean>;
  /** Every file, in path order (a site export's media manifest). */
  list(): AsyncGenerator<{ path: string; bytes: number }>;
}

export function localMediaStorage(root: string): MediaStorage {
  const resolve = (rel: string) => {
    const full = path.resolve(root, rel);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error(`media path escapes the store: ${rel}`);
    return full;
  };
  return {
    root,
    async exists(rel) {
      return fs.access(resolve(rel)).then(() => true, () => false);
    },
    read(rel) {
      return fs.readFile(resolve(rel));
    },
    async write(rel, bytes) {
      const full = resolve(rel);
      await fs.mkdir(path.dirname(full), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${full}.${process.pid}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, full);
    },
    async removeFolder(rel) {
      await fs.rm(resolve(rel), { recursive: true, force: true });
    },
    async *list() {
      const names = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      const files = names.filter((d) => d.isFile() && !d.name.endsWith('.tmp'))
        .map((d) => path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join('/')).sort();
      for (const rel of files) {
        const stat = await fs.stat(resolve(rel)).catch(() => null);
        if (stat) yield { path: rel, bytes: stat.size };
      }
    },
    async renameFolder(from, to) {
      try {
        await fs.rename(resolve(from), resolve(to));
        return true;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
        throw e;
      }
    },
  };
}
