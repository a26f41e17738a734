import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export const root = path.resolve(import.meta.dirname, '..');
export const seedNinjs = path.resolve(root, process.env.DATELINE_SHARED ?? '../shared', 'seed/article.ninjs.json');

/** Runs `dateline ARGS` in its own process against `env`; resolves with its stdout. */
export function datelineCli(env: NodeJS.ProcessEnv): (args: string[], input?: string) => Promise<string> {
  return (args, input) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/dateline.js'), ...args], { env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (input !== undefined) child.stdin!.end(input);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`dateline ${args[0]} exited ${code}`))));
  });
}

/** `dateline serve` on a free port of 127.0.0.1, in its own process. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<{ url: string; pid: number; stop(): void }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/dateline.js'), 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /at (http:\/\/\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** The line every benchmark prints first: what it ran on. */
export function machine(): string {
  return `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/** Paths of `n` published stories picked at random from a data folder's database. */
export function randomArticlePaths(databaseFile: string, n: number): string[] {
  const db = new SQLite(databaseFile, { readonly: true });
  const max = db.prepare('select max(id) from articles').pluck().get() as number;
  // By id alone, the status checked here: with a status condition SQLite walks the status index.
  const pick = db.prepare(`select s.slug section, a.slug, a.first_published_at at, a.status from articles a
    join sections s on s.id = a.section_id where a.id = ?`);
  const paths: string[] = [];
  for (let tries = 0; paths.length < n && tries < n * 20; tries++) {
    const r = pick.get(1 + Math.floor(Math.random() * max)) as { section: string; slug: string; at: string; status: string } | undefined;
    // The site's time zone is UTC unless configured: the date in the path is the UTC date.
    if (r?.status === 'published') paths.push(`/${r.section}/${r.at.slice(0, 4)}/${r.at.slice(5, 7)}/${r.at.slice(8, 10)}/${r.slug}`);
  }
  db.close();
  return paths;
}

/** Size of a SQLite database with its write-ahead log, in MB. */
export function databaseMb(file: string): number {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return (size(file) + size(`${file}-wal`)) / 2 ** 20;
}
