/**
 * One node against two on one PostgreSQL database: requests per second for the article page,
 * with the page cache (the seed story again and again) and without it (PAGE_CACHE_MB=0: 2,000
 * stories picked at random, each request rendered from the database). Each node is a
 * `dateline serve` process of its own; with two nodes the load is split evenly between them (two
 * wrk processes at once, as a load balancer would), and their req/s are added up. The database is
 * a new one on the server named by --database-url (default TEST_DATABASE_URL, else the local
 * server), filled by `dateline generate`, and dropped at the end.
 *
 *   npx tsx bench/nodes.ts [--articles 20000] [--seconds 10] [--connections 20] [--database-url URL]
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { datelineCli, machine, rssMb, seedNinjs, startServer } from './support.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    'database-url': { type: 'string' },
  },
});
const server = values['database-url'] ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const wrk = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p));
if (!wrk) throw new Error('bench/nodes needs wrk (apt-get install wrk): two load generators must run at once');

const psql = (url: string, sql: string) => execFileSync('psql', [url, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const name = `dateline_bench_nodes_${process.pid}`;
const url = new URL(server);
url.pathname = `/${name}`;
const databaseUrl = url.toString();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-nodes-'));
const env = (node: string, extra: Record<string, string> = {}) => ({
  ...process.env, DATELINE_DATA: path.join(work, node), DATELINE_MEDIA: path.join(work, 'media'), DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'silent', DATELINE_DEMO: 'false', ...extra,
});

/** wrk against one URL (or a script of paths) for the configured time: requests per second. */
function load(target: string, connections: number, script?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(wrk!, ['-t1', `-c${connections}`, `-d${values.seconds}s`, ...(script ? ['-s', script] : []), target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk failed: ${out}`));
      if (/Non-2xx/.test(out)) return reject(new Error(`${target}: non-2xx answers\n${out}`));
      resolve(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]));
    });
  });
}

async function measure(label: string, nodes: number, pathOf: string, extra: Record<string, string>, script?: string): Promise<void> {
  const servers = [];
  for (let i = 0; i < nodes; i++) servers.push(await startServer(env(`node-${label}-${i}`, extra)));
  try {
    // Warm every node (its page cache, statement plans) before the clock starts.
    for (const s of servers) for (let i = 0; i < 50; i++) await fetch(s.url + pathOf).then((r) => r.arrayBuffer());
    const connections = Number(values.connections);
    const rates = await Promise.all(servers.map((s) => load(s.url + pathOf, Math.max(1, Math.round(connections / nodes)), script)));
    const total = rates.reduce((a, b) => a + b, 0);
    const rss = servers.map((s) => rssMb(s.pid).toFixed(0)).join(' + ');
    console.log(`${label.padEnd(28)} ${String(nodes).padStart(5)}  ${total.toFixed(0).padStart(8)} req/s  (${rates.map((r) => r.toFixed(0)).join(' + ')}; RSS ${rss} MB)`);
  } finally {
    for (const s of servers) s.stop();
    await new Promise((r) => setTimeout(r, 500));
  }
}

console.log(machine());
console.log(`database: PostgreSQL ${psql(server, 'show server_version').trim()} at ${url.host}, ${values.articles} generated stories + the seed story`);
psql(server, `create database "${name}"`);
try {
  const cli = datelineCli(env('cli'));
  await cli(['generate', '--articles', values.articles!, '--pictures', '4']);
  await cli(['import', seedNinjs, '--section', 'global', '--publish']);
  const seedPath = psql(databaseUrl, `select '/' || s.slug || '/' || to_char(a.first_published_at at time zone 'UTC', 'YYYY/MM/DD') || '/' || a.slug
    from articles a join sections s on s.id = a.section_id where a.uri is not null and a.status = 'published' order by a.id desc limit 1`).trim();
  const paths = psql(databaseUrl, `select '/' || s.slug || '/' || to_char(a.first_published_at at time zone 'UTC', 'YYYY/MM/DD') || '/' || a.slug
    from articles a join sections s on s.id = a.section_id where a.status = 'published' order by random() limit 2000`).trim().split('\n');
  const script = path.join(work, 'random.lua');
  fs.writeFileSync(script, `paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\ni = math.random(#paths)\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n`);
  console.log(`load: wrk, ${values.connections} connections in all, ${values.seconds} s per figure; the machine's ${os.cpus().length} cores are shared by the nodes, PostgreSQL and wrk`);
  console.log(`${'article page'.padEnd(28)} nodes  throughput`);
  for (const nodes of [1, 2]) await measure('seed story, page cache on', nodes, seedPath, {});
  for (const nodes of [1, 2]) await measure('random stories, no cache', nodes, '/', { PAGE_CACHE_MB: '0' }, script);
} finally {
  psql(server, `drop database if exists "${name}" with (force)`);
  fs.rmSync(work, { recursive: true, force: true });
}
