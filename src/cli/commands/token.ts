import {
  createApiToken, listApiTokens, renewApiToken, revokeApiToken, systemActor, tokenDaysRange, tokenStatus, userWithEmail, type ApiToken,
} from '../../accounts/index.js';
import { openWorkspace, UsageError, type CliCommand } from '../command.js';
import { accountContext } from './user.js';

const actions = ['create', 'list', 'revoke', 'renew'];

function days(raw: string | boolean | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' && /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= tokenDaysRange.min && n <= tokenDaysRange.max)) throw new UsageError(`--days must be a whole number of days from ${tokenDaysRange.min} to ${tokenDaysRange.max}`);
  return n;
}

const when = (d: Date | null) => (d ? d.toISOString() : '-');

/** One token as a line of `token list`: id, email, label, created, expires, last used, status. */
const line = (t: ApiToken, now: Date) =>
  [t.id, t.email, t.label.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ') || '-', when(t.createdAt), when(t.expiresAt), when(t.lastUsedAt), tokenStatus(t, now)].join('\t');

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'create, list, revoke or renew API tokens',
  usage: 'dateline token create --email E [--label TEXT] [--days N] | list [--email E] | revoke ID | renew ID [--days N]',
  help: [
    '  create   prints a bearer token for the API (Authorization: Bearer TOKEN) alone on its last',
    '           line. Only its hash is stored: keep it, it cannot be shown again. It expires after',
    '           --days N days (default API_TOKEN_DAYS, 90).',
    '  list     one line per token, newest first, tab-separated: id, email, label, created,',
    '           expires, last used ("-" for never), status (active, expired or revoked)',
    '  revoke   the token answers 401 from its next request, for good',
    '  renew    the token expires --days N days from now (default API_TOKEN_DAYS); an expired',
    '           token works again, a revoked one cannot be renewed',
  ].join('\n'),
  options: { email: { type: 'string' }, label: { type: 'string' }, days: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [action, id, ...rest] = positionals;
    if (!actions.includes(action ?? '')) throw new UsageError('say create, list, revoke or renew');
    if (rest.length || ((action === 'create' || action === 'list') && id)) throw new UsageError(`unexpected ${[id, ...rest].filter(Boolean).join(' ')}`);
    if (action === 'create' && typeof values.email !== 'string') throw new UsageError('--email is required');
    if ((action === 'revoke' || action === 'renew') && !/^\d{1,12}$/.test(id ?? '')) throw new UsageError(`${action} needs the token's ID (see dateline token list)`);
    const lifetime = days(values.days);
    const ws = await openWorkspace(io.env);
    try {
      const ctx = accountContext(ws);
      const cli = systemActor('cli');
      switch (action) {
        case 'create': {
          const user = await userWithEmail(ctx, values.email as string);
          const { token, secret } = await createApiToken(ctx, cli, { userId: user.id, label: values.label as string | undefined, days: lifetime });
          io.out(`token ${token.id} for ${user.email}, expires ${token.expiresAt.toISOString()} (shown once):`);
          io.out(secret);
          return 0;
        }
        case 'list': {
          const userId = typeof values.email === 'string' ? (await userWithEmail(ctx, values.email)).id : undefined;
          const now = ctx.now();
          for (const t of await listApiTokens(ctx, cli, { userId })) io.out(line(t, now));
          return 0;
        }
        case 'revoke': {
          const { token, changed } = await revokeApiToken(ctx, cli, Number(id));
          io.out(changed ? `revoked token ${token.id} of ${token.email}` : `token ${token.id} of ${token.email} was revoked already`);
          return 0;
        }
        default: {
          const token = await renewApiToken(ctx, cli, Number(id), lifetime);
          io.out(`renewed token ${token.id} of ${token.email}: expires ${token.expiresAt.toISOString()}`);
          return 0;
        }
      }
    } finally {
      await ws.close();
    }
  },
};
