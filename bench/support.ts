import { spawn } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const seedNinjs = path.resolve(root, process.env.DATELINE_SHARED ?? '../shared', 'seed/article.ninjs.json');

/** Runs `dateline ARGS` in its own process against `env`; resolves with its stdout. */
export function datelineCli(env: NodeJS.ProcessEnv): (args: string[]) => Promise<string> {
  return (args) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/dateline.js'), ...args], { env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`dateline ${args[0]} exited ${code}`))));
  });
}
