/** A job run now and then every `intervalMs`, never overlapping itself; stopped after the pass in flight. */
export interface Repeating<T> {
  /** Runs one pass now, or joins the one in flight (tests and shutdown use it). */
  tick(): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Runs `pass` at once and then every `intervalMs`. A pass is never started while one runs; a
 * failing pass is handed to `failed` (which logs and gives the result to return) and the next
 * one runs on time. `stopping` tells a long pass to finish early once stop() was called.
 */
export function repeatEvery<T>(intervalMs: number, pass: (stopping: () => boolean) => Promise<T>, failed: (err: unknown) => T): Repeating<T> {
  let running: Promise<T> | null = null;
  let stopping = false;
  const tick = () => {
    running ??= pass(() => stopping)
      .catch(failed)
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
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
