/**
 * Memory and disk at scale: for each corpus size, the database's size on disk and the resident
 * memory (RSS) of `dateline serve` after start and after reading a spread of pages (home,
 * sections, 300 random stories, topics, feeds, sitemaps) with the page cache on (64 MB, the
 * default), plus its peak. Corpora come from `dateline generate`; --data-1m reuses a folder
 * already holding a million stories (generating one takes about seven minutes).
 *
 *   npx tsx bench/scale.ts [--sizes 10000,100000,1000000] [--data-1m DIR]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { databaseMb, datelineCli, machine, randomArticlePaths, rssMb, startServer } from './support.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000,1000000' }, 'data-1m': { type: 'string' } } });
const sizes = values.sizes!.split(',').map(Number);

function peakMb(pid: number): number {
  return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

console.log(machine());
console.log('stories      database MB   generate s   RSS start MB   RSS after pages MB   peak MB   pages read');
for (const size of sizes) {
  const reuse = size === 1_000_000 && values['data-1m'];
  const dir = reuse ? path.resolve(values['data-1m']!) : fs.mkdtempSync(path.join(os.tmpdir(), `dateline-bench-scale-${size}-`));
  const env = { ...process.env, DATELINE_DATA: dir, LOG_LEVEL: 'silent', DATELINE_DEMO: 'false' };
  const started = Date.now();
  if (!reuse) await datelineCli(env)(['generate', '--articles', String(size), '--pictures', '8']);
  const generated = reuse ? NaN : (Date.now() - started) / 1000;
  const file = path.join(dir, 'dateline.sqlite');
  const db = new SQLite(file, { readonly: true });
  const sections = db.prepare('select slug from sections').pluck().all() as string[];
  const topics = db.prepare('select slug from topics limit 40').pluck().all() as string[];
  db.close();
  const server = await startServer(env);
  await new Promise((r) => setTimeout(r, 500));
  const atStart = rssMb(server.pid);
  const pages = ['/', '/feed.xml', '/sitemap.xml', '/sitemap-news.xml', ...sections.map((s) => `/${s}`),
    ...topics.map((t) => `/topic/${t}`), ...randomArticlePaths(file, 300)];
  for (const p of pages) {
    const r = await fetch(server.url + p);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${p}: ${r.status}`);
  }
  const after = rssMb(server.pid);
  const peak = peakMb(server.pid);
  server.stop();
  console.log(`${String(size).padStart(9)}   ${databaseMb(file).toFixed(0).padStart(11)}   ${Number.isNaN(generated) ? '   (reused)' : generated.toFixed(1).padStart(10)}   ${atStart.toFixed(0).padStart(12)}   ${after.toFixed(0).padStart(18)}   ${peak.toFixed(0).padStart(7)}   ${pages.length}`);
  if (!reuse) fs.rmSync(dir, { recursive: true, force: true });
}
