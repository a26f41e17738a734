import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasRole } from '../../accounts/index.js';
import { DatelineError, parseQuery } from '../../shared/index.js';
import { quarantineQuery, versionsQuery, wireQueueQuery } from '../queries.js';
import { sendPage } from '../../site/index.js';
import { retryQuarantined, takeWireItem, type IngestContext, type WireQueueFilter } from '../../wire/index.js';
import type { Identity } from '../auth/auth.js';
import type { NewsroomDeps } from '../context.js';
import { flashFrom, redirectWithOutcome, withFlash } from './flash.js';
import { field, type FormBody } from './forms.js';
import { quarantinePage, sourcesPage, wireItemPage, wireQueuePage } from './pages/wire.js';

const idOf = (raw: string, what: string) => {
  if (!/^\d{1,12}$/.test(raw)) throw new DatelineError('NOT_FOUND', `no such ${what}`);
  return Number(raw);
};

/** The wire desk in the newsroom: queue, item versions, taking, quarantine, alerts. Editors only. */
export function wireUiRoutes(app: FastifyInstance, deps: NewsroomDeps, who: (req: FastifyRequest) => Promise<Identity>): void {
  const { settings } = deps;
  const ctx: IngestContext = { store: deps.store.content, wire: deps.store.wire, media: deps.media, now: deps.now, defaultLanguage: settings.language };
  const editor = async (req: FastifyRequest) => {
    const me = await who(req);
    if (!hasRole(me.actor, 'editor')) throw new DatelineError('FORBIDDEN', 'the wire desk is for editors');
    return me;
  };
  const common = (me: Identity, req: FastifyRequest) => ({ settings, user: me.actor.user, csrf: me.csrfToken ?? '', flash: flashFrom(req.query) });

  app.get('/wire', async (req, reply) => {
    const me = await editor(req);
    const q = parseQuery(wireQueueQuery, req.query);
    const filter: WireQueueFilter = {
      page: q.page, pageSize: 50,
      source: q.source || undefined, agency: q.agency || undefined, section: q.section || undefined,
      urgency: q.urgency, text: q.q || undefined,
    };
    const [page, sources, agencies, sections, alerts, quarantined] = await Promise.all([
      deps.store.wire.items(filter), deps.store.wire.sources(), deps.store.wire.agencies(), deps.store.content.sections(),
      deps.store.wire.openAlerts(), deps.store.wire.quarantined(1, 1),
    ]);
    return sendPage(reply, wireQueuePage({ ...common(me, req), page, filter, sources, agencies, sections, alerts, quarantined: quarantined.total, now: deps.now() }));
  });

  app.get('/wire/sources', async (req, reply) => {
    const me = await editor(req);
    return sendPage(reply, sourcesPage({ ...common(me, req), sources: await deps.store.wire.sources() }));
  });

  app.get('/wire/quarantine', async (req, reply) => {
    const me = await editor(req);
    const page = await deps.store.wire.quarantined(parseQuery(quarantineQuery, req.query).page, 50);
    return sendPage(reply, quarantinePage({ ...common(me, req), page }));
  });

  app.get<{ Params: { id: string } }>('/wire/quarantine/:id/original', async (req, reply) => {
    await editor(req);
    const held = await deps.store.wire.quarantinedBytes(idOf(req.params.id, 'delivery'));
    if (!held) throw new DatelineError('NOT_FOUND', 'no such quarantined delivery');
    // Served as an opaque download: the bytes are untrusted and must never render as a page.
    const name = held.entry.fileName.replace(/[^\w.-]+/g, '_').slice(-100) || 'delivery';
    return reply.header('content-type', 'application/octet-stream').header('content-disposition', `attachment; filename="${name}"`)
      .header('x-content-type-options', 'nosniff').send(held.bytes);
  });

  app.post<{ Params: { id: string } }>('/wire/quarantine/:id/retry', async (req, reply) => {
    await editor(req);
    const id = idOf(req.params.id, 'delivery');
    return redirectWithOutcome(reply, '/newsroom/wire/quarantine', async () => {
      const r = await retryQuarantined(ctx, id);
      if (!r.released) throw new DatelineError('INVALID_WIRE_ITEM', `#${id} ${r.message}`);
      return `#${id}: ${r.message}`;
    }, [401, 403]);
  });

  app.post<{ Params: { id: string } }>('/wire/alerts/:id/acknowledge', async (req, reply) => {
    const me = await editor(req);
    await deps.store.wire.acknowledgeAlert(idOf(req.params.id, 'alert'), me.actor.user.id, deps.now());
    return reply.redirect(withFlash('/newsroom/wire', 'ok', 'Alert acknowledged'), 303);
  });

  app.get<{ Params: { id: string } }>('/wire/:id', async (req, reply) => {
    const me = await editor(req);
    const shown = parseQuery(versionsQuery, req.query);
    const item = await deps.store.wire.itemById(idOf(req.params.id, 'wire item'));
    if (!item) throw new DatelineError('NOT_FOUND', 'no such wire item');
    const [versions, sections] = await Promise.all([deps.store.wire.versions(item.id), deps.store.content.sections()]);
    const pick = (raw: string | undefined) => versions.find((v) => String(v.id) === raw);
    const b = pick(shown.b) ?? versions.find((v) => v.id === item.latestVersionId) ?? versions[versions.length - 1]!;
    const before = versions.filter((v) => v.id < b.id);
    const a = pick(shown.a) ?? before[before.length - 1] ?? null;
    return sendPage(reply, wireItemPage({ ...common(me, req), item, versions, a: a && a.id !== b.id ? a : null, b, sections, now: deps.now() }));
  });

  app.post<{ Params: { id: string } }>('/wire/:id/take', async (req, reply) => {
    const me = await editor(req);
    const id = idOf(req.params.id, 'wire item');
    const section = field(req.body as FormBody, 'section');
    const item = await deps.store.wire.itemById(id);
    if (!item) throw new DatelineError('NOT_FOUND', 'no such wire item');
    let target = `/newsroom/wire/${id}`;
    return redirectWithOutcome(reply, target, async () => {
      const story = item.articleId !== null ? await deps.store.content.articleById(item.articleId) : null;
      const taken = await takeWireItem(ctx, id, section || story?.section.slug || item.sectionSlug || '', me.actor);
      target = `/newsroom/articles/${taken.articleId}`;
      reply.redirect(withFlash(target, 'ok', `${taken.action === 'created' ? 'Taken into a draft' : 'Story updated from the wire'}${taken.note ? ` (${taken.note})` : ''}${
        taken.embargoedUntil && taken.embargoedUntil > deps.now() ? `; embargoed until ${taken.embargoedUntil.toISOString()}` : ''}`), 303);
      return '';
    }, [401, 403]);
  });
}
