import { DatelineError } from '../shared/index.js';
import { ingestDelivery, type IngestContext, type IngestRules } from './ingest.js';
import { rulesOf } from './sources.js';

/**
 * Reads a quarantined delivery again (after a parser fix or a corrected source) with its
 * source's rules. When it now reads, the entry is released; when it still fails, it stays, with
 * the reason it fails for now.
 */
export async function retryQuarantined(ctx: IngestContext, id: number): Promise<{ released: boolean; message: string }> {
  const held = await ctx.wire.quarantinedBytes(id);
  if (!held) throw new DatelineError('NOT_FOUND', 'no such quarantined delivery');
  if (held.entry.releasedAt) return { released: true, message: `already released: ${held.entry.outcome ?? ''}` };
  const source = held.entry.sourceId === null ? null : await ctx.wire.sourceById(held.entry.sourceId);
  const rules: IngestRules = source ? rulesOf(source) : { section: null, topics: [], mode: 'queue' };
  const result = await ingestDelivery(ctx, { bytes: held.bytes, fileName: held.entry.fileName, baseDir: null, sourceId: held.entry.sourceId }, rules);
  const still = result.quarantined.find((q) => q.id === id);
  if (still) return { released: false, message: `still unreadable: ${still.reason}` };
  const outcome = `${result.items.length} item${result.items.length === 1 ? '' : 's'} taken in`
    + (result.skipped.length ? `, ${result.skipped.length} not news` : '')
    + (result.quarantined.length ? `, ${result.quarantined.length} quarantined again` : '');
  await ctx.wire.releaseQuarantined(id, outcome, ctx.now());
  return { released: true, message: outcome };
}
