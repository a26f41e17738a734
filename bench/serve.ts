/**
 * How fast the public site serves pages with no page cache: the seed article, the home page and a
 * section page, on a database of a few thousand stories. The server runs in its own process;
 * autocannon loads it over HTTP on 127.0.0.1.
 *
 *   npx tsx bench/serve.ts [--stories 5000] [--seconds 10] [--connections 10]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { bodyFromParagraphs, saveArticle } from '../src/content/index.js';
import { openStore } from '../src/store/index.js';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const seed = path.resolve(root, process.env.DATELINE_SHARED ?? '../shared', 'seed/article.ninjs.json');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-serve-'));
const env = { ...process.env, DATELINE_DATA: dataDir, LOG_LEVEL: 'silent' };

function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/dateline.js'), ...args], { env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`dateline ${args[0]} exited ${code}`))));
  });
}

async function fill(count: number): Promise<void> {
  const store = openStore({ sqliteFile: path.join(dataDir, 'dateline.sqlite') });
  const sections = ['global', 'politics', 'business', 'markets', 'science', 'culture'];
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; i < count; i++) {
    const when = new Date(start + i * 3_600_000);
    await saveArticle({ store: store.content, now: () => new Date() }, {
      uri: `urn:bench:${i}`, version: null, versionCreatedAt: null,
      headline: `Bench story ${i} about harbours, trams and elections`,
      standfirst: 'A standfirst of ordinary length for a listing card on the site.',
      body: bodyFromParagraphs(Array.from({ length: 12 }, (_, p) => `Paragraph ${p} of story ${i}, of a length a reader would expect in a news story.`)),
      sectionSlug: sections[i % sections.length]!, topics: [`Topic ${i % 50}`, `Topic ${i % 7}`], people: [`Reporter ${i % 20}`],
      agency: i % 3 === 0 ? 'Dateline Wire' : null, byline: '', datelinePlace: 'Northbay', language: 'en', leadImage: null,
      publish: true, firstPublishedAt: when, updatedAt: when,
    });
  }
  await store.close();
}

async function startServer(): Promise<{ url: string; stop(): void; pid: number }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/dateline.js'), 'serve', '--port', '0'], { env });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /at (http:\/\/\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function load(url: string) {
  const r = await autocannon({ url, connections: Number(values.connections), duration: Number(values.seconds) });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bytes: r.throughput.average };
}

await cli(['migrate']);
await cli(['demo']);
const imported = await cli(['import', seed, '--section', 'global', '--publish']);
const articlePath = new URL(/at (\S+)$/m.exec(imported)![1]!).pathname;
console.log(`filling ${values.stories} stories…`);
await fill(Number(values.stories));
const server = await startServer();
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`load: ${values.connections} connections, ${values.seconds} s per page, no page cache\n`);
console.log('page            req/s    p50 ms   p99 ms');
for (const [name, p] of [['article', articlePath], ['home', '/'], ['section', '/global'], ['topic', '/topic/topic-3']] as const) {
  await load(server.url + p); // warm-up pass, not counted
  const r = await load(server.url + p);
  console.log(`${name.padEnd(14)} ${r.rps.toFixed(0).padStart(6)}   ${String(r.p50).padStart(6)}   ${String(r.p99).padStart(6)}`);
}
console.log(`\nserver RSS after the run: ${rssMb(server.pid).toFixed(0)} MB`);
server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
