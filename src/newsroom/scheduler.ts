import type { FastifyBaseLogger } from 'fastify';
import { systemActor } from '../accounts/index.js';
import { publishDue, type CommandContext } from '../content/index.js';

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
export function startScheduler(ctx: CommandContext, log: FastifyBaseLogger, intervalMs: number): Scheduler {
  let running: Promise<number[]> | null = null;
  const tick = () => {
    running ??= publishDue(ctx, systemActor('scheduler'))
      .then((ids) => {
        if (ids.length) log.info({ ids }, 'published scheduled stories');
        return ids;
      })
      .catch((err: unknown) => {
        log.error({ err }, 'scheduled publishing failed; retrying next pass');
        return [];
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
