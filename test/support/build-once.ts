import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI tests run the real `dateline` binary and the browser runs the newsroom client: build both first. */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const run = (script: string, args: string[]) => execFileSync(process.execPath, [path.join(root, 'node_modules', script), ...args], { cwd: root, stdio: 'inherit' });
  run('typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
  run('vite/bin/vite.js', ['build', '--logLevel', 'warn']);
}
