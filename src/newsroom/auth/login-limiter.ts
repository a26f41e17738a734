/**
 * Slows password guessing without letting anyone lock an owner out. Failures are counted per
 * account and address together: after `free` of them, that pair must wait `baseDelayMs` since its
 * last attempt, then twice that after the next failure, and so on up to `maxDelayMs`. A right
 * password from an address that has not failed for the account is never refused, however hard
 * the account is attacked from elsewhere, and one address that many people share (a newsroom
 * behind a proxy) does not lock out its other users.
 *
 * Broad pressure, `broadMax` failures within `windowMs` from one address (a spray over many
 * accounts) or for one account (guesses from many addresses), leaves every pair involved a
 * single free failure. An attempt counts as a failure as soon as it starts and is taken back when
 * it succeeds, so a burst of parallel guesses cannot all slip past the check. In memory, bounded:
 * several nodes each count.
 */
export interface LoginLimits {
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A pair's failures are forgotten this long after its last one. */
  forgetMs: number;
  broadMax: number;
  windowMs: number;
  /** Keys kept at most; past this, expired ones go, then the oldest. */
  maxKeys: number;
}

export const defaultLoginLimits: LoginLimits = {
  free: 3, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetMs: 24 * 3_600_000,
  broadMax: 20, windowMs: 15 * 60_000, maxKeys: 100_000,
};

interface PairCount { failures: number; last: number }
interface BroadCount { times: number[]; warnedAt: number }

export class LoginLimiter {
  private readonly limits: LoginLimits;
  private readonly pairs = new Map<string, PairCount>();
  private readonly broad = new Map<string, BroadCount>();

  constructor(limits: Partial<LoginLimits> = {}) {
    this.limits = { ...defaultLoginLimits, ...limits };
  }

  /**
   * Starts an attempt: the seconds to wait while this pair's delay runs (nothing is counted
   * then), or 0, counting it as a failure until `succeeded` is called.
   */
  begin(ip: string, email: string, now = Date.now()): number {
    const account = normal(email);
    const pair = this.pair(account, ip, now);
    const free = this.pressed(`ip:${ip}`, now) || this.pressed(`email:${account}`, now) ? 1 : this.limits.free;
    if (pair && pair.failures >= free) {
      const delay = Math.min(this.limits.baseDelayMs * 2 ** (pair.failures - free), this.limits.maxDelayMs);
      const wait = pair.last + delay - now;
      if (wait > 0) return Math.ceil(wait / 1000);
    }
    if (this.pairs.size + this.broad.size > this.limits.maxKeys) this.sweep(now);
    this.touch(this.pairs, `${account}\n${ip}`, { failures: (pair?.failures ?? 0) + 1, last: now });
    for (const key of [`ip:${ip}`, `email:${account}`]) {
      const count = this.broad.get(key) ?? { times: [], warnedAt: -Infinity };
      count.times = [...count.times.slice(1 - this.limits.broadMax), now];
      this.touch(this.broad, key, count);
    }
    return 0;
  }

  /** The right password: the pair starts afresh, and the attempt is taken back from the broad counts. */
  succeeded(ip: string, email: string): void {
    const account = normal(email);
    this.pairs.delete(`${account}\n${ip}`);
    for (const key of [`ip:${ip}`, `email:${account}`]) this.broad.get(key)?.times.pop();
  }

  /**
   * A wrong password (already counted by `begin`). Returns the account's recent failures when they
   * have just reached `broadMax`, once a window, so that the caller can warn someone.
   */
  failed(email: string, now = Date.now()): number | null {
    const count = this.broad.get(`email:${normal(email)}`);
    if (!count || !this.pressed(`email:${normal(email)}`, now) || now - count.warnedAt < this.limits.windowMs) return null;
    count.warnedAt = now;
    return count.times.length;
  }

  private pair(account: string, ip: string, now: number): PairCount | undefined {
    const key = `${account}\n${ip}`;
    const pair = this.pairs.get(key);
    if (!pair || now - pair.last <= this.limits.forgetMs) return pair;
    this.pairs.delete(key);
    return undefined;
  }

  private pressed(key: string, now: number): boolean {
    const times = this.broad.get(key)?.times ?? [];
    return times.length >= this.limits.broadMax && now - times[0]! < this.limits.windowMs;
  }

  /** Re-inserted, so that a map's order is the order of last use and the sweep drops the stalest. */
  private touch<T>(map: Map<string, T>, key: string, value: T): void {
    map.delete(key);
    map.set(key, value);
  }

  /** Drops expired counts; when still full, the oldest keys go (a spray must not grow memory). */
  private sweep(now: number): void {
    for (const [key, p] of this.pairs) if (now - p.last > this.limits.forgetMs) this.pairs.delete(key);
    for (const [key, b] of this.broad) if (!b.times.length || now - b.times.at(-1)! >= this.limits.windowMs) this.broad.delete(key);
    for (const map of [this.pairs, this.broad] as Map<string, unknown>[]) {
      const excess = map.size - this.limits.maxKeys / 4;
      if (excess > 0) [...map.keys()].slice(0, excess).forEach((k) => map.delete(k));
    }
  }
}

const normal = (email: string) => email.trim().toLowerCase();
