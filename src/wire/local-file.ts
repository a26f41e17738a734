import fs from 'node:fs/promises';
import path from 'node:path';
import { DatelineError } from '../shared/index.js';

/** The largest delivery taken in (a file, a push, a fetched feed). */
export const maxWireFileBytes = 20 * 1024 * 1024;
/** The largest picture taken in with an item. */
export const maxPictureBytes = 50 * 1024 * 1024;

/**
 * Reads a regular file up to `max` bytes. With `within`, the real path (links resolved) must
 * stay inside that folder, so a link planted next to an item cannot reach /etc or /dev/zero.
 */
export async function readLocalFile(file: string, max: number, what: string, within?: string): Promise<Buffer> {
  try {
    const real = await fs.realpath(file);
    if (within) {
      const root = (await fs.realpath(within)) + path.sep;
      if (!real.startsWith(root)) throw new DatelineError('INVALID_WIRE_ITEM', `${what} (it links outside the item's folder)`);
    }
    const handle = await fs.open(real, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new DatelineError('FILE_UNREADABLE', `${what} (not a regular file)`);
      if (stat.size > max) throw new DatelineError('TOO_LARGE', `${what} (${stat.size} bytes; at most ${max})`);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof DatelineError) throw e;
    throw new DatelineError('FILE_UNREADABLE', `${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
