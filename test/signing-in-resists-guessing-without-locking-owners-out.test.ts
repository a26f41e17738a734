import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Dateline } from '../src/app/index.js';
import { execute } from './support/database.js';
import { password, startSite, type TestSite } from './support/site.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('signing in resists guessing without locking owners out', () => {
  let site: TestSite;
  // The same site in-process, with a log to read and a clock the tests may stop and move.
  let dateline: Dateline;
  const log: { level: number; msg: string; [k: string]: unknown }[] = [];
  let clock: number | null = null;
  let address = 0;
  const freshAddress = () => `10.1.${address >> 8}.${address++ & 255}`;

  const signIn = (email: string, pw: string, from: string, headers: Record<string, string> = {}) => dateline.app.inject({
    method: 'POST', url: '/api/v1/session', remoteAddress: from, headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ email, password: pw }),
  });
  const warnings = (about: RegExp) => log.filter((l) => l.level === 40 && about.test(l.msg));

  beforeAll(async () => {
    site = await startSite('sign-in-guessing');
    for (const [email, name] of [['owner@example.org', 'Olga Owner'], ['timed@example.org', 'Tim Timed'], ['gone@example.org', 'Gus Gone'], ['colleague@example.org', 'Cleo Colleague']]) {
      await site.addUser(email!, 'editor', name);
    }
    execute(site.dataDir, "update users set disabled_at = created_at where email = 'gone@example.org'");
    dateline = await build({ ...site.config, logLevel: 'warn' }, {
      logger: { write: (line) => void log.push(JSON.parse(line)) }, worker: false, now: () => new Date(clock ?? Date.now()),
    });
  });
  afterAll(async () => {
    await dateline?.close();
    await site?.close();
  });

  it('signing in costs the same for unknown accounts', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      expect((await signIn(email, 'not the password at all', freshAddress())).statusCode).toBe(401);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    const disabled: number[] = [];
    await time('nobody@example.org'); // the first refusal also makes the decoy hash
    for (let i = 0; i < 9; i++) {
      known.push(await time('timed@example.org'));
      unknown.push(await time(`nobody${i}@example.org`));
      disabled.push(await time('gone@example.org'));
    }
    expect(median(unknown) / median(known)).toBeGreaterThanOrEqual(0.5);
    expect(median(disabled) / median(known)).toBeGreaterThanOrEqual(0.5);
    // Whichever way it was refused, the answer says the same.
    const answers = await Promise.all(['timed@example.org', 'nobody@example.org', 'gone@example.org']
      .map(async (e) => (await signIn(e, 'not the password at all', freshAddress())).json()));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
  });

  it("an attacker's failures do not lock the owner out", async () => {
    clock = Date.now();
    try {
      const attacker = '198.51.100.7';
      for (let i = 0; i < 3; i++) expect((await signIn('owner@example.org', `guess number ${i}`, attacker)).statusCode).toBe(401);
      const waits: number[] = [];
      for (let i = 0; i < 4; i++) {
        const refused = await signIn('owner@example.org', 'yet another guess', attacker);
        expect(refused.statusCode).toBe(429);
        waits.push(Number(refused.headers['retry-after']));
        clock += waits.at(-1)! * 1000;
        expect((await signIn('owner@example.org', 'yet another guess', attacker)).statusCode).toBe(401);
      }
      expect(waits).toEqual([1, 2, 4, 8]);
      // Where the guessing happens, the right password waits too: guessing there gains nothing.
      const held = await signIn('owner@example.org', password, attacker);
      expect(held.statusCode).toBe(429);
      expect(held.json().error.message).toMatch(/try again in 16 seconds/);

      // The owner, from anywhere else, signs in at once.
      expect((await signIn('owner@example.org', password, '192.0.2.10')).statusCode).toBe(201);

      // Guesses from many addresses: the account passes the failure threshold, which is logged,
      // and still the owner is not refused.
      const spread = await Promise.all(Array.from({ length: 16 }, () => signIn('owner@example.org', 'a distributed guess', freshAddress())));
      expect(spread.map((r) => r.statusCode)).toEqual(Array(16).fill(401));
      expect(warnings(/many failed attempts for one account/)).toEqual([expect.objectContaining({ account: 'owner@example.org' })]);
      expect((await signIn('owner@example.org', password, '192.0.2.11')).statusCode).toBe(201);
    } finally {
      clock = null;
    }
  });

  it('a shared address does not lock out its other users', async () => {
    const office = '203.0.113.50';
    const spray = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`reader${i}@example.org`, 'Summer is here', office)));
    expect(spray.map((r) => r.statusCode)).toEqual(Array(30).fill(401));
    expect((await signIn('colleague@example.org', password, office)).statusCode).toBe(201);
  });

  it("common passwords and ones made of the user's name are refused", async () => {
    const add = (pw: string) => site.cli(['user', 'add', '--email', 'francesca.rossi@example.org', '--role', 'contributor',
      '--name', 'Francesca Rossi', '--password-stdin'], `${pw}\n`);
    const refused: [string, RegExp][] = [
      ['password123', /that password is one of the most common passwords/],
      ['Sunshine2024!', /that password is one of the most common passwords/],
      ['1234567890', /that password is one of the most common passwords/],
      ['aaaaaaaaaaaa', /must not be one character repeated or a simple sequence/],
      ['Rossi-the-reporter', /must not contain your name or e-mail/],
      ['FRANCESCA.ROSSI', /must not contain your name or e-mail/],
    ];
    for (const [pw, why] of refused) {
      const r = await add(pw);
      expect(r.code, pw).toBe(1);
      expect(r.stderr.trimEnd().split('\n'), pw).toHaveLength(1);
      expect(r.stderr, pw).toMatch(why);
    }
    expect((await add('pasta under a violet moon')).code).toBe(0);
    expect((await signIn('francesca.rossi@example.org', 'pasta under a violet moon', freshAddress())).statusCode).toBe(201);
  });

  it('warns once when X-Forwarded-For arrives while TRUST_PROXY is off', async () => {
    const about = /X-Forwarded-For but TRUST_PROXY is off/;
    expect(warnings(about)).toHaveLength(0);
    const proxy = '172.16.0.1';
    for (const client of ['192.0.2.50', '192.0.2.51']) {
      expect((await signIn('colleague@example.org', 'not the password at all', proxy, { 'x-forwarded-for': client })).statusCode).toBe(401);
    }
    expect(warnings(about)).toEqual([expect.objectContaining({ address: proxy })]);
    // The header is not believed: both clients count as the proxy.
    const audit = (await dateline.store.audit.list({ page: 1, pageSize: 5, action: 'sign-in-failed' })).items;
    expect(audit.slice(0, 2).map((e) => e.ip)).toEqual([proxy, proxy]);
  });
});
