import type { FastifyInstance, FastifyRequest } from 'fastify';
import { disableUser, enableUser, removeUser, revokeApiToken } from '../../accounts/index.js';
import { DatelineError } from '../../shared/index.js';
import type { Identity } from '../auth/auth.js';
import { accountContext, type NewsroomDeps } from '../context.js';
import { redirectWithOutcome } from './flash.js';
import { field, type FormBody } from './forms.js';

function id(raw: string, what: 'user' | 'API token'): number {
  if (!/^\d{1,12}$/.test(raw)) throw new DatelineError('NOT_FOUND', `no such ${what}`);
  return Number(raw);
}

/**
 * The users page's forms that cut access off: disable, enable, remove (with a ticked box), revoke
 * a token. Each goes back to the users page saying what it did or why it could not.
 */
export function accessUiRoutes(app: FastifyInstance, deps: NewsroomDeps, admin: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = accountContext(deps);
  const back = (reply: Parameters<typeof redirectWithOutcome>[0], run: () => Promise<string>) =>
    redirectWithOutcome(reply, '/newsroom/users', run, [401, 403]);

  app.post<{ Params: { id: string } }>('/users/:id/disable', async (req, reply) => {
    const me = await admin(req);
    return back(reply, async () => {
      const r = await disableUser(ctx, me.actor, id(req.params.id, 'user'));
      return `${r.user.email} is disabled: ${r.sessions} session(s) ended, ${r.tokens} token(s) revoked`;
    });
  });

  app.post<{ Params: { id: string } }>('/users/:id/enable', async (req, reply) => {
    const me = await admin(req);
    return back(reply, async () => `${(await enableUser(ctx, me.actor, id(req.params.id, 'user'))).email} may sign in again`);
  });

  app.post<{ Params: { id: string } }>('/users/:id/remove', async (req, reply) => {
    const me = await admin(req);
    return back(reply, async () => {
      if (field(req.body as FormBody, 'confirm') !== 'yes') throw new DatelineError('INVALID_INPUT', 'tick the box to confirm the removal');
      const r = await removeUser(ctx, me.actor, id(req.params.id, 'user'));
      return `${r.user.email} is removed; their ${r.stories} stor${r.stories === 1 ? 'y stays' : 'ies stay'}`;
    });
  });

  app.post<{ Params: { id: string } }>('/tokens/:id/revoke', async (req, reply) => {
    const me = await admin(req);
    return back(reply, async () => {
      const { token, changed } = await revokeApiToken(ctx, me.actor, id(req.params.id, 'API token'));
      return changed ? `Token #${token.id} of ${token.email} is revoked` : `Token #${token.id} was revoked already`;
    });
  });
}
