import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasRole, isRole } from '../../accounts/index.js';
import { isDatelineError, DatelineError, parseQuery } from '../../shared/index.js';
import { auditQuery, searchListQuery, signInQuery, storyListQuery } from '../queries.js';
import { html, sendPage } from '../../site/index.js';
import type { Identity } from '../auth/auth.js';
import type { NewsroomDeps } from '../context.js';
import { editImageText, maxUploadBytes, uploadImage } from '../media.js';
import { readUpload } from '../api/routes/images.js';
import { addSection, editSection, mergeTopic, renameTopic, setTopicAliases } from '../../content/index.js';
import { commandContext } from '../context.js';
import { changeRole } from '../users.js';
import { taxonomyPage } from './pages/taxonomy.js';
import { articleUiRoutes } from './articles.js';
import { pageUiRoutes } from './static-pages.js';
import { wireUiRoutes } from './wire.js';
import { peopleUiRoutes } from './people.js';
import { field, type FormBody } from './forms.js';
import { flashFrom, redirectWithOutcome, withFlash } from './flash.js';
import { shell } from './layout.js';
import { auditPage, mediaPage, signInPage, storyListPage } from './pages/simple.js';
import { usersPage } from './pages/users.js';
import { accessUiRoutes } from './access.js';
import { settingsUiRoutes } from './settings.js';
import { menuUiRoutes } from './menus.js';

/** A request sent by another site's page (Fetch Metadata, else the Origin header). */
function crossSite(req: FastifyRequest): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  // "null" is what a browser sends under a no-referrer policy: Sec-Fetch-Site (above) decides then.
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/** Only same-site paths may be a `next` after signing in. */
const safeNext = (next: string) => (/^\/newsroom(?:[/?#][\x21-\x7e]*)?$/.test(next) ? next : '/newsroom');

/** The newsroom in the browser, under /newsroom. Every page checks the session on the server. */
export async function newsroomUiPlugin(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  await app.register(formbody, { bodyLimit: 3 * 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 20, fieldSize: 100_000 }, throwFileSizeLimit: true });
  const { settings } = deps;

  /** The signed-in person; without a session the browser is sent to sign in. */
  const who = async (req: FastifyRequest): Promise<Identity> => {
    const id = await deps.auth.identify(req);
    if (!id) throw new DatelineError('UNAUTHENTICATED');
    deps.auth.checkCsrf(req, id);
    return id;
  };

  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/sign-in', async (req, reply) =>
    sendPage(reply, signInPage(settings, safeNext(parseQuery(signInQuery, req.query).next || '/newsroom'), null)));

  app.post('/sign-in', async (req, reply) => {
    // Login CSRF: another site must not be able to sign a reader's browser into its account.
    if (crossSite(req)) throw new DatelineError('CSRF');
    const body = req.body as FormBody;
    const email = field(body, 'email');
    const next = safeNext(field(body, 'next'));
    try {
      await deps.auth.signIn(req, reply, email, field(body, 'password'));
      return reply.redirect(next, 303);
    } catch (e) {
      if (!isDatelineError(e) || (e.status !== 401 && e.status !== 429)) throw e;
      return sendPage(reply, signInPage(settings, next, e.message, email), e.status);
    }
  });

  app.post('/sign-out', async (req, reply) => {
    await who(req);
    await deps.auth.signOut(req, reply);
    return reply.redirect('/newsroom/sign-in', 303);
  });

  app.get('/', async (req, reply) => {
    const me = await who(req);
    const { status, q, page: number } = parseQuery(storyListQuery, req.query);
    const page = await deps.store.content.newsroomArticles({
      page: number, pageSize: 50, status: status || undefined, text: q || undefined,
      createdBy: hasRole(me.actor, 'editor') ? undefined : me.actor.user.id,
    });
    // Agency kills are shown where editors land, until one of them acknowledges each.
    const alerts = hasRole(me.actor, 'editor') ? await deps.store.wire.openAlerts() : [];
    return sendPage(reply, storyListPage({ settings, user: me.actor.user, csrf: me.csrfToken ?? '', page, status, q, alerts, flash: flashFrom(req.query) }));
  });

  articleUiRoutes(app, deps, who);
  pageUiRoutes(app, deps, who);
  wireUiRoutes(app, deps, who);
  peopleUiRoutes(app, deps, who);

  app.get('/media', async (req, reply) => {
    const me = await who(req);
    const { q } = parseQuery(searchListQuery, req.query);
    const page = await deps.store.content.images({ page: 1, pageSize: 60, text: q || undefined });
    return sendPage(reply, mediaPage({ settings, user: me.actor.user, csrf: me.csrfToken ?? '', page, q, flash: flashFrom(req.query) }));
  });

  app.post<{ Querystring: { _csrf?: string } }>('/media', async (req, reply) => {
    const id = await deps.auth.identify(req);
    if (!id) throw new DatelineError('UNAUTHENTICATED');
    // A multipart form carries its CSRF token in the address: the body is a file stream.
    deps.auth.checkCsrf(req, id, req.query._csrf ?? '');
    const { bytes, fields } = await readUpload(req);
    const image = await uploadImage(deps, id.actor, bytes, { alt: fields.alt ?? '', caption: fields.caption ?? '', credit: fields.credit ?? '' });
    return reply.redirect(withFlash('/newsroom/media', 'ok', `Uploaded picture #${image.id}`), 303);
  });

  app.post<{ Params: { id: string } }>('/media/:id', async (req, reply) => {
    const me = await who(req);
    const body = req.body as FormBody;
    const image = await editImageText(deps, me.actor, Number(req.params.id), { alt: field(body, 'alt'), caption: field(body, 'caption'), credit: field(body, 'credit') });
    return reply.redirect(withFlash('/newsroom/media', 'ok', `Saved picture #${image.id}`), 303);
  });

  const ctx = commandContext(deps);
  const editors = async (req: FastifyRequest) => {
    const me = await who(req);
    if (!hasRole(me.actor, 'editor')) throw new DatelineError('FORBIDDEN', 'only an editor may manage sections and topics');
    return me;
  };
  const orBack = (reply: FastifyReply, run: () => Promise<string>) => redirectWithOutcome(reply, '/newsroom/taxonomy', run, [401, 403]);

  app.get('/taxonomy', async (req, reply) => {
    const me = await editors(req);
    const [sections, topics] = await Promise.all([deps.store.content.sections(), deps.store.content.topicsWithCounts()]);
    return sendPage(reply, taxonomyPage({ settings, user: me.actor.user, csrf: me.csrfToken ?? '', sections, topics, flash: flashFrom(req.query) }));
  });

  app.post('/sections', async (req, reply) => {
    const me = await editors(req);
    const b = req.body as FormBody;
    return orBack(reply, async () => {
      const s = await addSection(ctx, me.actor, { name: field(b, 'name'), slug: field(b, 'slug') || undefined, parentSlug: field(b, 'parent') || null, description: field(b, 'description') });
      return `Added ${s.name}`;
    });
  });

  app.post<{ Params: { slug: string } }>('/sections/:slug', async (req, reply) => {
    const me = await editors(req);
    const b = req.body as FormBody;
    return orBack(reply, async () => {
      const s = await editSection(ctx, me.actor, req.params.slug, { name: field(b, 'name'), description: field(b, 'description'), position: Number(field(b, 'position') || 0) });
      return `Saved ${s.name}`;
    });
  });

  app.post<{ Params: { id: string } }>('/topics/:id', async (req, reply) => {
    const me = await editors(req);
    return orBack(reply, async () => {
      await renameTopic(ctx, me.actor, Number(req.params.id), field(req.body as FormBody, 'name'));
      return 'Topic renamed';
    });
  });

  app.post<{ Params: { id: string } }>('/topics/:id/aliases', async (req, reply) => {
    const me = await editors(req);
    return orBack(reply, async () => {
      const kept = await setTopicAliases(ctx, me.actor, Number(req.params.id), field(req.body as FormBody, 'aliases').split(','));
      return kept.length ? `Aliases saved: ${kept.join(', ')}` : 'Aliases cleared';
    });
  });

  app.post<{ Params: { id: string } }>('/topics/:id/merge', async (req, reply) => {
    const me = await editors(req);
    return orBack(reply, async () => {
      await mergeTopic(ctx, me.actor, Number(req.params.id), Number(field(req.body as FormBody, 'into')));
      return 'Topics merged';
    });
  });

  const admin = async (req: FastifyRequest) => {
    const me = await who(req);
    if (!hasRole(me.actor, 'admin')) throw new DatelineError('FORBIDDEN', 'only an admin may see this');
    return me;
  };

  app.get('/users', async (req, reply) => {
    const me = await admin(req);
    const [users, tokens] = await Promise.all([deps.store.accounts.users(), deps.store.accounts.tokens()]);
    return sendPage(reply, usersPage({ settings, user: me.actor.user, csrf: me.csrfToken ?? '', users, tokens, now: deps.now(), flash: flashFrom(req.query) }));
  });
  accessUiRoutes(app, deps, admin);
  settingsUiRoutes(app, deps, admin);
  menuUiRoutes(app, deps, admin);

  app.post<{ Params: { id: string } }>('/users/:id/role', async (req, reply) => {
    const me = await admin(req);
    const role = field(req.body as FormBody, 'role');
    if (!isRole(role)) throw new DatelineError('INVALID_INPUT', 'unknown role', { field: 'role' });
    const user = await changeRole(deps, me.actor, Number(req.params.id), role);
    return reply.redirect(withFlash('/newsroom/users', 'ok', `${user.email} is now ${user.role}`), 303);
  });

  app.get('/audit', async (req, reply) => {
    const me = await admin(req);
    const { page: number, action } = parseQuery(auditQuery, req.query);
    const page = await deps.store.audit.list({ page: number, pageSize: 200, action: action || undefined });
    return sendPage(reply, auditPage({ settings, user: me.actor.user, csrf: me.csrfToken ?? '', page, action }));
  });

  app.setNotFoundHandler(async (_req, reply) => errorPage(reply, deps, 404, 'There is no such newsroom page.'));
  app.setErrorHandler(async (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (isDatelineError(err) && err.status === 401) {
      return reply.redirect(`/newsroom/sign-in?next=${encodeURIComponent(req.method === 'GET' ? req.url : '/newsroom')}`, 303);
    }
    const status = isDatelineError(err) ? err.status : err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'newsroom page failed');
    return errorPage(reply, deps, status, status >= 500 ? 'Something went wrong on our side.' : err.message);
  });
}

async function errorPage(reply: FastifyReply, deps: NewsroomDeps, status: number, message: string) {
  return sendPage(reply, shell({
    settings: deps.settings, title: `Error ${status}`, user: null, csrf: null,
    main: html`<h1>${status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'That did not work'}</h1>
<p>${message}</p><p><a href="/newsroom">Back to the stories</a></p>`,
  }), status);
}
