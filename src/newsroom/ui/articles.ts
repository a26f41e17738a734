import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasRole } from '../../accounts/index.js';
import {
  addCorrection, changeStatus, createDraft, draftOf, mayEdit, restoreRevision, setFollowUp, snapshotOf, updateDraft, articleStatuses,
  type Article, type ArticleStatus, type DraftInput,
} from '../../content/index.js';
import { DatelineError, isDatelineError } from '../../shared/index.js';
import { checkEmbargo } from '../../wire/index.js';
import { articlePage, sendPage } from '../../site/index.js';
import { emptyDraft, readableArticle } from '../api/routes/articles.js';
import { publicPath } from '../api/present.js';
import type { Identity } from '../auth/auth.js';
import { commandContext, type NewsroomDeps } from '../context.js';
import { baseModifiedAt, draftFromForm, field, zonedTime, type FormBody } from './forms.js';
import { editorPage } from './pages/editor.js';
import { revisionDiffPage, revisionListPage } from './pages/revisions.js';
import { unsavedPage } from './pages/simple.js';
import { flashFrom, redirectWithOutcome, withFlash, type Flash } from './flash.js';

export function articleUiRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const ctx = commandContext(deps);
  const { settings } = deps;
  const idOf = (raw: string) => {
    if (!/^\d{1,12}$/.test(raw)) throw new DatelineError('NOT_FOUND', 'no such story');
    return Number(raw);
  };

  async function renderEditor(
    reply: FastifyReply, me: Identity, article: Article | null, draft: DraftInput & { slug?: string }, flash: Flash | null, errorField?: string, status = 200,
  ) {
    const [sections, images, topics, followUp] = await Promise.all([
      deps.store.content.sections(),
      deps.store.content.images({ page: 1, pageSize: 100 }),
      deps.store.content.topicNames('', 500, hasRole(me.actor, 'editor') ? undefined : me.actor.user.id),
      article?.followUpOf ? deps.store.content.articleById(article.followUpOf) : null,
    ]);
    // The story's own lead image stays choosable even when it is older than the newest hundred.
    const choices = article?.leadImage && !images.items.some((i) => i.id === article.leadImage!.id) ? [article.leadImage, ...images.items] : images.items;
    return sendPage(reply, editorPage({
      settings, user: me.actor.user, actor: me.actor, csrf: me.csrfToken ?? '', article, draft, sections, images: choices, topics,
      agencies: [], publicUrl: article ? publicPath(article, settings.timeZone, deps.now()) : null, flash, errorField,
      followUp: followUp && { id: followUp.id, headline: followUp.headline },
    }), status);
  }

  /** Saving refused (bad field, a newer copy saved elsewhere): the form comes back with what was typed, and why. */
  async function refused(e: unknown, reply: FastifyReply, me: Identity, article: Article | null, draft: DraftInput & { slug?: string }) {
    if (!isDatelineError(e) || ![400, 403, 409, 413, 415].includes(e.status)) throw e;
    const field = e.field === 'baseModifiedAt' ? undefined : e.field;
    return renderEditor(reply, me, article, draft, { kind: 'error', text: `Not saved: ${field ? `${field}: ` : ''}${e.message}` }, field, e.status);
  }

  app.get('/articles/new', async (req, reply) => {
    const me = await who(req);
    const first = (await deps.store.content.sections())[0];
    return renderEditor(reply, me, null, { ...emptyDraft(settings.language), headline: '', sectionSlug: first?.slug ?? '' }, null);
  });

  /** For saves: when the session or its token is gone, the typed text is shown back, not dropped. */
  async function whoOrKeep(req: FastifyRequest, reply: FastifyReply): Promise<Identity | null> {
    try {
      return await who(req);
    } catch (e) {
      if (!isDatelineError(e) || (e.status !== 401 && e.code !== 'CSRF')) throw e;
      const b = req.body as FormBody;
      const reason = e.status === 401 ? 'you are signed out' : e.message;
      await sendPage(reply, unsavedPage(settings, reason, [
        ['Headline', field(b, 'headline')], ['Standfirst', field(b, 'standfirst')], ['Body (HTML)', field(b, 'bodyHtml')],
        ['Topics', field(b, 'topics')], ['People', field(b, 'people')],
      ]), e.status);
      return null;
    }
  }

  app.post('/articles', async (req, reply) => {
    const me = await whoOrKeep(req, reply);
    if (!me) return reply;
    const draft = draftFromForm(req.body as FormBody, settings.language);
    try {
      const article = await createDraft(ctx, me.actor, draft);
      return reply.redirect(withFlash(`/newsroom/articles/${article.id}`, 'ok', 'Saved'), 303);
    } catch (e) {
      return refused(e, reply, me, null, draft);
    }
  });

  app.get<{ Params: { id: string } }>('/articles/:id', async (req, reply) => {
    const me = await who(req);
    const article = await readableArticle(deps, me, idOf(req.params.id));
    return renderEditor(reply, me, article, { ...draftOf(article), slug: article.slug }, flashFrom(req.query));
  });

  app.post<{ Params: { id: string } }>('/articles/:id', async (req, reply) => {
    const me = await whoOrKeep(req, reply);
    if (!me) return reply;
    const article = await readableArticle(deps, me, idOf(req.params.id));
    if (!mayEdit(me.actor, article)) throw new DatelineError('FORBIDDEN', 'you may not edit this story');
    const draft = draftFromForm(req.body as FormBody, settings.language);
    if (draft.slug === article.slug) delete draft.slug;
    try {
      await updateDraft(ctx, me.actor, article.id, draft, 'newsroom', baseModifiedAt(req.body as FormBody));
      return reply.redirect(withFlash(`/newsroom/articles/${article.id}`, 'ok', 'Saved'), 303);
    } catch (e) {
      return refused(e, reply, me, article, draft);
    }
  });

  app.post<{ Params: { id: string } }>('/articles/:id/status', async (req, reply) => {
    const me = await who(req);
    const article = await readableArticle(deps, me, idOf(req.params.id));
    const body = req.body as FormBody;
    const to = field(body, 'status') as ArticleStatus;
    return redirectWithOutcome(reply, `/newsroom/articles/${article.id}`, async () => {
      if (!articleStatuses.includes(to)) throw new DatelineError('INVALID_INPUT', 'unknown status', { field: 'status' });
      const at = to === 'scheduled' ? zonedTime(field(body, 'at'), settings.timeZone) : null;
      await checkEmbargo({ wire: deps.store.wire, now: deps.now }, article.id, to, at);
      const moved = await changeStatus(ctx, me.actor, article.id, to, at);
      return `Now ${moved.status.replace('_', ' ')}`;
    });
  });

  app.post<{ Params: { id: string } }>('/articles/:id/follow-up', async (req, reply) => {
    const me = await who(req);
    const article = await readableArticle(deps, me, idOf(req.params.id));
    const of = field(req.body as FormBody, 'of').trim();
    return redirectWithOutcome(reply, `/newsroom/articles/${article.id}`, async () => {
      await setFollowUp(ctx, me.actor, article.id, of || null);
      return of ? 'Linked into the thread' : 'Unlinked from the thread';
    });
  });

  app.post<{ Params: { id: string } }>('/articles/:id/corrections', async (req, reply) => {
    const me = await who(req);
    const article = await readableArticle(deps, me, idOf(req.params.id));
    const body = req.body as FormBody;
    return redirectWithOutcome(reply, `/newsroom/articles/${article.id}`, async () => {
      const kind = field(body, 'kind') === 'update' ? 'update' : 'correction';
      await addCorrection(ctx, me.actor, article.id, { kind, text: field(body, 'text') });
      return kind === 'update' ? 'Update added' : 'Correction added';
    });
  });

  app.get<{ Params: { id: string } }>('/articles/:id/preview', async (req, reply) => {
    const me = await who(req);
    const article = await readableArticle(deps, me, idOf(req.params.id));
    const [trail, more, nav] = await Promise.all([
      deps.store.content.sectionTrail(article.section.slug),
      deps.store.content.moreFromSection(article, 6),
      deps.store.content.navigation(),
    ]);
    return sendPage(reply, articlePage({ article, trail: trail ?? [], more, nav, settings, preview: true }));
  });

  app.get<{ Params: { id: string } }>('/articles/:id/revisions', async (req, reply) => {
    const me = await who(req);
    const article = await readableArticle(deps, me, idOf(req.params.id));
    const revisions = await deps.store.content.revisions(article.id);
    return sendPage(reply, revisionListPage({ settings, user: me.actor.user, csrf: me.csrfToken ?? '', article, revisions }));
  });

  app.get<{ Params: { id: string; rid: string } }>('/articles/:id/revisions/:rid', async (req, reply) => {
    const me = await who(req);
    const article = await readableArticle(deps, me, idOf(req.params.id));
    const revision = (await deps.store.content.revisions(article.id)).find((r) => r.id === Number(req.params.rid));
    if (!revision) throw new DatelineError('NOT_FOUND', 'no such revision');
    return sendPage(reply, revisionDiffPage({
      settings, user: me.actor.user, csrf: me.csrfToken ?? '', article, revision, current: snapshotOf(article), mayRestore: mayEdit(me.actor, article),
    }));
  });

  app.post<{ Params: { id: string; rid: string } }>('/articles/:id/revisions/:rid/restore', async (req, reply) => {
    const me = await who(req);
    const article = await readableArticle(deps, me, idOf(req.params.id));
    await restoreRevision(ctx, me.actor, article.id, idOf(req.params.rid));
    return reply.redirect(withFlash(`/newsroom/articles/${article.id}`, 'ok', 'Revision restored'), 303);
  });
}
