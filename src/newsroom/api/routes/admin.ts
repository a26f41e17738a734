import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasRole } from '../../../accounts/index.js';
import { DatelineError } from '../../../shared/index.js';
import type { Identity } from '../../auth/auth.js';
import type { NewsroomDeps } from '../../context.js';
import { changeRole } from '../../users.js';
import { roleChange } from '../schemas.js';
import { idParam, parseBody } from '../validate.js';

/** Look-ups every signed-in user needs, and the admin's users and audit log. */
export function adminRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const admin = async (req: FastifyRequest) => {
    const me = await who(req);
    if (!hasRole(me.actor, 'admin')) throw new DatelineError('FORBIDDEN', 'only an admin may do that');
    return me;
  };

  app.get('/sections', async (req) => {
    await who(req);
    return (await deps.store.content.sections()).map((s) => ({ slug: s.slug, name: s.name, parentId: s.parentId, id: s.id }));
  });

  app.get<{ Querystring: { q?: string } }>('/topics', async (req) => {
    await who(req);
    return (await deps.store.content.topicNames(req.query.q ?? '', 20));
  });

  app.get('/users', async (req) => {
    await admin(req);
    return (await deps.store.accounts.users()).map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled }));
  });

  app.patch<{ Params: { id: string } }>('/users/:id', async (req) => {
    const me = await admin(req);
    const { role } = parseBody(roleChange, req.body);
    const u = await changeRole(deps, me.actor, idParam(req.params.id, 'user'), role);
    return { id: u.id, email: u.email, name: u.name, role: u.role };
  });

  app.get<{ Querystring: { page?: string; action?: string } }>('/audit', async (req) => {
    await admin(req);
    const page = await deps.store.audit.list({ page: Math.max(1, Number(req.query.page) || 1), pageSize: 100, action: req.query.action });
    return { items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })), total: page.total, page: page.page };
  });
}
