import { runCli } from './main.js';

// Output piped into a reader that stopped early (`dateline import ... | head -1`): the work goes
// on and finishes; only the lines nobody reads are dropped, instead of a crash on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

/** Entry point of the `dateline` binary. */
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
});
process.exitCode = code;
