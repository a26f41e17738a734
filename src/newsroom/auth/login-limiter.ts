/**
 * Counts failed sign-ins per address and per account in memory. After `max` failures within
 * `windowMs`, further attempts are refused (HTTP 429) until the window has passed, whether or not
 * the password is right, so guessing gains nothing. One process's memory: several nodes each count.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly max = 5, private readonly windowMs = 15 * 60_000) {}

  private keys(ip: string, email: string) {
    return [`ip:${ip}`, `email:${email.toLowerCase()}`];
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait, or 0 when an attempt is allowed. Per-address allows more (shared offices). */
  retryAfter(ip: string, email: string, now = Date.now()): number {
    const [ipKey, emailKey] = this.keys(ip, email);
    const limits: [string, number][] = [[ipKey!, this.max * 4], [emailKey!, this.max]];
    let wait = 0;
    for (const [key, max] of limits) {
      const list = this.recent(key, now);
      if (list.length >= max) wait = Math.max(wait, Math.ceil((list[0]! + this.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(ip: string, email: string, now = Date.now()): void {
    for (const key of this.keys(ip, email)) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(ip: string, email: string): void {
    this.failures.delete(`email:${email.toLowerCase()}`);
    void ip;
  }
}
