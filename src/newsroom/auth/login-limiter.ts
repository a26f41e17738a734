/**
 * Counts sign-in attempts per address and per account in memory. After `max` failures within
 * `windowMs`, further attempts are refused (HTTP 429) until the window has passed, whether or not
 * the password is right, so guessing gains nothing. An attempt counts as soon as it starts (and is
 * taken back when it succeeds), so a burst of parallel guesses cannot all slip past the check.
 * One process's memory: several nodes each count.
 */
export class LoginLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly max = 5, private readonly windowMs = 15 * 60_000, private readonly maxKeys = 100_000) {}

  private keys(ip: string, email: string): [string, number][] {
    return [[`ip:${ip}`, this.max * 4], [`email:${email.trim().toLowerCase()}`, this.max]];
  }

  private recent(key: string, now: number): number[] {
    const list = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.attempts.set(key, list);
    else this.attempts.delete(key);
    return list;
  }

  /**
   * Starts an attempt: returns the seconds to wait when over the limit (nothing is counted then),
   * or 0 and counts it. Call `succeeded` when the password was right.
   */
  begin(ip: string, email: string, now = Date.now()): number {
    let wait = 0;
    for (const [key, max] of this.keys(ip, email)) {
      const list = this.recent(key, now);
      if (list.length >= max) wait = Math.max(wait, Math.ceil((list[0]! + this.windowMs - now) / 1000));
    }
    if (wait > 0) return wait;
    if (this.attempts.size > this.maxKeys) this.sweep(now);
    for (const [key] of this.keys(ip, email)) this.attempts.set(key, [...(this.attempts.get(key) ?? []), now]);
    return 0;
  }

  /** A right password: the attempt is taken back from both counts. */
  succeeded(ip: string, email: string): void {
    for (const [key] of this.keys(ip, email)) {
      const list = this.attempts.get(key);
      list?.pop();
      if (list && !list.length) this.attempts.delete(key);
    }
  }

  /** Drops expired counts; when still full, the oldest keys go (a spray must not grow memory). */
  private sweep(now: number): void {
    for (const key of [...this.attempts.keys()]) this.recent(key, now);
    const excess = this.attempts.size - this.maxKeys / 2;
    if (excess > 0) [...this.attempts.keys()].slice(0, excess).forEach((k) => this.attempts.delete(k));
  }
}
