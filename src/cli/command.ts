import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config/index.js';
import { localMediaStorage, type MediaStorage } from '../media/index.js';
import { reindexAll } from '../content/index.js';
import { openStore, type Store } from '../store/index.js';

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Lines after the usage in `--help`. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: CliIO): Promise<number>;
}

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

/** A wrong invocation: printed as one line with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parse(command: CliCommand, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export interface Workspace {
  config: Config;
  store: Store;
  media: MediaStorage;
  close(): Promise<void>;
}

/** Opens the configured data folder, migrating it first so every command sees a current schema. */
export async function openWorkspace(env: NodeJS.ProcessEnv): Promise<Workspace> {
  const config = loadConfig(env);
  const store = openStore(config.database);
  await store.migrate();
  // A database from before search (or a crashed rebuild) gets its index back before anything runs.
  if (await store.searchIndexBehind()) await reindexAll(store.content, () => {});
  return { config, store, media: localMediaStorage(config.mediaDir), close: () => store.close() };
}
