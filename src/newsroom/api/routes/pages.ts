import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasRole } from '../../../accounts/index.js';
import {
  bodyFromHtml, createPage, deletePage, restorePageRevision, updatePage, type PageInput, type PageMove, type StaticPage,
} from '../../../content/index.js';
import { DatelineError, parseQuery } from '../../../shared/index.js';
import type { Identity } from '../../auth/auth.js';
import { commandContext, type NewsroomDeps } from '../../context.js';
import { storyListQuery } from '../../queries.js';
import { pageJson } from '../present.js';
import { pageCreate, pagePatch } from '../schemas.js';
import { idParam, parseBody } from '../validate.js';

/** The page, if this person may see it in the newsroom (contributors see their own, as with stories). */
export async function readablePage(deps: NewsroomDeps, me: Identity, id: number): Promise<StaticPage> {
  const page = await deps.store.content.storedPage(id);
  if (!page) throw new DatelineError('NOT_FOUND', `no page with id ${id}`);
  if (!hasRole(me.actor, 'editor') && page.createdBy !== me.actor.user.id) throw new DatelineError('FORBIDDEN', 'this page is not yours');
  return page;
}

/** API fields -> the command's (only those present), and the move asked for with them. */
function pageFromApi(body: { title?: string; slug?: string; bodyHtml?: string; status?: PageMove['status']; at?: string }) {
  const input: Partial<PageInput> = {};
  if (body.title !== undefined) input.title = body.title;
  if (body.slug !== undefined && body.slug !== '') input.slug = body.slug;
  if (body.bodyHtml !== undefined) input.body = bodyFromHtml(body.bodyHtml);
  const move: PageMove | undefined = body.status ? { status: body.status, at: body.at ? new Date(body.at) : null } : undefined;
  return { input, move };
}

export function pageRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = commandContext(deps);

  async function readable(req: FastifyRequest, id: number) {
    const me = await who(req);
    return { page: await readablePage(deps, me, id), me };
  }

  app.get('/pages', async (req) => {
    const me = await who(req);
    const { page, status, q } = parseQuery(storyListQuery, req.query);
    const list = await deps.store.content.newsroomPages({
      page, pageSize: 50, status: status || undefined, text: q || undefined,
      createdBy: hasRole(me.actor, 'editor') ? undefined : me.actor.user.id,
    });
    return { items: list.items.map((p) => pageJson(p, me.actor)), total: list.total, page: list.page };
  });

  app.post('/pages', async (req, reply) => {
    const me = await who(req);
    const { input, move } = pageFromApi(parseBody(pageCreate, req.body));
    const page = await createPage(ctx, me.actor, { title: input.title!, slug: input.slug, body: input.body ?? { type: 'doc', content: [] } }, 'api', move);
    return reply.code(201).send(pageJson(page, me.actor));
  });

  app.get<{ Params: { id: string } }>('/pages/:id', async (req) => {
    const { page, me } = await readable(req, idParam(req.params.id));
    return pageJson(page, me.actor);
  });

  app.patch<{ Params: { id: string } }>('/pages/:id', async (req) => {
    const { page, me } = await readable(req, idParam(req.params.id));
    const body = parseBody(pagePatch, req.body);
    const { input, move } = pageFromApi(body);
    const base = body.baseModifiedAt ? new Date(body.baseModifiedAt) : undefined;
    return pageJson(await updatePage(ctx, me.actor, page.id, input, 'api', base, move), me.actor);
  });

  app.delete<{ Params: { id: string } }>('/pages/:id', async (req, reply) => {
    const { page, me } = await readable(req, idParam(req.params.id));
    await deletePage(ctx, me.actor, page.id);
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>('/pages/:id/revisions', async (req) => {
    const { page } = await readable(req, idParam(req.params.id));
    return (await deps.store.content.pageRevisions(page.id)).map((r) => ({
      id: r.id, createdAt: r.createdAt.toISOString(), by: r.by, userId: r.userId, source: r.source, changed: r.changed, title: r.snapshot.title,
    }));
  });

  app.post<{ Params: { id: string; rid: string } }>('/pages/:id/revisions/:rid/restore', async (req) => {
    const { page, me } = await readable(req, idParam(req.params.id));
    return pageJson(await restorePageRevision(ctx, me.actor, page.id, idParam(req.params.rid, 'revision')), me.actor);
  });
}
