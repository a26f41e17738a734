import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './paths.js';

const jing = process.env.JING_PATH ?? '/usr/bin/jing';

/**
 * Validates XML documents against one of the RELAX NG grammars in test/schemas with jing (the
 * reference RELAX NG validator, Debian's `jing` package). Returns jing's error lines, naming
 * each document by its label; an empty list means every document is valid.
 */
export function validateXml(schema: 'atom' | 'rss' | 'sitemap', docs: { label: string; xml: string }[]): string[] {
  if (!fs.existsSync(jing)) throw new Error(`no jing at ${jing}: install Debian's jing (apt-get install jing) or set JING_PATH`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-xml-'));
  try {
    const files = docs.map((d, i) => {
      const file = path.join(dir, `${i}.xml`);
      fs.writeFileSync(file, d.xml);
      return file;
    });
    const r = spawnSync(jing, ['-c', path.join(projectRoot, 'test/schemas', `${schema}.rnc`), ...files], { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`jing failed (${r.status}): ${r.stderr}`);
    return r.stdout.split('\n').filter(Boolean).map((line) => {
      const i = files.findIndex((f) => line.startsWith(f));
      return i < 0 ? line : `${docs[i]!.label}${line.slice(files[i]!.length)}`;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
