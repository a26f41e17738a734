import { addUser, createApiToken } from '../../accounts/index.js';
import { openWorkspace, UsageError, type CliCommand } from '../command.js';

/** Reads the password from standard input (first line), for scripts and `--password-stdin`. */
async function readStdinLine(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) {
    data += chunk;
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0] ?? '';
}

/** Asks for the password on the terminal without echoing it. */
async function askPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('no terminal to ask for the password: use --password-stdin');
  process.stderr.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let password = '';
  return new Promise((resolve, reject) => {
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(password);
          return;
        }
        if (ch === '\u0003') {
          process.stdin.setRawMode(false);
          reject(new UsageError('cancelled'));
          return;
        }
        password = ch === '\u007f' ? password.slice(0, -1) : password + ch;
      }
    };
    process.stdin.on('data', onData);
  });
}

export const userCommand: CliCommand = {
  name: 'user',
  summary: 'add newsroom accounts or list them',
  usage: 'dateline user add --email E --role contributor|editor|admin [--name N] [--password-stdin] | dateline user list',
  help: [
    'Roles: contributor (writes and submits own drafts), editor (edits, publishes, unpublishes and',
    'corrects any story, manages sections and topics), admin (also manages users and API tokens).',
    '',
    'The password is asked for on the terminal, or read from standard input with --password-stdin',
    '(at least 10 characters). Passwords are stored as scrypt hashes.',
  ].join('\n'),
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const action = positionals[0];
    if (action !== 'add' && action !== 'list') throw new UsageError('say "add" or "list"');
    if (action === 'add' && (typeof values.email !== 'string' || typeof values.role !== 'string')) {
      throw new UsageError('--email and --role are required');
    }
    const password = action === 'add'
      ? values['password-stdin'] ? await readStdinLine() : await askPassword('Password: ')
      : '';
    const ws = await openWorkspace(io.env);
    try {
      if (action === 'list') {
        for (const u of await ws.store.accounts.users()) io.out(`${u.email}\t${u.role}\t${u.name}`);
        return 0;
      }
      const user = await addUser({ accounts: ws.store.accounts, audit: ws.store.audit, now: () => new Date() },
        { email: values.email as string, role: values.role as string, name: values.name as string | undefined, password }, 'cli');
      io.out(`added ${user.role} ${user.email}`);
      return 0;
    } finally {
      await ws.close();
    }
  },
};

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'create an API token for a user',
  usage: 'dateline token create --email E [--label TEXT]',
  help: 'Prints a bearer token for the API (Authorization: Bearer TOKEN) alone on its last line.\nOnly its hash is stored: keep it, it cannot be shown again.',
  options: { email: { type: 'string' }, label: { type: 'string' } },
  async run({ values, positionals }, io) {
    if (positionals[0] !== 'create') throw new UsageError('say "create"');
    if (typeof values.email !== 'string') throw new UsageError('--email is required');
    const ws = await openWorkspace(io.env);
    try {
      const token = await createApiToken({ accounts: ws.store.accounts, audit: ws.store.audit, now: () => new Date() },
        values.email, typeof values.label === 'string' ? values.label : '', 'cli');
      io.out(`token for ${values.email.toLowerCase()} (shown once):`);
      io.out(token);
      return 0;
    } finally {
      await ws.close();
    }
  },
};
