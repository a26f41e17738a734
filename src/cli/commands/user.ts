import { addUser, disableUser, enableUser, removeUser, systemActor, userWithEmail, type AccountContext } from '../../accounts/index.js';
import { openWorkspace, UsageError, type CliCommand, type Workspace } from '../command.js';

/** The account commands' context for a CLI run (which acts as systemActor('cli')). */
export const accountContext = (ws: Workspace): AccountContext =>
  ({ accounts: ws.store.accounts, audit: ws.store.audit, now: () => new Date(), tokenDays: ws.config.apiTokenDays });

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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
  summary: 'add, list, disable, enable or remove newsroom accounts',
  usage: 'dateline user add --email E --role contributor|editor|admin [--name N] [--password-stdin] | list | disable --email E | enable --email E | remove --email E',
  help: [
    'Roles: contributor (writes and submits own drafts), editor (edits, publishes, unpublishes and',
    'corrects any story, manages sections and topics), admin (also manages users and API tokens).',
    '',
    'The password is asked for on the terminal, or read from standard input with --password-stdin',
    '(at least 10 characters). Passwords are stored as scrypt hashes.',
    '',
    '  list      one line per account: email, role, name, and "disabled" for a disabled one',
    '  disable   the account can no longer sign in: its sessions end and its API tokens are',
    '            revoked at once',
    '  enable    lets a disabled account sign in again (its old tokens stay revoked)',
    '  remove    deletes the account, its sessions and tokens; its stories stay on the site, and',
    '            the audit log keeps its email in the entries of what it did',
    '',
    'The last enabled admin cannot be disabled or removed.',
  ].join('\n'),
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const [action, ...rest] = positionals;
    if (rest.length) throw new UsageError(`unexpected ${rest.join(' ')}`);
    if (!['add', 'list', 'disable', 'enable', 'remove'].includes(action ?? '')) throw new UsageError('say add, list, disable, enable or remove');
    if (action === 'add' && (typeof values.email !== 'string' || typeof values.role !== 'string')) {
      throw new UsageError('--email and --role are required');
    }
    if (action !== 'list' && typeof values.email !== 'string') throw new UsageError('--email is required');
    const password = action === 'add'
      ? values['password-stdin'] ? await readStdinLine() : await askPassword('Password: ')
      : '';
    const ws = await openWorkspace(io.env);
    try {
      const ctx = accountContext(ws);
      const cli = systemActor('cli');
      switch (action) {
        case 'list':
          for (const u of await ws.store.accounts.users()) io.out(`${u.email}\t${u.role}\t${u.name}${u.disabled ? '\tdisabled' : ''}`);
          return 0;
        case 'disable': {
          const r = await disableUser(ctx, cli, (await userWithEmail(ctx, values.email as string)).id);
          io.out(`disabled ${r.user.email} (${plural(r.sessions, 'session')} ended, ${plural(r.tokens, 'token')} revoked)`);
          return 0;
        }
        case 'enable': {
          const user = await enableUser(ctx, cli, (await userWithEmail(ctx, values.email as string)).id);
          io.out(`enabled ${user.email}`);
          return 0;
        }
        case 'remove': {
          const r = await removeUser(ctx, cli, (await userWithEmail(ctx, values.email as string)).id);
          io.out(`removed ${r.user.email} (${plural(r.stories, 'story', 'stories')} kept)`);
          return 0;
        }
        default: {
          const user = await addUser(ctx, { email: values.email as string, role: values.role as string, name: values.name as string | undefined, password }, 'cli');
          io.out(`added ${user.role} ${user.email}`);
          return 0;
        }
      }
    } finally {
      await ws.close();
    }
  },
};
