/**
 * Search latency: p50/p95 of 1,000 varied queries (words, prefixes, phrases, two words,
 * exclusions, misspellings; section filters, date order and pages 1-3 mixed in) over a generated
 * corpus (`dateline generate`), or an existing data folder with --data, run in-process against
 * the store's search provider (SQLite FTS5).
 *
 *   npx tsx bench/search.ts [--articles 10000 | --data DIR] [--queries 1000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cities, regions, subjects } from '../src/demo/corpus/vocabulary.js';
import { openStore } from '../src/store/index.js';
import { datelineCli, machine } from './support.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, data: { type: 'string' }, queries: { type: 'string', default: '1000' } } });
const words = [...Object.values(subjects).flat(), ...Object.values(regions).flat(), ...cities]
  .flatMap((w) => w.toLowerCase().split(/\s+/)).filter((w) => w.length >= 4 && w !== 'the');
const pick = (i: number, n: number) => words[(i * 7919 + n * 104729) % words.length]!;

const dir = values.data ? path.resolve(values.data) : fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-search-'));
if (!values.data) {
  const started = Date.now();
  await datelineCli({ ...process.env, DATELINE_DATA: dir, LOG_LEVEL: 'silent' })(['generate', '--articles', values.articles!, '--pictures', '2']);
  console.log(`generated ${values.articles} stories in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const store = openStore({ sqliteFile: path.join(dir, 'dateline.sqlite') });
await store.migrate();
const sections = (await store.content.sectionTree()).map((s) => s.id);
const count = await store.content.maxArticleId();
console.log(machine());
console.log(`corpus: ${count} stories in ${dir}`);

const kinds = [
  (i: number) => pick(i, 11),
  (i: number) => pick(i, 12).slice(0, 4),
  (i: number) => `"${pick(i, 13)} ${pick(i, 14)}"`,
  (i: number) => `${pick(i, 15)} ${pick(i, 16)}`,
  (i: number) => `${pick(i, 17)} -${pick(i, 18)}`,
  (i: number) => `${pick(i, 19)}x`,
];
const n = Number(values.queries);
const verbose = process.env.BENCH_VERBOSE === "1";
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const text = kinds[i % kinds.length]!(i);
  const t = performance.now();
  await store.search.search({
    text, page: 1 + (i % 3), pageSize: 20, sort: i % 4 === 0 ? 'date' : 'relevance', scope: { kind: 'public' },
    ...(i % 5 === 0 ? { sectionIds: [sections[i % sections.length]!] } : {}),
  });
  times.push(performance.now() - t);
  if (verbose) console.log(text, (performance.now() - t).toFixed(1));
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
console.log(`queries: ${n} (words, prefixes, phrases, two words, exclusions, misspellings; filters and date order mixed in)`);
console.log(`latency ms: p50 ${q(0.5)}  p95 ${q(0.95)}  p99 ${q(0.99)}  max ${times.at(-1)!.toFixed(1)}`);
await store.close();
if (!values.data) fs.rmSync(dir, { recursive: true, force: true });
