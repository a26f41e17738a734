import { createRequire } from 'node:module';
import { ConfigError } from '../config/index.js';
import { isDatelineError } from '../shared/index.js';
import { parse, UsageError, type CliCommand, type CliIO } from './command.js';
import { demoCommand } from './commands/demo.js';
import { generateCommand } from './commands/generate.js';
import { importCommand } from './commands/import.js';
import { migrateCommand } from './commands/migrate.js';
import { sectionCommand } from './commands/section.js';
import { reindexCommand } from './commands/reindex.js';
import { exportCommand, importSiteCommand } from './commands/site-transfer.js';
import { serveCommand } from './commands/serve.js';
import { sourceCommand } from './commands/source.js';
import { tokenCommand } from './commands/token.js';
import { userCommand } from './commands/user.js';

const commands: CliCommand[] = [serveCommand, migrateCommand, importCommand, sourceCommand, sectionCommand, userCommand, tokenCommand, reindexCommand, exportCommand, importSiteCommand, demoCommand, generateCommand];

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Dateline: newsroom CMS, wire ingest and public news site.',
    '',
    'Usage: dateline <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `dateline <command> --help` for a command\'s options.',
    'Settings come from the environment: PORT, HOST, DATELINE_DATA, DATABASE_URL, SITE_URL, SITE_NAME (see README).',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code: 0 done, 1 failed, 2 wrong usage. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(createRequire(import.meta.url)('../../package.json').version as string);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`dateline: unknown command "${name}" (try dateline --help)`);
    return 2;
  }
  try {
    const args = parse(command, rest);
    if (args.values.help) {
      io.out(`Usage: ${command.usage}\n\n${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.\n\n${command.help}`);
      return 0;
    }
    return await command.run(args as Parameters<CliCommand['run']>[0], io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`dateline ${name}: ${e.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (isDatelineError(e) || e instanceof ConfigError) {
      io.err(`dateline ${name}: ${e.message.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')}`);
      return 1;
    }
    // One line for people; the stack only when asked for (LOG_LEVEL=debug).
    const detail = io.env.LOG_LEVEL === 'debug' || io.env.LOG_LEVEL === 'trace' ? `\n${(e as Error).stack}` : '';
    io.err(`dateline ${name}: unexpected error: ${(e as Error).message ?? String(e)}${detail}`);
    return 1;
  }
}
