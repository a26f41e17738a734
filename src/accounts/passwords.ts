import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { passwordProblem } from './password-rules.js';

export { passwordProblem };

/** scrypt with the parameters stored beside each hash, so they can be raised later. */
const params = { N: 32768, r: 8, p: 1, keylen: 64 };

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params.N, params.r, params.p, params.keylen);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

// Made by hashPassword itself, so checking against it costs what checking a real hash costs.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('base64')));

function parse(stored: string | null | undefined) {
  const [scheme, N, r, p, salt, key, ...rest] = (stored ?? '').split('$');
  const [n, rr, pp] = [Number(N), Number(r), Number(p)];
  const sane = Number.isSafeInteger(n) && n > 1 && (n & (n - 1)) === 0 && rr >= 1 && pp >= 1;
  if (scheme !== 'scrypt' || !sane || !salt || !key || rest.length) return null;
  return { N: n, r: rr, p: pp, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/**
 * Whether the password matches the stored hash. No hash (an unknown account) or a malformed one
 * is checked against a decoy and refused: every refusal costs one scrypt, so the time taken
 * does not tell which accounts exist.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const hash = parse(stored);
  const used = hash ?? parse(await decoyHash())!;
  const actual = await derive(password, used.salt, used.N, used.r, used.p, used.key.length);
  return hash !== null && timingSafeEqual(actual, used.key);
}
