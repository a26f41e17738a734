import { checkEmbargo } from '../../../wire/index.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasRole } from '../../../accounts/index.js';
import {
  addCorrection, bodyFromHtml, changeStatus, createDraft, mayEdit, restoreRevision, setFollowUp, updateDraft, type Article, type DraftInput,
} from '../../../content/index.js';
import { DatelineError, parseQuery } from '../../../shared/index.js';
import { storyListQuery } from '../../queries.js';
import type { Identity } from '../../auth/auth.js';
import { commandContext, type NewsroomDeps } from '../../context.js';
import { articleJson, summaryJson } from '../present.js';
import { articleCreate, articlePatch, correctionCreate, followUp, statusChange, type ArticleCreate } from '../schemas.js';
import { idParam, parseBody } from '../validate.js';

/** API fields -> the command's draft fields (only the ones present). */
export function draftFromApi(body: Partial<ArticleCreate>, defaultLanguage: string): Partial<DraftInput> {
  const d: Partial<DraftInput> = {};
  if (body.headline !== undefined) d.headline = body.headline;
  if (body.standfirst !== undefined) d.standfirst = body.standfirst;
  if (body.section !== undefined) d.sectionSlug = body.section;
  if (body.bodyHtml !== undefined) d.body = bodyFromHtml(body.bodyHtml);
  if (body.topics !== undefined) d.topics = body.topics;
  if (body.people !== undefined) d.people = body.people;
  if (body.agency !== undefined) d.agency = body.agency;
  if (body.byline !== undefined) d.byline = body.byline;
  if (body.datelinePlace !== undefined) d.datelinePlace = body.datelinePlace;
  if (body.language !== undefined) d.language = body.language || defaultLanguage;
  if (body.leadImage !== undefined) d.leadImageId = body.leadImage;
  if (body.slug !== undefined && body.slug !== '') d.slug = body.slug;
  return d;
}

export const emptyDraft = (language: string): Omit<DraftInput, 'headline' | 'sectionSlug'> => ({
  standfirst: '', body: { type: 'doc', content: [] }, topics: [], people: [], agency: null, byline: '',
  datelinePlace: '', language, leadImageId: null,
});

/** The story, if this person may see it in the newsroom (contributors see their own). */
export async function readableArticle(deps: NewsroomDeps, me: Identity, id: number): Promise<Article> {
  const article = await deps.store.content.articleById(id);
  if (!article) throw new DatelineError('NOT_FOUND', `no story with id ${id}`);
  if (!hasRole(me.actor, 'editor') && article.createdBy !== me.actor.user.id) throw new DatelineError('FORBIDDEN', 'this story is not yours');
  return article;
}

export function articleRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = commandContext(deps);
  const tz = deps.settings.timeZone;
  const lang = deps.settings.language;

  async function readable(req: FastifyRequest, id: number): Promise<{ article: Article; me: Identity }> {
    const me = await who(req);
    return { article: await readableArticle(deps, me, id), me };
  }

  app.get('/articles', async (req) => {
    const me = await who(req);
    const { page, status, q } = parseQuery(storyListQuery, req.query);
    const list = await deps.store.content.newsroomArticles({
      page, pageSize: 50, status: status || undefined, text: q || undefined,
      createdBy: hasRole(me.actor, 'editor') ? undefined : me.actor.user.id,
    });
    return { items: list.items.map((a) => summaryJson(a, tz, deps.now())), total: list.total, page: list.page };
  });

  app.post('/articles', async (req, reply) => {
    const me = await who(req);
    const body = parseBody(articleCreate, req.body);
    const draft = { ...emptyDraft(lang), ...draftFromApi(body, lang) } as DraftInput;
    const article = await createDraft(ctx, me.actor, draft, 'api');
    return reply.code(201).send(articleJson(article, me.actor, tz, deps.now()));
  });

  app.get<{ Params: { id: string } }>('/articles/:id', async (req) => {
    const { article, me } = await readable(req, idParam(req.params.id));
    return articleJson(article, me.actor, tz, deps.now());
  });

  app.patch<{ Params: { id: string } }>('/articles/:id', async (req) => {
    const { article, me } = await readable(req, idParam(req.params.id));
    if (!mayEdit(me.actor, article)) throw new DatelineError('FORBIDDEN', 'you may not edit this story');
    const body = parseBody(articlePatch, req.body);
    const base = body.baseModifiedAt ? new Date(body.baseModifiedAt) : undefined;
    const updated = await updateDraft(ctx, me.actor, article.id, draftFromApi(body, lang), 'api', base);
    return articleJson(updated, me.actor, tz, deps.now());
  });

  app.post<{ Params: { id: string } }>('/articles/:id/status', async (req) => {
    const { article, me } = await readable(req, idParam(req.params.id));
    const body = parseBody(statusChange, req.body);
    const at = body.at ? new Date(body.at) : null;
    await checkEmbargo({ wire: deps.store.wire, now: deps.now }, article.id, body.status, at);
    const updated = await changeStatus(ctx, me.actor, article.id, body.status, at);
    return articleJson(updated, me.actor, tz, deps.now());
  });

  app.get<{ Params: { id: string } }>('/articles/:id/revisions', async (req) => {
    const { article } = await readable(req, idParam(req.params.id));
    const revisions = await deps.store.content.revisions(article.id);
    return revisions.map((r) => ({
      id: r.id, createdAt: r.createdAt.toISOString(), by: r.by, userId: r.userId, source: r.source, changed: r.changed,
      headline: r.snapshot.headline,
    }));
  });

  app.post<{ Params: { id: string; rid: string } }>('/articles/:id/revisions/:rid/restore', async (req) => {
    const { article, me } = await readable(req, idParam(req.params.id));
    const restored = await restoreRevision(ctx, me.actor, article.id, idParam(req.params.rid, 'revision'));
    return articleJson(restored, me.actor, tz, deps.now());
  });

  app.put<{ Params: { id: string } }>('/articles/:id/follow-up', async (req) => {
    const { article, me } = await readable(req, idParam(req.params.id));
    await setFollowUp(ctx, me.actor, article.id, parseBody(followUp, req.body).of);
    return articleJson((await deps.store.content.articleById(article.id))!, me.actor, tz, deps.now());
  });

  app.post<{ Params: { id: string } }>('/articles/:id/corrections', async (req, reply) => {
    const { article, me } = await readable(req, idParam(req.params.id));
    const body = parseBody(correctionCreate, req.body);
    const c = await addCorrection(ctx, me.actor, article.id, body);
    return reply.code(201).send({ id: c.id, kind: c.kind, text: c.text, createdAt: c.createdAt.toISOString() });
  });
}
