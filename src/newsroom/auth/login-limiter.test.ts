import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.js';

describe('LoginLimiter', () => {
  it('counts one account however its email is spelt', () => {
    const l = new LoginLimiter(3, 60_000);
    for (const e of ['ed@x.org', ' ED@x.org', 'ed@x.org\t']) expect(l.begin('1.1.1.1', e, 1000)).toBe(0);
    expect(l.begin('2.2.2.2', 'Ed@X.org', 1000)).toBeGreaterThan(0);
  });

  it('counts an attempt when it starts, so parallel guesses cannot all pass', () => {
    const l = new LoginLimiter(5, 60_000);
    const started = Array.from({ length: 50 }, () => l.begin('1.1.1.1', 'ed@x.org', 1000));
    expect(started.filter((w) => w === 0)).toHaveLength(5);
  });

  it('takes a successful attempt back, and forgets after the window', () => {
    const l = new LoginLimiter(2, 60_000);
    expect(l.begin('1.1.1.1', 'ed@x.org', 0)).toBe(0);
    l.succeeded('1.1.1.1', 'ed@x.org');
    expect(l.begin('1.1.1.1', 'ed@x.org', 0)).toBe(0);
    expect(l.begin('1.1.1.1', 'ed@x.org', 0)).toBe(0);
    expect(l.begin('1.1.1.1', 'ed@x.org', 1000)).toBe(59);
    expect(l.begin('1.1.1.1', 'ed@x.org', 61_000)).toBe(0);
  });

  it('keeps its memory bounded under a spray of addresses', () => {
    const l = new LoginLimiter(5, 60_000, 1000);
    for (let i = 0; i < 5000; i++) l.begin(`10.0.${i >> 8}.${i & 255}`, `u${i}@x.org`, 1000);
    expect((l as unknown as { attempts: Map<string, number[]> }).attempts.size).toBeLessThanOrEqual(1002);
  });
});
