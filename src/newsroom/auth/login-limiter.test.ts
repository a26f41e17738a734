import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.js';

/** `n` wrong passwords from one pair, each as soon as it is allowed; the last start time. */
function fail(l: LoginLimiter, ip: string, email: string, n: number, from = 0): number {
  let t = from;
  for (let i = 0; i < n; i++) {
    const wait = l.begin(ip, email, t);
    if (wait > 0) {
      t += wait * 1000;
      expect(l.begin(ip, email, t)).toBe(0);
    }
    l.failed(email, t);
  }
  return t;
}

describe('LoginLimiter', () => {
  it('lets three failures pass, then makes the pair wait 1 s, 2 s, 4 s … up to its cap', () => {
    const l = new LoginLimiter({ maxDelayMs: 8000 });
    const t = fail(l, '1.1.1.1', 'ed@x.org', 3);
    expect(t).toBe(0);
    const waits: number[] = [];
    let now = t;
    for (let i = 0; i < 6; i++) {
      waits.push(l.begin('1.1.1.1', 'ed@x.org', now));
      now += waits.at(-1)! * 1000;
      expect(l.begin('1.1.1.1', 'ed@x.org', now)).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 8, 8]);
  });

  it('never holds back an address that has not failed for the account', () => {
    const l = new LoginLimiter();
    const t = fail(l, '6.6.6.6', 'ed@x.org', 40);
    for (let i = 0; i < 30; i++) fail(l, `7.7.7.${i}`, 'ed@x.org', 1, t);
    expect(l.begin('6.6.6.6', 'ed@x.org', t + 1)).toBeGreaterThan(0);
    expect(l.begin('2.2.2.2', 'ed@x.org', t + 1)).toBe(0);
  });

  it('does not hold back the other accounts behind a shared address', () => {
    const l = new LoginLimiter();
    for (let i = 0; i < 50; i++) fail(l, '10.0.0.1', `u${i}@x.org`, 1);
    expect(l.begin('10.0.0.1', 'ed@x.org', 0)).toBe(0);
  });

  it('leaves one free failure per pair under broad pressure', () => {
    const l = new LoginLimiter({ broadMax: 5 });
    for (let i = 0; i < 5; i++) fail(l, '10.0.0.1', `u${i}@x.org`, 1);
    fail(l, '10.0.0.1', 'ed@x.org', 1);
    expect(l.begin('10.0.0.1', 'ed@x.org', 0)).toBe(1);
    expect(l.begin('10.0.0.1', 'ed@x.org', 15 * 60_000)).toBe(0);
  });

  it('counts one account however its email is spelt', () => {
    const l = new LoginLimiter();
    for (const e of ['ed@x.org', ' ED@x.org', 'ed@x.org\t']) expect(l.begin('1.1.1.1', e, 0)).toBe(0);
    expect(l.begin('1.1.1.1', 'Ed@X.org', 0)).toBeGreaterThan(0);
  });

  it('counts an attempt when it starts, so parallel guesses cannot all pass', () => {
    const l = new LoginLimiter();
    const started = Array.from({ length: 50 }, () => l.begin('1.1.1.1', 'ed@x.org', 1000));
    expect(started.filter((w) => w === 0)).toHaveLength(3);
  });

  it('starts a pair afresh after the right password, and forgets failures after a day', () => {
    const l = new LoginLimiter();
    fail(l, '1.1.1.1', 'ed@x.org', 3);
    expect(l.begin('1.1.1.1', 'ed@x.org', 1000)).toBe(0);
    l.succeeded('1.1.1.1', 'ed@x.org');
    fail(l, '1.1.1.1', 'ed@x.org', 3, 1000);
    expect(l.begin('1.1.1.1', 'ed@x.org', 1500)).toBe(1);
    expect(l.begin('1.1.1.1', 'ed@x.org', 1000 + 24 * 3_600_000 + 1)).toBe(0);
  });

  it('tells once a window when an account passes the failure threshold', () => {
    const l = new LoginLimiter({ broadMax: 5 });
    const told: (number | null)[] = [];
    for (let i = 0; i < 8; i++) {
      l.begin(`9.9.9.${i}`, 'ed@x.org', i);
      told.push(l.failed('ed@x.org', i));
    }
    expect(told).toEqual([null, null, null, null, 5, null, null, null]);
  });

  it('keeps its memory bounded under a spray of addresses', () => {
    const l = new LoginLimiter({ maxKeys: 1000 });
    for (let i = 0; i < 5000; i++) l.begin(`10.0.${i >> 8}.${i & 255}`, `u${i}@x.org`, 1000);
    const maps = l as unknown as { pairs: Map<string, unknown>; broad: Map<string, unknown> };
    expect(maps.pairs.size + maps.broad.size).toBeLessThanOrEqual(1003);
  });
});
