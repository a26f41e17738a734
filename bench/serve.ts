/**
 * How fast the public site serves pages: the seed article from the page cache side by side with
 * nginx serving the same bytes as a static file (Debian's nginx, started here on 127.0.0.1, one
 * worker process like Dateline's one Node process), then pages rendered without the cache (a
 * second server with PAGE_CACHE_MB=0), on a database of a few thousand stories. Servers run in
 * their own processes; the load comes from wrk when installed (else autocannon), one page at a time.
 *
 *   npx tsx bench/serve.ts [--stories 5000] [--seconds 10] [--connections 10]
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { bodyFromParagraphs, saveArticle } from '../src/content/index.js';
import { openStore } from '../src/store/index.js';
import { datelineCli, root, seedNinjs } from './support.js';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const seed = seedNinjs;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-serve-'));
const env = { ...process.env, DATELINE_DATA: dataDir, LOG_LEVEL: 'silent' };

const cli = datelineCli(env);

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

async function startServer(extra: Record<string, string> = {}): Promise<{ url: string; stop(): void; pid: number }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/dateline.js'), 'serve', '--port', '0'], { env: { ...env, ...extra } });
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

const wrk = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p));

/** wrk's latency figures ("1.23ms", "850.00us", "1.02s") in milliseconds. */
function ms(text: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(text)!;
  return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
}

async function load(url: string): Promise<{ rps: number; p50: number; p99: number }> {
  if (wrk) {
    const r = spawnSync(wrk, ['-t1', `-c${values.connections}`, `-d${values.seconds}s`, '--latency', url], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
    if (/Non-2xx/.test(r.stdout)) throw new Error(`${url}: non-2xx answers\n${r.stdout}`);
    return {
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)![1]),
      p50: ms(/\s50%\s+(\S+)/.exec(r.stdout)![1]!),
      p99: ms(/\s99%\s+(\S+)/.exec(r.stdout)![1]!),
    };
  }
  const r = await autocannon({ url, connections: Number(values.connections), duration: Number(values.seconds) });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

/** nginx serving one file from a temporary root, on a free port of 127.0.0.1. */
async function startNginx(body: Buffer): Promise<{ url: string; stop(): void } | null> {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!nginx) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-nginx-'));
  fs.chmodSync(dir, 0o755); // nginx's workers run as another user
  fs.writeFileSync(path.join(dir, 'article.html'), body);
  const port = 20000 + Math.floor(Math.random() * 20000);
  fs.writeFileSync(path.join(dir, 'nginx.conf'), [
    'worker_processes 1;', 'daemon off;', 'master_process on;', `pid ${dir}/nginx.pid;`, `error_log ${dir}/error.log;`,
    'events { worker_connections 1024; }',
    'http {', '  access_log off;', '  sendfile on;', '  tcp_nopush on;', '  keepalive_requests 100000;', '  default_type text/html;',
    `  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;`,
    `  server { listen 127.0.0.1:${port}; root ${dir}; location / { try_files $uri =404; } }`, '}',
  ].join('\n'));
  fs.mkdirSync(path.join(dir, 'tmp'));
  const child = spawn(nginx, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/article.html`).then((r) => r.ok, () => false);
    if (ok) return { url: `http://127.0.0.1:${port}/article.html`, stop: () => { child.kill('SIGTERM'); fs.rmSync(dir, { recursive: true, force: true }); } };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('nginx did not start');
}

const row = (name: string, r: { rps: number; p50: number; p99: number }) =>
  console.log(`${name.padEnd(22)} ${r.rps.toFixed(0).padStart(7)}   ${r.p50.toFixed(2).padStart(7)}   ${r.p99.toFixed(2).padStart(7)}`);

await cli(['migrate']);
await cli(['demo']);
const imported = await cli(['import', seed, '--section', 'global', '--publish']);
const articlePath = new URL(/at (\S+)$/m.exec(imported)![1]!).pathname;
console.log(`filling ${values.stories} stories…`);
await fill(Number(values.stories));
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`load: ${wrk ? 'wrk, 1 thread' : 'autocannon'}, ${values.connections} connections, ${values.seconds} s per page, after a warm-up pass\n`);
console.log('page                     req/s    p50 ms    p99 ms');

const cached = await startServer();
await load(cached.url + articlePath);
const fromCache = await load(cached.url + articlePath);
row('article, page cache', fromCache);
await load(cached.url + '/');
row('home, page cache', await load(cached.url + '/'));
const cachedRss = rssMb(cached.pid);
const bytes = Buffer.from(await (await fetch(cached.url + articlePath, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
cached.stop();

const nginx = await startNginx(bytes);
if (nginx) {
  await load(nginx.url);
  const n = await load(nginx.url);
  row('article, nginx static', n);
  nginx.stop();
  console.log(`  page cache / nginx: ${(100 * fromCache.rps / n.rps).toFixed(0)} % of nginx's req/s (${bytes.length} bytes a page)`);
} else {
  console.log('  (nginx not installed: apt-get install nginx-light to compare)');
}

const uncached = await startServer({ PAGE_CACHE_MB: '0' });
for (const [name, p] of [['article, rendered', articlePath], ['home, rendered', '/'], ['section, rendered', '/global'], ['topic, rendered', '/topic/topic-3']] as const) {
  await load(uncached.url + p); // warm-up pass, not counted
  row(name, await load(uncached.url + p));
}
console.log(`\nserver RSS: ${cachedRss.toFixed(0)} MB with the page cache, ${rssMb(uncached.pid).toFixed(0)} MB rendering every page`);
uncached.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
