import type { Actor } from '../accounts/index.js';
import type { NotBefore } from '../content/index.js';
import { DatelineError } from '../shared/index.js';
import type { WireStore } from './ports.js';
import { fileWireItem, NotFiled } from './file-story.js';
import type { IngestContext } from './ingest.js';

/**
 * An editor takes a wire item into a draft (or brings their draft up to the item's latest
 * version). The draft keeps its link to the item, so later versions are offered, never forced.
 */
export async function takeWireItem(ctx: IngestContext, itemId: number, section: string, actor: Actor) {
  const item = await ctx.wire.itemById(itemId);
  if (!item) throw new DatelineError('NOT_FOUND', 'no such wire item');
  if (item.pubStatus !== 'usable') throw new DatelineError('INVALID_INPUT', `the agency ${item.pubStatus === 'withheld' ? 'withheld' : 'killed'} this item: it must not be used`);
  const latest = await ctx.wire.versionItem(item.latestVersionId);
  if (!latest) throw new DatelineError('NOT_FOUND', 'the item has no stored version');
  let out;
  try {
    const source = item.source ? await ctx.wire.sourceBySlug(item.source) : null;
    out = await fileWireItem(ctx, latest, { section, publish: false, by: { actor, source: 'wire' }, pictureOptional: true, pictureHosts: source?.pictureHosts ?? [] });
  } catch (e) {
    if (e instanceof NotFiled) throw new DatelineError('INVALID_INPUT', `not taken: ${e.message}`);
    throw e;
  }
  if (out.action === 'killed') throw new DatelineError('INVALID_INPUT', 'the agency killed this item');
  if (out.action === 'skipped') throw new DatelineError('CONFLICT', `the story holds a newer version than this item's latest (${out.reason ?? ''})`);
  await ctx.wire.linkArticle(itemId, { articleId: out.articleId, filing: 'taken', versionId: item.latestVersionId });
  return { articleId: out.articleId, action: out.action, note: out.pictureNote ?? null, embargoedUntil: item.embargoedUntil };
}

/** Forever, for a story whose item the agency withdrew. */
const never = new Date('9999-12-31T23:59:59Z');

/** The earliest a story made from this item may go out: its latest embargo, or never once withdrawn. */
const holdOf = (item: { pubStatus: string; embargoedUntil: Date | null }): Date | null => (item.pubStatus !== 'usable' ? never : item.embargoedUntil);

/** The scheduler's guard: a story made from a wire item goes out no earlier than its latest embargo, and never once killed. */
export function wireHold(wire: WireStore): NotBefore {
  return async (articleId) => {
    const item = await wire.itemByArticle(articleId);
    return item ? holdOf(item) : null;
  };
}

/**
 * Refuses to publish a story made from an item still under embargo, or to schedule it before
 * the embargo ends, or to publish one whose item the agency withdrew (an editor's click included).
 */
export async function checkEmbargo(ctx: Pick<IngestContext, 'wire' | 'now'>, articleId: number, to: string, at: Date | null): Promise<void> {
  if (to !== 'published' && to !== 'scheduled') return;
  const item = await ctx.wire.itemByArticle(articleId);
  const until = item ? holdOf(item) : null;
  const goesOut = to === 'published' ? ctx.now() : at;
  if (!item || !until || !goesOut || until <= goesOut) return;
  if (item.pubStatus !== 'usable') {
    throw new DatelineError('INVALID_INPUT', `the agency ${item.pubStatus === 'withheld' ? 'withheld' : 'killed'} the wire item this story was made from: it must not be published`);
  }
  throw new DatelineError('INVALID_INPUT', `the agency's embargo runs until ${until.toISOString()}: schedule the story for then or later`);
}
