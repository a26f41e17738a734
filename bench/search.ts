/**
 * Search latency: p50/p95 of 1,000 varied queries (words, prefixes, phrases, filters, misspellings)
 * over a generated corpus, run in-process against the SQLite FTS5 provider.
 *
 *   npx tsx bench/search.ts [--stories 10000] [--queries 1000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bodyFromParagraphs, createSection, saveArticle } from '../src/content/index.js';
import { systemActor } from '../src/accounts/index.js';
import { openStore } from '../src/store/index.js';

const { values } = parseArgs({ options: { stories: { type: 'string', default: '10000' }, queries: { type: 'string', default: '1000' } } });
const words = ('harbour tram election council budget river drought ferry market shares freight museum opera festival court ' +
  'minister police hospital school university climate energy grid solar wind storm flood bridge airport railway port ' +
  'strike union wages housing rent mayor senate treaty border trade tariff vaccine research satellite ocean forest').split(' ');
const pick = (i: number, n: number) => words[(i * 7919 + n * 104729) % words.length]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-search-'));
const store = openStore({ sqliteFile: path.join(dir, 'dateline.sqlite') });
await store.migrate();
const ctx = { store: store.content, now: () => new Date() };
for (const name of ['Global', 'Politics', 'Business', 'Science', 'Culture']) await createSection(ctx, { name });
const sections = ['global', 'politics', 'business', 'science', 'culture'];
const count = Number(values.stories);
const started = Date.now();
for (let i = 0; i < count; i++) {
  const when = new Date(Date.UTC(2018, 0, 1) + i * 3_600_000);
  const paragraphs = Array.from({ length: 8 + (i % 10) }, (_, p) =>
    Array.from({ length: 25 }, (_, w) => pick(i + p, w)).join(' ') + '.');
  await saveArticle(ctx, {
    uri: null, version: null, versionCreatedAt: null,
    headline: `${pick(i, 1)} ${pick(i, 2)} ${pick(i, 3)} in story ${i}`, standfirst: `${pick(i, 4)} and ${pick(i, 5)}.`,
    body: bodyFromParagraphs(paragraphs), sectionSlug: sections[i % sections.length]!, topics: [pick(i, 6), pick(i, 9)], people: [],
    agency: null, byline: '', datelinePlace: '', language: 'en', leadImage: null, publish: true, firstPublishedAt: when, updatedAt: when,
  }, { actor: systemActor('demo'), source: 'bench' });
}
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}`);
console.log(`corpus: ${count} stories generated and indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

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
    ...(i % 5 === 0 ? { sectionIds: [1 + (i % 5)] } : {}),
  });
  times.push(performance.now() - t);
  if (verbose) console.log(text, (performance.now() - t).toFixed(1));
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
console.log(`queries: ${n} (words, prefixes, phrases, two words, exclusions, misspellings; filters and date order mixed in)`);
console.log(`latency ms: p50 ${q(0.5)}  p95 ${q(0.95)}  p99 ${q(0.99)}  max ${times.at(-1)!.toFixed(1)}`);
await store.close();
if (process.env.BENCH_KEEP) console.log(`kept ${dir}`); else fs.rmSync(dir, { recursive: true, force: true });
