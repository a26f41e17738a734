import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const randomSecret = () => randomBytes(48).toString('base64url');

/**
 * The key that signs session cookies: DATELINE_SECRET when set; on a database several nodes share
 * (PostgreSQL), one kept in it, so a session signed by one node is good on every other;
 * otherwise a random one kept in the data folder, readable by its owner only.
 */
export async function sessionSecret(dataDir: string, fromEnv: string | undefined, shared: ((key: string, make: () => string) => Promise<string>) | null): Promise<string> {
  if (fromEnv) return fromEnv;
  // No fallback to a key of this node's own: its sessions would fail on every other node.
  if (shared) return shared('session_secret', randomSecret);
  const file = path.join(dataDir, 'secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomSecret();
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
