import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The read-only test material beside the project (../shared). */
export const sharedDir = path.resolve(projectRoot, process.env.DATELINE_SHARED ?? '../shared');
export const seedDir = path.join(sharedDir, 'seed');
export const seedNinjs = path.join(seedDir, 'article.ninjs.json');
export const wireFixtures = path.join(sharedDir, 'fixtures', 'wire');

if (!fs.existsSync(seedNinjs)) {
  throw new Error(`test material not found at ${sharedDir}: the tests need ../shared beside the project (or DATELINE_SHARED)`);
}
