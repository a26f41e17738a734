import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasRole } from '../../../accounts/index.js';
import { isMenuName, menuState, setMenu, type MenuName } from '../../../content/index.js';
import { DatelineError } from '../../../shared/index.js';
import type { Identity } from '../../auth/auth.js';
import { commandContext, type NewsroomDeps } from '../../context.js';
import { menuPut } from '../schemas.js';
import { parseBody } from '../validate.js';

/** The menu a path names (404 for any other). */
export function menuName(raw: string): MenuName {
  if (!isMenuName(raw)) throw new DatelineError('NOT_FOUND', 'the menus are "header" and "footer"');
  return raw;
}

/** GET/PUT /menus/{header|footer}: the site's menus, the admins' to arrange. */
export function menuRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = commandContext(deps);
  // Checked before the body is read: a contributor learns nothing from a 400.
  const admin = async (req: FastifyRequest) => {
    const me = await who(req);
    if (!hasRole(me.actor, 'admin')) throw new DatelineError('FORBIDDEN', 'only an admin may change the menus');
    return me;
  };

  app.get<{ Params: { name: string } }>('/menus/:name', async (req) => {
    await admin(req);
    return menuState(deps.store.content, menuName(req.params.name));
  });

  app.put<{ Params: { name: string } }>('/menus/:name', async (req) => {
    const me = await admin(req);
    const name = menuName(req.params.name);
    return setMenu(ctx, me.actor, name, parseBody(menuPut, req.body).items);
  });
}
