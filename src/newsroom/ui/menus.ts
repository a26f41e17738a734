import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { menuNames, menuState, setMenu, type MenuName } from '../../content/index.js';
import { DatelineError, isDatelineError } from '../../shared/index.js';
import { sendPage } from '../../site/index.js';
import { menuName } from '../api/routes/menus.js';
import type { Identity } from '../auth/auth.js';
import { commandContext, type NewsroomDeps } from '../context.js';
import { flashFrom, withFlash, type Flash } from './flash.js';
import type { FormBody } from './forms.js';
import { applyOp, draftMenuFromForm, draftFromMenu, menuFromDraft, opFromForm, rowOfField } from './menu-form.js';
import { menusPage, type MenuChoices, type MenuEditor } from './pages/menus.js';

/** Topics offered in the editor's select: the most used (a big site has thousands). */
const topicChoices = 200;

/**
 * /newsroom/menus (admins): both menus as forms. A button other than Save comes back with the
 * menu changed but not saved; Save runs setMenu, as the API does, and a refusal comes back
 * beside the row it names, with what was typed.
 */
export function menuUiRoutes(app: FastifyInstance, deps: NewsroomDeps, admin: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = commandContext(deps);

  const choices = async (): Promise<MenuChoices> => {
    const [sections, pages, topics] = await Promise.all([
      deps.store.content.sectionTree(),
      deps.store.content.newsroomPages({ page: 1, pageSize: 200 }),
      deps.store.content.topicsWithCounts(),
    ]);
    return {
      sections,
      pages: pages.items.map((p) => ({ id: p.id, title: p.title, status: p.status })),
      topics: [...topics].sort((a, b) => b.stories - a.stories).slice(0, topicChoices).sort((a, b) => a.name.localeCompare(b.name)),
    };
  };

  const saved = async (name: MenuName): Promise<MenuEditor> => {
    const state = await menuState(deps.store.content, name);
    return { name, saved: state.saved, items: draftFromMenu(state.items) };
  };

  /** Both menus: the one being edited as the form left it, the other as saved. */
  const page = async (reply: FastifyReply, me: Identity, editing: MenuEditor | null, flash: Flash | null, status = 200) => {
    const menus = await Promise.all(menuNames.map((n) => (editing?.name === n ? editing : saved(n))));
    return sendPage(reply, menusPage({ settings: deps.settings, user: me.actor.user, csrf: me.csrfToken ?? '', flash, choices: await choices(), menus }), status);
  };

  app.get('/menus', async (req, reply) => page(reply, await admin(req), null, flashFrom(req.query)));

  app.post<{ Params: { name: string } }>('/menus/:name', async (req, reply) => {
    const me = await admin(req);
    const name = menuName(req.params.name);
    const body = req.body as FormBody;
    const items = draftMenuFromForm(body);
    const op = opFromForm(body);
    if (!op) throw new DatelineError('INVALID_INPUT', 'that button does not exist');
    const wasSaved = (await menuState(deps.store.content, name)).saved;
    if (op.kind !== 'save') {
      const changed = applyOp(items, op);
      return page(reply, me, { name, saved: wasSaved, items: changed.items, focus: changed.focus }, null);
    }
    try {
      const state = await setMenu(ctx, me.actor, name, menuFromDraft(items));
      const what = name === 'header' ? 'Header menu' : 'Footer menu';
      return reply.redirect(withFlash('/newsroom/menus', 'ok', state.saved ? `${what} saved` : `${what} saved: readers get the default`), 303);
    } catch (e) {
      if (!isDatelineError(e) || e.status !== 400) throw e;
      const error = { at: rowOfField(e.field), field: e.field ?? '', message: e.message };
      return page(reply, me, { name, saved: wasSaved, items, error }, { kind: 'error', text: `Not saved: ${e.message}` }, 400);
    }
  });
}
