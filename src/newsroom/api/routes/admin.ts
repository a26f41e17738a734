import type { FastifyInstance, FastifyRequest } from 'fastify';
import { disableUser, enableUser, hasRole, removeUser } from '../../../accounts/index.js';
import { DatelineError, parseQuery } from '../../../shared/index.js';
import { auditQuery } from '../../queries.js';
import type { Identity } from '../../auth/auth.js';
import type { NewsroomDeps } from '../../context.js';
import { changeRole } from '../../users.js';
import { addSection, editSection } from '../../../content/index.js';
import { accountContext, commandContext } from '../../context.js';
import { userJson } from '../present.js';
import { roleChange, sectionCreate, sectionPatch } from '../schemas.js';
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

  const ctx = commandContext(deps);
  const sectionJson = (s: { id: number; slug: string; name: string; description: string; parentId: number | null; position: number }) =>
    ({ id: s.id, slug: s.slug, name: s.name, description: s.description, parentId: s.parentId, position: s.position });

  app.post('/sections', async (req, reply) => {
    const me = await who(req);
    const b = parseBody(sectionCreate, req.body);
    const s = await addSection(ctx, me.actor, { name: b.name, slug: b.slug || undefined, parentSlug: b.parent ?? null, description: b.description, position: b.position });
    return reply.code(201).send(sectionJson(s));
  });

  app.patch<{ Params: { slug: string } }>('/sections/:slug', async (req) => {
    const me = await who(req);
    return sectionJson(await editSection(ctx, me.actor, req.params.slug, parseBody(sectionPatch, req.body)));
  });

  app.get('/users', async (req) => {
    await admin(req);
    return (await deps.store.accounts.users()).map(userJson);
  });

  // Cutting access off: a disabled account's sessions and tokens stop at once; a removed one is gone.
  const accounts = accountContext(deps);
  app.post<{ Params: { id: string } }>('/users/:id/disable', async (req) => {
    const me = await admin(req);
    const r = await disableUser(accounts, me.actor, idParam(req.params.id, 'user'));
    return { ...userJson(r.user), sessionsEnded: r.sessions, tokensRevoked: r.tokens };
  });

  app.post<{ Params: { id: string } }>('/users/:id/enable', async (req) => {
    const me = await admin(req);
    return userJson(await enableUser(accounts, me.actor, idParam(req.params.id, 'user')));
  });

  app.delete<{ Params: { id: string } }>('/users/:id', async (req, reply) => {
    const me = await admin(req);
    await removeUser(accounts, me.actor, idParam(req.params.id, 'user'));
    return reply.code(204).send();
  });

  app.patch<{ Params: { id: string } }>('/users/:id', async (req) => {
    const me = await admin(req);
    const { role } = parseBody(roleChange, req.body);
    const u = await changeRole(deps, me.actor, idParam(req.params.id, 'user'), role);
    return { id: u.id, email: u.email, name: u.name, role: u.role };
  });

  app.get('/audit', async (req) => {
    await admin(req);
    const { page: number, action } = parseQuery(auditQuery, req.query);
    const page = await deps.store.audit.list({ page: number, pageSize: 100, action: action || undefined });
    return { items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })), total: page.total, page: page.page };
  });
}
