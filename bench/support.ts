import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
