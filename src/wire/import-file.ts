import fs from 'node:fs/promises';
import path from 'node:path';
import {
  bodyFromHtml, plainText, requireSection, saveArticle, type CommandContext, type NewImage, type SaveOutcome,
} from '../content/index.js';
import { storeImage, type MediaStorage } from '../media/index.js';
import { DatelineError } from '../shared/index.js';
import { parseWireItem } from './formats/index.js';
import type { WireItem, WirePicture } from './wire-item.js';

export interface WireContext extends CommandContext {
  media: MediaStorage;
  /** Language assumed when an item names none. */
  defaultLanguage: string;
}

export interface ImportOptions {
  section: string;
  publish: boolean;
}

export interface ImportOutcome extends SaveOutcome {
  item: WireItem;
}

/** Reads one wire file, whatever its format, and files it as an article. */
export async function importWireFile(ctx: WireContext, file: string, options: ImportOptions): Promise<ImportOutcome> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new DatelineError('FILE_UNREADABLE', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const item = parseWireItem(text, { baseDir: path.dirname(path.resolve(file)), fileName: path.basename(file) });
  return { ...(await ingestWireItem(ctx, item, options)), item };
}

/**
 * Files a parsed wire item as an article. Everything is checked before anything is written;
 * the picture's files are removed again if the database write fails.
 */
export async function ingestWireItem(ctx: WireContext, item: WireItem, options: ImportOptions): Promise<SaveOutcome> {
  checkIngestible(item, options, ctx.now());
  await requireSection(ctx.store, options.section);
  const lead = item.pictures[0];
  const stored = lead ? await storeImage(ctx.media, await readPicture(lead), pictureMeta(lead)) : null;
  try {
    return await saveArticle(ctx, {
      uri: item.uri,
      version: item.version,
      versionCreatedAt: item.versionCreated,
      headline: plainText(item.headline),
      standfirst: plainText(item.summary),
      body: bodyFromHtml(item.bodyHtml),
      sectionSlug: options.section,
      topics: item.topics.map(plainText),
      people: [],
      agency: item.copyrightHolder ? plainText(item.copyrightHolder) : null,
      byline: plainText(item.byline),
      datelinePlace: plainText(item.located),
      language: item.language || ctx.defaultLanguage,
      leadImage: stored ? stored.image : null,
      publish: options.publish,
      firstPublishedAt: item.firstCreated ?? item.versionCreated,
      updatedAt: item.versionCreated,
    });
  } catch (e) {
    if (stored?.created) await ctx.media.removeFolder(stored.image.key);
    throw e;
  }
}

function checkIngestible(item: WireItem, options: ImportOptions, now: Date): void {
  const reject = (why: string) => new DatelineError('INVALID_WIRE_ITEM', why);
  if (item.type !== 'text' && item.type !== 'composite') {
    throw reject(`item ${item.uri} is a ${item.type} item, not a story: import text items`);
  }
  if (!plainText(item.headline)) throw reject(`item ${item.uri} has no headline`);
  if (item.pubStatus !== 'usable') {
    throw reject(`item ${item.uri} has pubstatus "${item.pubStatus}": the agency says it must not be published`);
  }
  if (options.publish && item.embargoedUntil && item.embargoedUntil > now) {
    throw reject(`item ${item.uri} is embargoed until ${item.embargoedUntil.toISOString()}: import it without --publish`);
  }
}

function pictureMeta(p: WirePicture): Omit<NewImage, 'key' | 'mime' | 'width' | 'height' | 'variants'> {
  const caption = plainText(p.caption);
  return {
    alt: plainText(p.headline) || caption,
    caption,
    credit: plainText(p.credit),
    sourceUri: p.uri,
  };
}

async function readPicture(p: WirePicture): Promise<Buffer> {
  const where = `picture ${p.role}`;
  try {
    if (/^https?:/i.test(p.href)) {
      const res = await fetch(p.href, { signal: AbortSignal.timeout(30_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    }
    return await fs.readFile(p.href);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new DatelineError('FILE_UNREADABLE', `${where}: cannot read rendition ${p.href} (${reason})`);
  }
}
