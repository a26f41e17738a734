import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasRole } from '../../accounts/index.js';
import {
  articleStatuses, bodyFromHtml, changePageStatus, createPage, deletePage, mayEdit, restorePageRevision, updatePage,
  type ArticleStatus, type StaticPage,
} from '../../content/index.js';
import { DatelineError, isDatelineError, parseQuery } from '../../shared/index.js';
import { sendPage, staticPage } from '../../site/index.js';
import { readablePage } from '../api/routes/pages.js';
import type { Identity } from '../auth/auth.js';
import { commandContext, type NewsroomDeps } from '../context.js';
import { storyListQuery } from '../queries.js';
import { baseModifiedAt, field, zonedTime, type FormBody } from './forms.js';
import { flashFrom, redirectWithOutcome, withFlash, type Flash } from './flash.js';
import { pageEditorPage, pageListPage, pageRevisionDiffPage, pageRevisionListPage, type PageEditorInput } from './pages/page-editor.js';

/** The newsroom's static pages: list, editor, workflow, preview and revisions, on the same commands as the API. */
export function pageUiRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = commandContext(deps);
  const { settings } = deps;
  const idOf = (raw: string) => {
    if (!/^\d{1,12}$/.test(raw)) throw new DatelineError('NOT_FOUND', 'no such page');
    return Number(raw);
  };
  const draftFrom = (b: FormBody) => ({ title: field(b, 'title'), slug: field(b, 'slug').trim(), body: bodyFromHtml(field(b, 'bodyHtml')) });
  const editor = (reply: FastifyReply, me: Identity, page: StaticPage | null, draft: PageEditorInput['draft'], flash: Flash | null, errorField?: string, status = 200) =>
    sendPage(reply, pageEditorPage({ settings, user: me.actor.user, actor: me.actor, csrf: me.csrfToken ?? '', page, draft, flash, errorField }), status);

  /** Saving refused (a taken address, a newer copy saved elsewhere): the form comes back with what was typed, and why. */
  const refused = (e: unknown, reply: FastifyReply, me: Identity, page: StaticPage | null, draft: PageEditorInput['draft']) => {
    if (!isDatelineError(e) || ![400, 403, 409, 413].includes(e.status)) throw e;
    const at = e.field === 'baseModifiedAt' ? undefined : e.field;
    return editor(reply, me, page, draft, { kind: 'error', text: `Not saved: ${at ? `${at}: ` : ''}${e.message}` }, at, e.status);
  };

  app.get('/pages', async (req, reply) => {
    const me = await who(req);
    const { page: number, status, q } = parseQuery(storyListQuery, req.query);
    const page = await deps.store.content.newsroomPages({
      page: number, pageSize: 100, status: status || undefined, text: q || undefined,
      createdBy: hasRole(me.actor, 'editor') ? undefined : me.actor.user.id,
    });
    return sendPage(reply, pageListPage({ settings, user: me.actor.user, csrf: me.csrfToken ?? '', page, flash: flashFrom(req.query) }));
  });

  app.get('/pages/new', async (req, reply) => editor(reply, await who(req), null, { title: '', slug: '', body: { type: 'doc', content: [] } }, null));

  app.post('/pages', async (req, reply) => {
    const me = await who(req);
    const draft = draftFrom(req.body as FormBody);
    try {
      const page = await createPage(ctx, me.actor, { ...draft, slug: draft.slug || undefined });
      return reply.redirect(withFlash(`/newsroom/pages/${page.id}`, 'ok', 'Saved'), 303);
    } catch (e) {
      return refused(e, reply, me, null, draft);
    }
  });

  app.get<{ Params: { id: string } }>('/pages/:id', async (req, reply) => {
    const me = await who(req);
    const page = await readablePage(deps, me, idOf(req.params.id));
    return editor(reply, me, page, page, flashFrom(req.query));
  });

  app.post<{ Params: { id: string } }>('/pages/:id', async (req, reply) => {
    const me = await who(req);
    const page = await readablePage(deps, me, idOf(req.params.id));
    const draft = draftFrom(req.body as FormBody);
    try {
      await updatePage(ctx, me.actor, page.id, { ...draft, slug: draft.slug || page.slug }, 'newsroom', baseModifiedAt(req.body as FormBody));
      return reply.redirect(withFlash(`/newsroom/pages/${page.id}`, 'ok', 'Saved'), 303);
    } catch (e) {
      return refused(e, reply, me, page, draft);
    }
  });

  app.post<{ Params: { id: string } }>('/pages/:id/status', async (req, reply) => {
    const me = await who(req);
    const page = await readablePage(deps, me, idOf(req.params.id));
    const body = req.body as FormBody;
    const to = field(body, 'status') as ArticleStatus;
    return redirectWithOutcome(reply, `/newsroom/pages/${page.id}`, async () => {
      if (!articleStatuses.includes(to)) throw new DatelineError('INVALID_INPUT', 'unknown status', { field: 'status' });
      const moved = await changePageStatus(ctx, me.actor, page.id, to, to === 'scheduled' ? zonedTime(field(body, 'at'), settings.timeZone) : null);
      return `Now ${moved.status.replace('_', ' ')}`;
    });
  });

  app.post<{ Params: { id: string } }>('/pages/:id/delete', async (req, reply) => {
    const me = await who(req);
    const page = await readablePage(deps, me, idOf(req.params.id));
    try {
      await deletePage(ctx, me.actor, page.id);
      return reply.redirect(withFlash('/newsroom/pages', 'ok', `Deleted “${page.title}”`), 303);
    } catch (e) {
      if (!isDatelineError(e) || e.status === 401) throw e;
      return reply.redirect(withFlash(`/newsroom/pages/${page.id}`, 'error', e.message), 303);
    }
  });

  app.get<{ Params: { id: string } }>('/pages/:id/preview', async (req, reply) => {
    const me = await who(req);
    const page = await readablePage(deps, me, idOf(req.params.id));
    return sendPage(reply, staticPage({ page, nav: await deps.store.content.navigation(), settings, preview: true }));
  });

  app.get<{ Params: { id: string } }>('/pages/:id/revisions', async (req, reply) => {
    const me = await who(req);
    const page = await readablePage(deps, me, idOf(req.params.id));
    const revisions = await deps.store.content.pageRevisions(page.id);
    return sendPage(reply, pageRevisionListPage({ settings, user: me.actor.user, csrf: me.csrfToken ?? '', page, revisions }));
  });

  app.get<{ Params: { id: string; rid: string } }>('/pages/:id/revisions/:rid', async (req, reply) => {
    const me = await who(req);
    const page = await readablePage(deps, me, idOf(req.params.id));
    const revision = (await deps.store.content.pageRevisions(page.id)).find((r) => r.id === Number(req.params.rid));
    if (!revision) throw new DatelineError('NOT_FOUND', 'no such revision');
    return sendPage(reply, pageRevisionDiffPage({ settings, user: me.actor.user, csrf: me.csrfToken ?? '', page, revision, mayRestore: mayEdit(me.actor, page) }));
  });

  app.post<{ Params: { id: string; rid: string } }>('/pages/:id/revisions/:rid/restore', async (req, reply) => {
    const me = await who(req);
    const page = await readablePage(deps, me, idOf(req.params.id));
    await restorePageRevision(ctx, me.actor, page.id, idOf(req.params.rid));
    return reply.redirect(withFlash(`/newsroom/pages/${page.id}`, 'ok', 'Revision restored'), 303);
  });
}
