import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Identity } from '../../auth/auth.js';
import type { NewsroomDeps } from '../../context.js';
import { sessionCreate } from '../schemas.js';
import { parseBody } from '../validate.js';

export function sessionRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  app.post('/session', async (req, reply) => {
    const body = parseBody(sessionCreate, req.body);
    const { user, csrfToken } = await deps.auth.signIn(req, reply, body.email, body.password);
    return reply.code(201).send({ user: { id: user.id, email: user.email, name: user.name, role: user.role }, csrfToken });
  });

  app.get('/session', async (req) => {
    const me = await who(req);
    const u = me.actor.user;
    return { user: { id: u.id, email: u.email, name: u.name, role: u.role }, csrfToken: me.csrfToken };
  });

  app.delete('/session', async (req, reply) => {
    await who(req);
    await deps.auth.signOut(req, reply);
    return reply.code(204).send();
  });
}
