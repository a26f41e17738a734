// The suite's second pass: every storage test again on PostgreSQL, when TEST_DATABASE_URL names
// a server (CI always sets it; see .ci/run). Without it the pass is skipped, saying so.
import { execFileSync, spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('\nPostgreSQL pass skipped: set TEST_DATABASE_URL=postgres://user@host:port/db to run the storage tests on PostgreSQL too.');
  process.exit(0);
}
try {
  execFileSync('psql', [url, '-X', '-q', '-A', '-t', '-c', 'select 1'], { stdio: 'pipe' });
} catch (e) {
  console.error(`PostgreSQL pass: cannot reach TEST_DATABASE_URL (${new URL(url).host}): ${String(e.stderr || e.message).trim()}`);
  process.exit(1);
}
console.log(`\nPostgreSQL pass: the storage tests again, on ${new URL(url).host}`);
const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/', 'src/store/'], {
  stdio: 'inherit', env: { ...process.env, DATELINE_TEST_ENGINE: 'postgres' },
});
process.exit(run.status ?? 1);
