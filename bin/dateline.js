#!/usr/bin/env node
// The `dateline` command. It runs the compiled program; `npm install` builds it (npm run build).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('dateline: not built yet; run `npm run build` (npm install does it) first\n');
  process.exit(1);
}
await import(entry.href);
