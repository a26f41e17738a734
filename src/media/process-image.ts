import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ImageFormat, ImageVariant, NewImage } from '../content/index.js';
import { DatelineError } from '../shared/index.js';
import type { MediaStorage } from './storage.js';

/** Widths of the responsive variants; none is wider than the original. */
export const variantWidths = [320, 640, 960, 1280, 1600] as const;
const formats: ImageFormat[] = ['avif', 'webp', 'jpeg'];
const accepted: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heif: 'image/avif', gif: 'image/gif' };
const maxPixels = 80_000_000;

export interface ImageMetadata {
  alt: string;
  caption: string;
  credit: string;
  sourceUri: string | null;
}

/**
 * Reads an image (type from its bytes, not its name), writes the original and its variants
 * into the media store under a folder named by the content hash, and returns the record to save.
 * `created` tells the caller whether the folder is new, so a failed import can remove it.
 */
export async function storeImage(
  storage: MediaStorage,
  bytes: Buffer,
  meta: ImageMetadata,
): Promise<{ image: NewImage; created: boolean }> {
  const info = await inspect(bytes);
  const key = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const created = !(await storage.exists(`${key}/manifest.json`));
  const variants = created ? await writeVariants(storage, key, bytes, info) : await readManifest(storage, key);
  return {
    image: { key, mime: info.mime, width: info.width, height: info.height, variants, ...meta },
    created,
  };
}

async function inspect(bytes: Buffer) {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
  } catch {
    throw new DatelineError('MEDIA_REJECTED', 'the file is not a readable image');
  }
  const mime = accepted[metadata.format ?? ''];
  if (!mime || !metadata.width || !metadata.height) {
    throw new DatelineError('MEDIA_REJECTED', `unsupported image type "${metadata.format ?? 'unknown'}" (use JPEG, PNG, WebP or AVIF)`);
  }
  // EXIF orientation 5-8 swaps width and height once the image is turned upright.
  const turned = (metadata.orientation ?? 1) >= 5;
  return {
    mime,
    width: turned ? metadata.height : metadata.width,
    height: turned ? metadata.width : metadata.height,
    ext: mime === 'image/avif' ? 'avif' : metadata.format === 'jpeg' ? 'jpg' : metadata.format!,
  };
}

async function writeVariants(
  storage: MediaStorage,
  key: string,
  bytes: Buffer,
  info: { width: number; height: number; ext: string },
): Promise<ImageVariant[]> {
  await storage.write(`${key}/original.${info.ext}`, bytes);
  const widths = [...variantWidths.filter((w) => w < info.width), Math.min(info.width, variantWidths.at(-1)!)];
  const variants: ImageVariant[] = [];
  for (const width of new Set(widths)) {
    const resized = sharp(bytes, { limitInputPixels: maxPixels }).rotate().resize({ width, withoutEnlargement: true });
    for (const format of formats) {
      const { data, info: out } = await encode(resized.clone(), format).toBuffer({ resolveWithObject: true });
      const path = `${key}/${width}.${format === 'jpeg' ? 'jpg' : format}`;
      await storage.write(path, data);
      variants.push({ width: out.width, height: out.height, format, path, bytes: data.length });
    }
  }
  // The manifest is written last: its presence means the folder is complete.
  await storage.write(`${key}/manifest.json`, Buffer.from(JSON.stringify(variants)));
  return variants;
}

function encode(pipeline: Sharp, format: ImageFormat): Sharp {
  if (format === 'avif') return pipeline.avif({ quality: 55, effort: 2 });
  if (format === 'webp') return pipeline.webp({ quality: 78 });
  return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true, progressive: true });
}

async function readManifest(storage: MediaStorage, key: string): Promise<ImageVariant[]> {
  return JSON.parse((await storage.read(`${key}/manifest.json`)).toString('utf8')) as ImageVariant[];
}
