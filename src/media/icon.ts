import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { DatelineError } from '../shared/index.js';
import { maxPixels } from './process-image.js';
import type { MediaStorage } from './storage.js';

/** A favicon, the apple-touch-icon, and the web app manifest's two. */
export const iconSizes = [32, 180, 192, 512] as const;
const smallestIcon = 180;

export const iconPath = (key: string, size: (typeof iconSizes)[number]) => `${key}/icon-${size}.png`;
export const logoPath = (key: string) => `${key}/logo.svg`;

const keyOf = (kind: string, bytes: Buffer | string) => createHash('sha256').update(kind).update('\0').update(bytes).digest('hex').slice(0, 32);

/**
 * A square icon as PNGs of every size the site links to, in the media store under a folder named
 * by its content (so its addresses never change meaning: they are cached for ever). `svg` is a
 * sanitised drawing, drawn at each size; otherwise a picture at least 180 px square.
 */
export async function storeIcon(storage: MediaStorage, bytes: Buffer, o: { svg: boolean }): Promise<string> {
  const key = keyOf('icon', bytes);
  if (await storage.exists(iconPath(key, 512))) return key;
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
  } catch {
    throw new DatelineError('MEDIA_REJECTED', 'the icon is not a readable picture (use PNG, JPEG, WebP, AVIF or SVG)');
  }
  // An SVG is drawn only once sanitised: one that did not look like SVG to the caller is refused.
  if (meta.format === 'svg' && !o.svg) throw new DatelineError('MEDIA_REJECTED', 'the icon is an SVG drawing that cannot be read as one (it must start with <svg>)');
  const [w, h] = [meta.width ?? 0, meta.height ?? 0];
  if (!w || !h || Math.abs(w - h) > Math.max(w, h) * 0.02) {
    throw new DatelineError('INVALID_INPUT', `the icon must be square (this one is ${w}×${h})`, { field: 'icon' });
  }
  if (!o.svg && w < smallestIcon) throw new DatelineError('INVALID_INPUT', `the icon must be at least ${smallestIcon}×${smallestIcon} pixels (this one is ${w}×${h})`, { field: 'icon' });
  for (const size of iconSizes) {
    // An SVG is drawn at the size wanted rather than enlarged from its nominal one.
    const source = o.svg ? sharp(bytes, { density: Math.max(72, Math.ceil((72 * size) / w)) }) : sharp(bytes, { limitInputPixels: maxPixels });
    const png = await source.resize(size, size, { fit: 'cover' }).png({ compressionLevel: 9 }).toBuffer().catch((e: Error) => {
      throw new DatelineError('MEDIA_REJECTED', `the icon cannot be converted (${e.message.split('\n')[0]})`);
    });
    await storage.write(iconPath(key, size), png);
  }
  return key;
}

/** A sanitised SVG logo into the media store; its key. */
export async function storeSvgLogo(storage: MediaStorage, svg: string): Promise<string> {
  const key = keyOf('logo', svg);
  if (!(await storage.exists(logoPath(key)))) await storage.write(logoPath(key), Buffer.from(svg));
  return key;
}
