import fsp from 'node:fs/promises';
import path from 'node:path';
import { maxWireFileBytes, readLocalFile } from './file-story.js';
import { charsetOf, readCapped } from './fetched.js';
import { ingestDelivery, refusedDelivery, type DeliveryResult, type IngestContext } from './ingest.js';
import type { WireSourceRecord } from './ports.js';
import { rulesOf } from './sources.js';
import { isDatelineError, repeatEvery } from '../shared/index.js';

export interface WireLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A file younger than this may still be being written by the agency's uploader. */
const settleMs = 1000;
/** Names uploaders use while a file is in transit. */
const inTransit = /(^\.|\.(tmp|part|partial|filepart|crdownload)$|~$)/i;
const pollTimeoutMs = 30_000;

export interface WireRunner {
  /** One pass now: every due source, once (tests and shutdown use it). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Looks at watched folders and polls feeds when each is due. Each run is claimed in the
 * database first, so with several processes every source still runs once per interval. Passes
 * never overlap; a failing source is noted on it (the newsroom shows it) and retried next time.
 */
export function startWireRunner(ctx: IngestContext, log: WireLog, intervalMs: number): WireRunner {
  return repeatEvery(intervalMs, (stopping) => runDueSources(ctx, log, stopping), (err) => {
    log.error({ err }, 'wire sources pass failed; retrying next pass');
  });
}

export async function runDueSources(ctx: IngestContext, log: WireLog, stopped: () => boolean = () => false): Promise<void> {
  for (const source of await ctx.wire.claimDueSources(ctx.now())) {
    if (stopped()) return;
    const at = ctx.now();
    try {
      if (source.kind === 'folder') await scanFolder(ctx, source, log, stopped);
      else await pollFeed(ctx, source, log);
      if (source.kind === 'folder') await ctx.wire.recordRun(source.id, { at, error: null });
    } catch (err) {
      const message = isDatelineError(err) ? err.message : (err as Error).message;
      log.warn({ source: source.slug, err }, 'wire source failed');
      await ctx.wire.recordRun(source.id, { at, error: message.slice(0, 500) });
    }
  }
}

/** How long an item whose picture has not arrived yet is left in the folder to be tried again. */
const pictureWaitMs = 10 * 60_000;

const waitingForPicture = (r: DeliveryResult) =>
  !r.quarantined.length && r.items.some((i) => i.story?.action === 'failed' && /cannot read rendition .*ENOENT/.test(i.story.note ?? ''));

/** A file left in processing/ this long was being taken in by a process that died. */
const abandonedMs = 10 * 60_000;

/**
 * Takes in every settled file of a watched folder, then moves it to done/ (taken in) or
 * failed/ (quarantined, or its story could not be made), so nothing is read twice. Each file is
 * first claimed by renaming it into processing/: of several processes scanning at once, the one
 * whose rename succeeds takes the file in; one that died leaves it there to be put back later.
 */
export async function scanFolder(ctx: IngestContext, source: WireSourceRecord, log: WireLog, stopped: () => boolean = () => false) {
  const dir = source.location;
  const processing = path.join(dir, 'processing');
  await recoverAbandoned(dir, processing);
  const names = (await fsp.readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && !inTransit.test(e.name) && !/\.(jpe?g|png|gif|webp|avif|tiff?)$/i.test(e.name))
    .map((e) => e.name).sort();
  for (const name of names) {
    if (stopped()) return;
    const file = path.join(dir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (!stat || Date.now() - stat.mtimeMs < settleMs) continue; // file times are real time, whatever the clock
    await fsp.mkdir(processing, { recursive: true });
    const claimed = path.join(processing, name);
    if (!(await fsp.rename(file, claimed).then(() => true, () => false))) continue; // another process has it
    let result: DeliveryResult;
    try {
      const bytes = await readLocalFile(claimed, maxWireFileBytes, `cannot read ${name}`);
      // Pictures stay beside the item in the watched folder: references resolve there.
      result = await ingestDelivery(ctx, { bytes, fileName: name, baseDir: dir, sourceId: source.id }, rulesOf(source));
    } catch (err) {
      if (!isDatelineError(err)) throw err;
      result = refusedDelivery(err.message);
    }
    if (waitingForPicture(result) && Date.now() - stat.mtimeMs < pictureWaitMs) {
      // Its picture is still on its way (uploaders send the item first, often): try again next pass.
      await fsp.rename(claimed, file).catch(() => {});
      continue;
    }
    const bad = result.quarantined.length > 0 || result.items.some((i) => i.story?.action === 'failed');
    await moveTo(claimed, path.join(dir, bad ? 'failed' : 'done'));
    log.info({ source: source.slug, file: name, items: result.items.length, quarantined: result.quarantined.length }, 'wire file taken in');
  }
}

/** Files a crashed process left in processing/ go back to the folder (a repeat changes nothing). */
async function recoverAbandoned(dir: string, processing: string): Promise<void> {
  const names = await fsp.readdir(processing).catch(() => [] as string[]);
  for (const name of names) {
    const at = path.join(processing, name);
    const stat = await fsp.stat(at).catch(() => null);
    // The claim's rename set ctime: it says how long ago the file was claimed.
    if (stat?.isFile() && Date.now() - stat.ctimeMs > abandonedMs) await fsp.rename(at, path.join(dir, name)).catch(() => {});
  }
}

async function moveTo(file: string, folder: string): Promise<void> {
  await fsp.mkdir(folder, { recursive: true });
  const base = path.basename(file);
  let to = path.join(folder, base);
  if (await fsp.stat(to).catch(() => null)) to = path.join(folder, `${base}.${Date.now()}`);
  await fsp.rename(file, to).catch((e: NodeJS.ErrnoException) => {
    // Another process took it meanwhile (its versions are recognised as repeats): nothing lost.
    if (e.code !== 'ENOENT') throw e;
  });
}

/**
 * Fetches a feed (conditionally: ETag and Last-Modified, so an unchanged feed costs the agency
 * one 304) and takes in its entries; repeats of entries already stored change nothing.
 */
export async function pollFeed(ctx: IngestContext, source: WireSourceRecord, log: WireLog): Promise<DeliveryResult | null> {
  const headers: Record<string, string> = { 'user-agent': 'Dateline wire poller', accept: 'application/atom+xml, application/rss+xml, application/xml, application/json;q=0.9, */*;q=0.5' };
  if (source.pollEtag) headers['if-none-match'] = source.pollEtag;
  if (source.pollModified) headers['if-modified-since'] = source.pollModified;
  const at = ctx.now();
  const res = await fetch(source.location, { headers, redirect: 'follow', signal: AbortSignal.timeout(pollTimeoutMs) });
  if (res.status === 304) {
    await ctx.wire.recordRun(source.id, { at, error: null });
    return null;
  }
  if (!res.ok) throw new Error(`${source.location} answered ${res.status} ${res.statusText}`);
  const bytes = await readCapped(res, maxWireFileBytes, () => new Error(`the feed is larger than ${maxWireFileBytes} bytes`));
  const charset = charsetOf(res.headers.get('content-type'));
  const result = await ingestDelivery(ctx, { bytes, fileName: source.location, baseDir: null, charset, sourceId: source.id }, rulesOf(source));
  await ctx.wire.recordRun(source.id, {
    at, error: result.quarantined.length ? `quarantined: ${result.quarantined[0]!.reason}`.slice(0, 500) : null,
    etag: res.headers.get('etag'), modified: res.headers.get('last-modified'),
  });
  log.info({ source: source.slug, items: result.items.length, quarantined: result.quarantined.length }, 'feed polled');
  return result;
}
