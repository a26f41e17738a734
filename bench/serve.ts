/**
 * How fast the public site serves pages: the seed article from the page cache side by side with
 * nginx serving the same bytes as a static file (Debian's nginx, started here on 127.0.0.1, one
 * worker process like Dateline's one Node process), then pages rendered without the cache (a
 * second server with PAGE_CACHE_MB=0), over a generated corpus (`dateline generate`), or an
 * existing data folder with --data (it gets the seed story added). Rendered article pages are
 * measured twice: the seed story again and again, and 2,000 stories picked at random across the
 * corpus (each request another, as readers arriving from search do). Servers run in their own
 * processes; the load comes from wrk when installed (else autocannon), one page at a time.
 *
 *   npx tsx bench/serve.ts [--articles 100000 | --data DIR] [--seconds 10] [--connections 10]
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { datelineCli, machine, randomArticlePaths, rssMb, seedNinjs, startServer } from './support.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    data: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const dataDir = values.data ? path.resolve(values.data) : fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-serve-'));
const env = { ...process.env, DATELINE_DATA: dataDir, LOG_LEVEL: 'silent', DATELINE_DEMO: 'false' };
const cli = datelineCli(env);

/** A wrk script asking for `n` random published stories in turn. */
function randomArticles(n: number): string {
  const paths = randomArticlePaths(path.join(dataDir, 'dateline.sqlite'), n);
  const script = path.join(dataDir, `random-articles-${process.pid}.lua`);
  fs.writeFileSync(script, `paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\ni = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n`);
  return script;
}

const wrk = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p));

/** wrk's latency figures ("1.23ms", "850.00us", "1.02s") in milliseconds. */
function ms(text: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(text)!;
  return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
}

async function load(url: string, script?: string, connections = Number(values.connections)): Promise<{ rps: number; p50: number; p99: number }> {
  if (wrk) {
    const r = spawnSync(wrk, ['-t1', `-c${connections}`, `-d${values.seconds}s`, '--latency', ...(script ? ['-s', script] : []), url], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
    if (/Non-2xx/.test(r.stdout)) throw new Error(`${url}: non-2xx answers\n${r.stdout}`);
    return {
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)![1]),
      p50: ms(/\s50%\s+(\S+)/.exec(r.stdout)![1]!),
      p99: ms(/\s99%\s+(\S+)/.exec(r.stdout)![1]!),
    };
  }
  if (script) return { rps: Number.NaN, p50: Number.NaN, p99: Number.NaN };
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
  console.log(`${name.padEnd(28)} ${r.rps.toFixed(0).padStart(7)}   ${r.p50.toFixed(2).padStart(7)}   ${r.p99.toFixed(2).padStart(7)}`);

await cli(['migrate']);
if (!values.data) {
  console.log(`generating ${values.articles} stories…`);
  await cli(['generate', '--articles', values.articles!, '--pictures', '8']);
}
const imported = await cli(['import', seedNinjs, '--section', 'global', '--publish']);
const articlePath = new URL(/at (\S+)$/m.exec(imported)![1]!).pathname;
const stories = new SQLite(path.join(dataDir, 'dateline.sqlite'), { readonly: true }).prepare('select count(*) from articles').pluck().get() as number;
const randomScript = randomArticles(2000);
console.log(machine());
console.log(`corpus: ${stories} stories in ${dataDir}`);
console.log(`load: ${wrk ? 'wrk, 1 thread' : 'autocannon'}, ${values.connections} connections, ${values.seconds} s per page, after a warm-up pass\n`);
console.log('page                          req/s    p50 ms    p99 ms');

const cached = await startServer(env);
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

const uncached = await startServer({ ...env, PAGE_CACHE_MB: '0' });
const rendered: [string, string, string?, number?][] = [
  ['article, rendered', articlePath], ['random articles, rendered', '/', randomScript],
  // One connection: the time a render takes, without waiting behind other requests.
  ['random articles, 1 conn.', '/', randomScript, 1], ['home, rendered', '/'],
  ['section, rendered', '/global'], ['topic, rendered', '/topic/elections'],
];
for (const [name, p, script, connections] of rendered) {
  await load(uncached.url + p, script, connections); // warm-up pass, not counted
  row(name, await load(uncached.url + p, script, connections));
}
console.log(`\nserver RSS: ${cachedRss.toFixed(0)} MB with the page cache, ${rssMb(uncached.pid).toFixed(0)} MB rendering every page`);
uncached.stop();
if (values.data) fs.rmSync(randomScript, { force: true }); else fs.rmSync(dataDir, { recursive: true, force: true });
