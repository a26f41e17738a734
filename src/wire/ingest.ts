import { plainText } from '../content/index.js';
import { isDatelineError } from '../shared/index.js';
import { fileWireItem, NotFiled, withdrawStory, type WireContext } from './file-story.js';
import type { WireSkip } from './formats/index.js';
import type { RecordedVersion, SourceMode, VersionToRecord, WireItemState, WireStore } from './ports.js';
import { parseDelivery, type Parsed } from './parse-delivery.js';
import { serializeWireItem, type WireItem } from './wire-item.js';

export interface IngestContext extends WireContext {
  wire: WireStore;
  /** Where unexpected failures are reported (the server's log); optional for the CLI. */
  log?: { error(obj: object, msg: string): void };
}

/** What a source (or an import's options) says to do with new items. */
export interface IngestRules {
  /** Section stories are filed under; null leaves items in the wire queue. */
  section: string | null;
  topics: string[];
  mode: SourceMode;
  suggestTopics?: boolean;
  /** Hosts remote lead pictures may be fetched from. */
  pictureHosts?: readonly string[];
}

export interface Delivery {
  bytes: Buffer;
  fileName: string;
  /** The file's folder, against which local picture references resolve; null for pushed or fetched bytes. */
  baseDir: string | null;
  charset?: string | null;
  sourceId: number | null;
}

export type StoryAction = 'created' | 'updated' | 'skipped' | 'killed' | 'held' | 'offered' | 'failed';

export interface ItemResult {
  uri: string;
  headline: string;
  itemId: number;
  /** The story made from the item, if any. */
  articleId: number | null;
  /** What happened to the wire item: first sight, a later version, a repeat, an older version. */
  wire: RecordedVersion['outcome'];
  /** What happened to its story, when there is one or the rules make one. */
  story?: { action: StoryAction; articleId: number | null; status: string | null; note?: string };
}

export interface DeliveryResult {
  format: string | null;
  items: ItemResult[];
  skipped: WireSkip[];
  /** Entries kept in quarantine; id 0 when the bytes could not be kept (unreadable, oversized). */
  quarantined: { id: number; uri: string | null; reason: string }[];
}

/** A delivery refused before its bytes could be read or kept: the reason is all there is. */
export const refusedDelivery = (reason: string): DeliveryResult => ({ format: null, items: [], skipped: [], quarantined: [{ id: 0, uri: null, reason }] });

export { parseDelivery, type Parsed } from './parse-delivery.js';

export interface ParsedDelivery extends Delivery {
  parsed: Parsed;
}

/**
 * Takes one delivery in: parse, keep every new version, apply the source's rules. A delivery
 * that cannot be read is kept byte for byte in quarantine with the reason; in a feed or a
 * newsMessage each unreadable entry is quarantined on its own and the others go on.
 */
export async function ingestDelivery(ctx: IngestContext, d: Delivery, rules: IngestRules): Promise<DeliveryResult> {
  return (await ingestBatch(ctx, [{ ...d, parsed: parseDelivery(d) }], rules))[0]!;
}

/**
 * Takes in already parsed deliveries: the versions of all their items are recorded in one
 * transaction (a large import writes a batch at a time, and a crash loses no half of one),
 * then the rules are applied item by item.
 */
export async function ingestBatch(ctx: IngestContext, batch: ParsedDelivery[], rules: IngestRules): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = batch.map(() => ({ format: null, items: [], skipped: [], quarantined: [] }));
  const pending: { k: number; item: WireItem; version: VersionToRecord }[] = [];
  for (const [k, d] of batch.entries()) {
    const result = results[k]!;
    const hold = async (bytes: Buffer, uri: string | null, reason: string) => {
      const id = await ctx.wire.quarantine({ sourceId: d.sourceId, fileName: d.fileName, bytes, reason }, ctx.now());
      result.quarantined.push({ id, uri, reason });
    };
    if (!d.parsed.ok) {
      await hold(d.bytes, null, d.parsed.reason);
      continue;
    }
    const parsed = d.parsed.parse;
    result.format = parsed.format;
    result.skipped = parsed.skipped;
    for (const f of parsed.failed) await hold(Buffer.from(f.raw), f.uri, f.reason);
    for (const [n, item] of parsed.items.entries()) {
      const problem = unreadable(item);
      if (problem) {
        await hold(Buffer.from(serializeWireItem(item)), item.uri, problem);
        continue;
      }
      pending.push({ k, item, version: {
        item, sourceId: d.sourceId, sectionSlug: rules.section, fileName: d.fileName,
        ...d.parsed.stored[n]!,
      } });
    }
  }
  const recorded = pending.length ? await ctx.wire.recordVersions(pending.map((p) => p.version), ctx.now()) : [];
  let filed = 0;
  for (const [n, { k, item }] of pending.entries()) {
    const rec = recorded[n]!;
    const result: ItemResult = { uri: item.uri, headline: plainText(item.headline), itemId: rec.state.id, articleId: rec.state.articleId, wire: rec.outcome };
    const story = await applyRules(ctx, item, rec, rules).catch((e: unknown) => {
      // One item's unexpected failure (a bug, a body too deep to parse) must not stop the others:
      // its version is kept, and a later delivery or an editor's take tries again.
      ctx.log?.error({ err: e, uri: item.uri }, 'filing a wire item failed');
      return { action: 'failed' as const, articleId: rec.state.articleId, status: null, note: `internal error: ${(e as Error).message}` };
    });
    if (story) {
      result.story = story;
      result.articleId = story.articleId ?? result.articleId;
      // Filing runs on promises that never leave the microtask queue; the DOM that parses bodies
      // frees its documents only on a turn of the event loop, so give it one now and then.
      if (++filed % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    results[k]!.items.push(result);
  }
  return results;
}

/**
 * What makes a parsed item unusable even in the queue. An item without a headline is kept (the
 * queue shows its identifier); it cannot become a story until a version brings one.
 */
function unreadable(item: WireItem): string | null {
  if (!item.uri.trim()) return 'the item has no identifier';
  if (item.uri.length > 1000) return 'the item\'s identifier is longer than 1,000 characters';
  return null;
}

/**
 * Makes or updates the story when the rules say so and the item's latest version has not been
 * applied yet (so a run killed half-way and repeated finishes the job). It is always the latest
 * stored version that is applied, whatever was just delivered: a repeat of an old version, or an
 * old version earlier in the same batch as a kill, never reaches the site. An editor's own draft
 * taken from the item is never overwritten: the newer version is offered to them instead.
 */
async function applyRules(ctx: IngestContext, delivered: WireItem, rec: RecordedVersion, rules: IngestRules): Promise<ItemResult['story']> {
  if (rec.outcome === 'stale' || rec.state.appliedVersionId === rec.state.latestVersionId) return undefined;
  // Queue rules and no story yet, nothing withdrawn: nothing to do (the common bulk case, no reads).
  if (rules.mode === 'queue' && rec.state.filing === null && delivered.pubStatus === 'usable') return undefined;
  const state = await ctx.wire.itemState(rec.state.id);
  if (!state || state.appliedVersionId === state.latestVersionId) return undefined;
  const item = rec.outcome !== 'unchanged' && state.latestVersionId === rec.state.latestVersionId ? delivered : await ctx.wire.versionItem(state.latestVersionId);
  if (!item) return undefined;
  if (item.pubStatus !== 'usable') return kill(ctx, item, state);
  if (state.filing === 'taken') return { action: 'offered', articleId: state.articleId, status: null, note: 'a newer version waits for the editor' };
  const section = rules.section ?? (state.filing === 'auto' && state.articleId !== null ? (await ctx.store.articleById(state.articleId))?.section.slug ?? null : null);
  if (!section || (rules.mode === 'queue' && state.filing !== 'auto')) return undefined;
  try {
    const out = await fileWireItem(ctx, item, {
      section, publish: rules.mode === 'publish', topics: rules.topics, suggestTopics: rules.suggestTopics ?? false,
      pictureHosts: rules.pictureHosts ?? [],
    });
    if (out.action === 'killed') return { action: 'killed', articleId: out.articleId, status: out.status };
    await ctx.wire.linkArticle(state.id, { articleId: out.articleId, filing: 'auto', versionId: state.latestVersionId });
    return { action: out.action, articleId: out.articleId, status: out.status, ...(out.reason ? { note: out.reason } : out.pictureNote ? { note: out.pictureNote } : {}) };
  } catch (e) {
    if (e instanceof NotFiled) return { action: e.kept ? 'skipped' : 'held', articleId: state.articleId, status: null, note: e.message };
    if (isDatelineError(e)) return { action: 'failed', articleId: state.articleId, status: null, note: e.message };
    throw e;
  }
}

/** A kill takes down the story made from the item (by a rule or by an editor) and alerts the desk. */
async function kill(ctx: IngestContext, item: WireItem, state: WireItemState): Promise<ItemResult['story']> {
  const out = await withdrawStory(ctx, item);
  if (out.articleId === null) return { action: 'killed', articleId: null, status: null, note: 'no story was made from it' };
  await ctx.wire.linkArticle(state.id, { articleId: out.articleId, filing: state.filing ?? 'auto', versionId: state.latestVersionId });
  const what = out.wasLive ? 'was taken down' : 'must not be published';
  await ctx.wire.addAlert({
    kind: 'kill', itemId: state.id, articleId: out.articleId,
    message: `${item.agency || 'The agency'} ${item.pubStatus === 'withheld' ? 'withheld' : 'killed'} "${plainText(item.headline) || item.uri}": the story ${what}.`,
  }, ctx.now());
  return { action: 'killed', articleId: out.articleId, status: out.status, note: what };
}
