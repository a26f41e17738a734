import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createApiToken, listApiTokens, renewApiToken, revokeApiToken } from '../../../accounts/index.js';
import { DatelineError } from '../../../shared/index.js';
import type { Identity } from '../../auth/auth.js';
import { accountContext, type NewsroomDeps } from '../../context.js';
import { tokenJson } from '../present.js';
import { tokenCreate, tokenRenew } from '../schemas.js';
import { idParam, parseBody } from '../validate.js';

/** API tokens: everyone manages their own, admins everyone's (the commands decide who may). */
export function tokenRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = accountContext(deps);

  /**
   * Making a token or pushing its expiry out takes a password sign-in: were a token allowed to
   * do it, a stolen one could keep itself (or a successor) alive for ever. Revoking needs only
   * the token: cutting access off is always allowed.
   */
  const signedIn = async (req: FastifyRequest) => {
    const me = await who(req);
    if (me.via !== 'session') throw new DatelineError('FORBIDDEN', 'sign in with your password to create or renew API tokens: a token cannot');
    return me;
  };

  app.get<{ Querystring: { user?: string } }>('/tokens', async (req) => {
    const me = await who(req);
    const raw = req.query.user;
    if (raw !== undefined && !/^\d{1,12}$/.test(raw)) throw new DatelineError('INVALID_INPUT', 'user must be a user id', { field: 'user' });
    const tokens = await listApiTokens(ctx, me.actor, { userId: raw === undefined ? undefined : Number(raw) });
    return tokens.map((t) => tokenJson(t, deps.now()));
  });

  app.post('/tokens', async (req, reply) => {
    const me = await signedIn(req);
    const b = parseBody(tokenCreate, req.body);
    const { token, secret } = await createApiToken(ctx, me.actor, { userId: me.actor.user.id, label: b.label, days: b.days });
    return reply.code(201).send({ ...tokenJson(token, deps.now()), token: secret });
  });

  app.delete<{ Params: { id: string } }>('/tokens/:id', async (req) => {
    const me = await who(req);
    const { token } = await revokeApiToken(ctx, me.actor, idParam(req.params.id, 'API token'));
    return tokenJson(token, deps.now());
  });

  app.post<{ Params: { id: string } }>('/tokens/:id/renew', async (req) => {
    const me = await signedIn(req);
    const { days } = parseBody(tokenRenew, req.body);
    return tokenJson(await renewApiToken(ctx, me.actor, idParam(req.params.id, 'API token'), days), deps.now());
  });
}
