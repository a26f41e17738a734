import type { FastifyBaseLogger } from 'fastify';
import { systemActor } from '../accounts/index.js';
import { publishDue, publishDuePages, type CommandContext, type NotBefore } from '../content/index.js';
import { repeatEvery } from '../shared/index.js';

export interface Scheduler {
  /** Runs one pass now (tests and shutdown use it). */
  tick(): Promise<number[]>;
  stop(): Promise<void>;
}

/**
 * Publishes scheduled stories when their time comes, with nobody present. The schedule lives in
 * the database, so a restart loses nothing: the first pass after start publishes what fell due
 * while the server was down. Passes never overlap.
 */
export function startScheduler(ctx: CommandContext, log: FastifyBaseLogger, intervalMs: number, notBefore?: NotBefore): Scheduler {
  return repeatEvery(intervalMs, async () => {
    const ids = await publishDue(ctx, systemActor('scheduler'), notBefore);
    if (ids.length) log.info({ ids }, 'published scheduled stories');
    // Static pages are scheduled like stories (no agency holds them back).
    const pages = await publishDuePages(ctx, systemActor('scheduler'));
    if (pages.length) log.info({ pages }, 'published scheduled pages');
    return ids;
  }, (err) => {
    log.error({ err }, 'scheduled publishing failed; retrying next pass');
    return [];
  });
}
