import { createHash, randomBytes } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import type { ImageFormat, ImageVariant, NewImage } from '../content/index.js';
import { DatelineError } from '../shared/index.js';
import type { MediaStorage } from './storage.js';

/** Widths of the responsive variants; none is wider than the original. */
export const variantWidths = [320, 640, 960, 1280, 1600] as const;
const formats: ImageFormat[] = ['avif', 'webp', 'jpeg'];
const accepted: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heif: 'image/avif' };
/** Larger pictures than this are refused: decoding them would take gigabytes. */
export const maxPixels = 50_000_000;
/** No side longer than this, and no side more than `maxAspect` times the other: both read from the header, before decoding. */
export const maxSide = 30_000;
export const maxAspect = 20;
/** WebP cannot be taller than 16,383 px: a tall picture's largest variant is narrowed to fit. */
const maxVariantHeight = 16_000;

/**
 * A public file's path under the media root: a variant `<32 hex>/<width>.<avif|webp|jpg>`, or the
 * site's artwork (`<32 hex>/icon-<size>.png`, `<32 hex>/logo.svg`, see icon.ts).
 */
export const publicVariantPath = /^\/?[0-9a-f]{32}\/(?:\d{2,4}\.(?:avif|webp|jpg)|icon-\d{2,3}\.png|logo\.svg)$/;

export interface ImageMetadata {
  alt: string;
  caption: string;
  credit: string;
  sourceUri: string | null;
}

/**
 * Reads an image (type from its bytes, not its name), writes the original and its variants
 * into the media store under a folder named by the content hash, and returns the record to save.
 * The folder is built under a temporary name and renamed when complete, so a failure leaves
 * nothing behind and readers never see half a folder. `created` says whether this call made it.
 */
export async function storeImage(
  storage: MediaStorage,
  bytes: Buffer,
  meta: ImageMetadata,
): Promise<{ image: NewImage; created: boolean }> {
  const info = await inspect(bytes);
  const key = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  let created = false;
  let variants: ImageVariant[] | null = null;
  if (!(await storage.exists(`${key}/manifest.json`))) {
    const tmp = `${key}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      const made = await writeVariants(storage, tmp, key, bytes, info);
      created = await storage.renameFolder(tmp, key);
      if (created) variants = made;
    } finally {
      if (!created) await storage.removeFolder(tmp);
    }
  }
  // Already there (or another process won the race): its manifest says what it holds.
  variants ??= await readManifest(storage, key);
  return { image: { key, mime: info.mime, width: info.width, height: info.height, variants, ...meta }, created };
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
  checkDimensions(metadata.width, metadata.height);
  // EXIF orientation 5-8 swaps width and height once the image is turned upright.
  const turned = (metadata.orientation ?? 1) >= 5;
  return {
    mime,
    width: turned ? metadata.height : metadata.width,
    height: turned ? metadata.width : metadata.height,
    ext: mime === 'image/avif' ? 'avif' : metadata.format === 'jpeg' ? 'jpg' : metadata.format!,
  };
}

/**
 * A picture's shape is refused before any pixel is decoded: a 190 KB PNG of 1 x 49,000,000 is
 * under the pixel limit, yet took 45 s and 130 MB to fail.
 */
function checkDimensions(width: number, height: number): void {
  const size = `${width}×${height}`;
  if (width * height > maxPixels) {
    throw new DatelineError('TOO_LARGE', `the image is too large (${size}; at most ${maxPixels / 1e6} megapixels)`);
  }
  if (Math.max(width, height) > maxAspect * Math.min(width, height)) {
    throw new DatelineError('MEDIA_REJECTED', `the image is too narrow for its length (${size}; one side may be at most ${maxAspect} times the other)`);
  }
  if (Math.max(width, height) > maxSide) {
    throw new DatelineError('TOO_LARGE', `the image is too large (${size}; at most ${maxSide.toLocaleString('en')} pixels on a side)`);
  }
}

async function writeVariants(
  storage: MediaStorage,
  folder: string,
  key: string,
  bytes: Buffer,
  info: { width: number; height: number; ext: string },
): Promise<ImageVariant[]> {
  await storage.write(`${folder}/original.${info.ext}`, bytes);
  const largest = Math.min(info.width, variantWidths.at(-1)!, Math.floor((maxVariantHeight * info.width) / info.height));
  // Decode and turn upright once, at the largest width we serve; every variant derives from it.
  let base: { data: Buffer; info: OutputInfo };
  try {
    base = await sharp(bytes, { limitInputPixels: maxPixels }).rotate().resize({ width: largest, withoutEnlargement: true })
      .raw().toBuffer({ resolveWithObject: true });
  } catch (e) {
    throw new DatelineError('MEDIA_REJECTED', `the image cannot be decoded (${(e as Error).message.split('\n')[0]})`);
  }
  const raw = { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } };
  const widths = new Set([...variantWidths.filter((w) => w < largest), largest]);
  const variants: ImageVariant[] = [];
  for (const width of widths) {
    for (const format of formats) {
      const resized = sharp(base.data, raw).resize({ width });
      const { data, info: out } = await encode(resized, format).toBuffer({ resolveWithObject: true }).catch((e: Error) => {
        throw new DatelineError('MEDIA_REJECTED', `the image cannot be converted (${e.message.split('\n')[0]})`);
      });
      const path = `${key}/${width}.${format === 'jpeg' ? 'jpg' : format}`;
      await storage.write(`${folder}/${width}.${format === 'jpeg' ? 'jpg' : format}`, data);
      variants.push({ width: out.width, height: out.height, format, path, bytes: data.length });
    }
  }
  await storage.write(`${folder}/manifest.json`, Buffer.from(JSON.stringify(variants)));
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
