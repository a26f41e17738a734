/**
 * Wire ingest at agency scale: generates N items across the formats Dateline reads (NINJS 1.x,
 * 2.x, 3.x, NewsML-G2 items and newsMessages, RSS and Atom feeds; one delivery in eleven a later
 * version of an earlier item), then times `dateline import` on them in its own process, sampling
 * its memory as it goes. Prints items/s and peak memory, into the wire queue and as stories.
 *
 *   npm run bench:ingest -- [--items 100000] [--stories 20000] [--seed 7]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { wireDelivery } from '../src/demo/wire-deliveries.js';
import { databaseMb, datelineCli, machine, root } from './support.js';

const { values } = parseArgs({ options: { items: { type: 'string' }, stories: { type: 'string' }, seed: { type: 'string' } } });
const items = Number(values.items ?? 100_000);
const storyItems = Number(values.stories ?? 20_000);
const seed = Number(values.seed ?? 7);

/** Writes deliveries until `n` items, 1,000 files a folder; returns the folder and the counts. */
function generate(dir: string, n: number) {
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  let files = 0;
  let bytes = 0;
  for (let i = 0; count < n; i++) {
    const d = wireDelivery(seed, i);
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(4, '0'));
    if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, d.name), d.text);
    count += d.items;
    files++;
    bytes += d.text.length;
  }
  return { count, files, mb: bytes / 2 ** 20 };
}

/** Peak and sampled resident memory of a process, read from /proc while it runs. */
function sampleMemory(pid: number) {
  const samples: number[] = [];
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      samples.push(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
    } catch { /* exited */ }
  }, 250);
  return { stop: () => (clearInterval(timer), { peak, samples }) };
}

function runImport(env: NodeJS.ProcessEnv, args: string[]): Promise<{ seconds: number; out: string; peak: number; samples: number[] }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin/dateline.js'), 'import', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const memory = sampleMemory(child.pid!);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const { peak, samples } = memory.stop();
      if (code !== 0) return reject(new Error(`import exited ${code}: ${err.slice(0, 2000)}`));
      resolve({ seconds: (performance.now() - started) / 1000, out: out.trim(), peak, samples });
    });
  });
}

/** Memory through the run, in quarters: flat means the count does not grow it. */
const quarters = (s: number[]) => [0.25, 0.5, 0.75, 1].map((q) => s[Math.max(0, Math.ceil(s.length * q) - 1)]?.toFixed(0) ?? '?').join(' / ');

async function main() {
  console.log(machine());
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-ingest-'));
  try {
    for (const [label, n, extra] of [['wire queue', items, [] as string[]], ['stories (--section, drafts)', storyItems, ['--section', 'global']]] as const) {
      if (!n) continue;
      const dir = path.join(work, `items-${n}`);
      let t = performance.now();
      const made = generate(dir, n);
      console.log(`\n${label}: generated ${made.count} items in ${made.files} files (${made.mb.toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const data = path.join(work, `data-${n}-${extra.length}`);
      const env = { ...process.env, DATELINE_DATA: data, LOG_LEVEL: 'warn' };
      const cli = datelineCli(env);
      await cli(['migrate']);
      if (extra.length) await cli(['section', 'add', '--name', 'Global']);
      t = performance.now();
      const r = await runImport(env, [dir, ...extra]);
      console.log(`  ${r.out.split('\n').pop()}`);
      console.log(`  ${label}: ${(made.count / r.seconds).toFixed(0)} items/s (${r.seconds.toFixed(1)} s wall, process start included)`);
      console.log(`  memory: peak ${r.peak.toFixed(0)} MB; resident at 1/4, 1/2, 3/4, end of the run: ${quarters(r.samples)} MB`);
      console.log(`  database: ${databaseMb(path.join(data, 'dateline.sqlite')).toFixed(0)} MB`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
