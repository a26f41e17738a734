import { parentPort } from 'node:worker_threads';
import { readAndParse } from './file-reader.js';

/** Reads and parses wire files off the main thread, which meanwhile writes to the database. */
parentPort!.on('message', async ({ id, file }: { id: number; file: string }) => {
  const read = await readAndParse(file);
  // Items travel as the JSON text already made for storing: cloning strings is cheap, object graphs are not.
  if (read.ok && read.parsed.ok) read.parsed.parse.items = [];
  parentPort!.postMessage({ id, read });
});
