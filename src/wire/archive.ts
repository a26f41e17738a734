import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { DatelineError } from '../shared/index.js';

/** Per-entry ceiling: an archive cannot make us write more than this for one file (zip bombs). */
const maxEntryBytes = 50 * 1024 * 1024;
/** Whole-archive ceilings: what one archive may unpack to, in bytes and in files. */
const maxTotalBytes = 4 * 1024 * 1024 * 1024;
const maxEntries = 200_000;
/** Long names and pax records are small; anything bigger is not a real tar. */
const maxMetaBytes = 1024 * 1024;

/** Counts what an archive has unpacked so far and stops it at the ceilings. */
function budget(file: string) {
  let bytes = 0;
  let entries = 0;
  return (size: number) => {
    bytes += size;
    entries++;
    if (bytes > maxTotalBytes || entries > maxEntries) {
      throw new DatelineError('TOO_LARGE', `${path.basename(file)} unpacks to more than ${maxEntries} files or ${maxTotalBytes / 2 ** 30} GiB`);
    }
  };
}

export const archiveKind = (file: string): 'tar' | 'zip' | null =>
  /\.(tar|tar\.gz|tgz)$/i.test(file) ? 'tar' : /\.zip$/i.test(file) ? 'zip' : null;

/**
 * Unpacks a tar (plain or gzip) or zip archive into `into`, regular files only: links,
 * devices and entries whose names would land outside the folder ("../", absolute) are left out.
 * Returns how many files were written and how many entries were refused.
 */
export async function extractArchive(file: string, into: string): Promise<{ files: number; refused: number }> {
  try {
    return archiveKind(file) === 'zip' ? await extractZip(file, into) : await extractTar(file, into);
  } catch (e) {
    if (e instanceof DatelineError) throw e;
    throw new DatelineError('INVALID_WIRE_ITEM', `cannot unpack ${file}: ${(e as Error).message}`);
  }
}

/** Where an entry goes, or null when its name is unsafe. */
function target(into: string, name: string): string | null {
  const clean = name.replace(/\\/g, '/');
  if (!clean || clean.startsWith('/') || /^[a-zA-Z]:/.test(clean) || clean.split('/').some((p) => p === '..')) return null;
  const full = path.resolve(into, clean);
  return full.startsWith(path.resolve(into) + path.sep) ? full : null;
}

async function writeEntry(into: string, name: string, data: Buffer): Promise<boolean> {
  const to = target(into, name);
  if (!to) return false;
  await fsp.mkdir(path.dirname(to), { recursive: true });
  await fsp.writeFile(to, data, { flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
    await fsp.writeFile(to, data);
  });
  return true;
}

const cString = (b: Buffer) => {
  const end = b.indexOf(0);
  return b.subarray(0, end < 0 ? b.length : end).toString('utf8');
};

/** tar (POSIX ustar, GNU long names, pax path records), read as a stream. */
async function extractTar(file: string, into: string) {
  const raw = fs.createReadStream(file);
  const head = await new Promise<Buffer>((resolve, reject) => {
    fs.open(file, 'r', (err, fd) => {
      if (err) return reject(err);
      const b = Buffer.alloc(2);
      fs.read(fd, b, 0, 2, 0, () => fs.close(fd, () => resolve(b)));
    });
  });
  const stream = head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(zlib.createGunzip()) : raw;
  const spend = budget(file);
  let buffer: Buffer = Buffer.alloc(0);
  let files = 0;
  let refused = 0;
  let longName: string | null = null;
  let entry: { name: string; size: number; type: string; regular: boolean; meta: 'L' | 'x' | null } | null = null;
  const chunks: Buffer[] = [];
  let have = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (!entry) {
        if (buffer.length < 512) break;
        const header = buffer.subarray(0, 512);
        buffer = buffer.subarray(512);
        if (header.every((b) => b === 0)) continue;
        const size = parseInt(cString(header.subarray(124, 136)).trim() || '0', 8);
        if (!Number.isFinite(size) || size < 0) throw new Error('a tar header has an invalid size');
        const type = String.fromCharCode(header[156]!);
        const prefix = header.subarray(257, 263).toString('latin1').startsWith('ustar') ? cString(header.subarray(345, 500)) : '';
        const name = longName ?? (prefix ? `${prefix}/${cString(header.subarray(0, 100))}` : cString(header.subarray(0, 100)));
        longName = type === 'L' || type === 'x' ? longName : null;
        entry = { name, size, type, regular: type === '0' || type === '\0' || type === '7', meta: type === 'L' ? 'L' : type === 'x' ? 'x' : null };
        if (entry.regular && size > maxEntryBytes) throw new DatelineError('TOO_LARGE', `${name} in ${path.basename(file)} is ${size} bytes (at most ${maxEntryBytes})`);
        if (entry.meta && size > maxMetaBytes) throw new Error(`a tar header record of ${size} bytes`);
        spend(size);
        chunks.length = 0;
        have = 0;
      }
      const padded = Math.ceil(entry.size / 512) * 512;
      const take = Math.min(buffer.length, padded - have);
      if (entry.regular || entry.meta) chunks.push(buffer.subarray(0, take));
      buffer = buffer.subarray(take);
      have += take;
      if (have < padded) break;
      const data = Buffer.concat(chunks).subarray(0, entry.size);
      if (entry.meta === 'L') longName = cString(data);
      else if (entry.meta === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1] ?? null;
      else if (entry.regular) {
        if (await writeEntry(into, entry.name, data)) files++;
        else refused++;
      } else if (entry.type !== '5' && entry.type !== 'g') refused++; // links and devices are never unpacked
      entry = null;
    }
  }
  if (entry) throw new Error('the archive ends in the middle of a file');
  return { files, refused };
}

/** zip: central directory first (the authoritative list), stored or deflated entries. */
async function extractZip(file: string, into: string) {
  const handle = await fsp.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error('no zip directory found (is it a zip file?)');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff) throw new Error('zip64 archives are not supported');
    if (dirOffset + dirSize > size) throw new Error('the zip directory points past the end of the file');
    const spend = budget(file);
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    let files = 0;
    let refused = 0;
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (dir.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged zip directory');
      const method = dir.readUInt16LE(at + 10);
      const compressed = dir.readUInt32LE(at + 20);
      const uncompressed = dir.readUInt32LE(at + 24);
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const external = dir.readUInt32LE(at + 38);
      const local = dir.readUInt32LE(at + 42);
      const name = dir.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      at += 46 + nameLength + extraLength + commentLength;
      const isLink = ((external >>> 16) & 0o170000) === 0o120000;
      if (name.endsWith('/')) continue;
      if (isLink || (method !== 0 && method !== 8)) {
        refused++;
        continue;
      }
      if (uncompressed > maxEntryBytes) throw new DatelineError('TOO_LARGE', `${name} in ${path.basename(file)} is ${uncompressed} bytes (at most ${maxEntryBytes})`);
      if (local + compressed > size) throw new Error(`${name}: its data runs past the end of the file`);
      spend(uncompressed);
      const header = Buffer.alloc(30);
      await handle.read(header, 0, 30, local);
      const start = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      const packed = Buffer.alloc(compressed);
      await handle.read(packed, 0, compressed, start);
      const data = method === 0 ? packed : zlib.inflateRawSync(packed, { maxOutputLength: maxEntryBytes });
      if (await writeEntry(into, name, data)) files++;
      else refused++;
    }
    return { files, refused };
  } finally {
    await handle.close();
  }
}
