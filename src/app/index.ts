import cookie from '@fastify/cookie';
import { securityHeaderList, securityHeaders } from './security-headers.js';
import { warnOfUntrustedForwarding } from './untrusted-forwarding.js';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config/index.js';
import { refuseRepeatedParams, withoutForbiddenChars } from '../shared/index.js';
import { localMediaStorage, type MediaStorage } from '../media/index.js';
import { newsroomApi, newsroomUi, createAuth, LoginLimiter, sessionSecret, startScheduler, type Scheduler } from '../newsroom/index.js';
import { assetVersion, cdnPurger, FrontDoor, LiveSiteSettings, sitePlugin, siteSettings } from '../site/index.js';
import { defaultSettings } from '../settings/index.js';
import { openStore, type Store } from '../store/index.js';
import { startWireRunner, wireHold, wirePushPlugin, type IngestContext, type WireRunner } from '../wire/index.js';

export interface Dateline {
  app: FastifyInstance;
  store: Store;
  media: MediaStorage;
  /** Present when the app runs the worker (scheduled publishing). */
  scheduler: Scheduler | null;
  /** Present when the app runs the worker (watched folders, feed polling). */
  wire: WireRunner | null;
  close(): Promise<void>;
}

export interface BuildOptions {
  /** Defaults to a pino logger at config.logLevel; tests pass false, or a stream to read its lines. */
  logger?: boolean | { write(line: string): void };
  /** An already open store (the CLI's), otherwise one is opened from the config. */
  store?: Store;
  /** Run scheduled publishing, watched folders and feed polling in this process (default true). */
  worker?: boolean;
  /** The clock; tests move it. */
  now?: () => Date;
}

/** The composition root: wires the store, media and features into one HTTP app. No logic here. */
export async function build(config: Config, options: BuildOptions = {}): Promise<Dateline> {
  const store = options.store ?? openStore(config.database);
  const media = localMediaStorage(config.mediaDir);
  const security = securityHeaderList({ https: config.siteUrl.startsWith('https:'), imageHosts: config.imageHosts });
  const frontDoor = new FrontDoor(security);
  const app = Fastify({
    serverFactory: frontDoor.serverFactory,
    logger: options.logger === false ? false
      : { level: config.logLevel, ...(typeof options.logger === 'object' ? { stream: options.logger } : {}) },
    // Client addresses (sign-in limits, the audit log) come from X-Forwarded-For only via trusted proxies.
    trustProxy: config.trustProxy,
    // Article slugs can be long; anything longer than this is not ours.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  });

  securityHeaders(app, security);
  if (config.trustProxy === false) warnOfUntrustedForwarding(app);
  // One door for every text field that arrives over HTTP (API JSON, newsroom forms, queries):
  // characters XML 1.0 forbids are dropped before any route sees them (see shared/text.ts).
  // A parameter given twice is refused here too, so no route meets an array where it reads text.
  app.addHook('preValidation', async (req) => {
    refuseRepeatedParams(req.query);
    withoutForbiddenChars(req.body);
    withoutForbiddenChars(req.query);
  });

  const now = options.now ?? (() => new Date());
  const settings = siteSettings(config, assetVersion());
  // The environment's name, tagline, language and time zone are the first start's; after that the stored settings rule.
  const look = new LiveSiteSettings(settings, {
    store: store.siteSettings, lookups: store.content, version: store.pageChanges.version,
    defaults: defaultSettings({ name: config.siteName, tagline: config.siteDescription, timeZone: config.timeZone, language: config.siteLanguage }),
    warn: (msg, err) => app.log.warn({ err }, msg),
  });
  await look.start();
  // Every handler sees the settings as stored now: preHandler runs after the page cache's onRequest sync (see live-settings.ts).
  app.addHook('preHandler', async () => {
    await look.refresh();
  });
  const secret = await sessionSecret(config.dataDir, config.secret, store.dialect === 'postgres' ? store.sharedSetting : null);
  await app.register(cookie, { secret });
  const auth = createAuth({
    accounts: store.accounts, audit: store.audit, limiter: new LoginLimiter(), now,
    secureCookies: config.siteUrl.startsWith('https:'), sessionHours: config.sessionHours,
  });
  const deps = { store, media, auth, settings, look, now, apiTokenDays: config.apiTokenDays };
  await app.register(newsroomApi, { prefix: '/api/v1', ...deps });
  await app.register(newsroomUi, { prefix: '/newsroom', ...deps });
  const wireCtx: IngestContext = { store: store.content, wire: store.wire, media, now, defaultLanguage: config.siteLanguage };
  await app.register(wirePushPlugin, { ctx: wireCtx });
  await app.register(sitePlugin, {
    site: { content: store.content, settings }, search: store.search, mediaDir: config.mediaDir, now, look,
    pageCache: {
      maxBytes: config.pageCacheBytes, changes: store.pageChanges, sMaxAge: config.cacheSMaxAge,
      staleWhileRevalidate: config.cacheStaleWhileRevalidate, frontDoor,
      onPurge: config.cdnPurge ? cdnPurger({ ...config.cdnPurge, warn: (msg, err) => app.log.warn({ err }, msg) }) : undefined,
    },
  });

  // Ready for traffic: the database answers and holds every migration this release expects
  // (a load balancer keeps a node out while it is not). /healthz says only that the process is up.
  app.get('/readyz', async (_req, reply) => {
    try {
      const pending = await store.pendingMigrations();
      if (pending.length) return reply.code(503).send({ status: 'not ready', reason: `migrations not run: ${pending.join(', ')}` });
      return { status: 'ready' };
    } catch (err) {
      app.log.warn({ err }, 'readiness check: database unreachable');
      return reply.code(503).send({ status: 'not ready', reason: 'database unreachable' });
    }
  });

  const scheduler = options.worker === false ? null
    : startScheduler({ store: store.content, now }, app.log, config.schedulerIntervalMs, wireHold(store.wire));
  const wire = options.worker === false ? null : startWireRunner(wireCtx, app.log, config.wireIntervalMs);
  // The page-change log only needs to outlive the caches reading it (they resync after an hour idle).
  const pruneChanges = () => Promise.all([
    store.pageChanges.prune(new Date(now().getTime() - 24 * 3_600_000)),
    // Released quarantine entries were read in the end; their bytes need not stay for ever.
    store.wire.pruneReleased(new Date(now().getTime() - 30 * 24 * 3_600_000)),
  ]).catch((err: unknown) => app.log.warn({ err }, 'could not prune the page-change log or the quarantine'));
  const pruning = options.worker === false ? null : setInterval(() => void pruneChanges(), 3_600_000);
  pruning?.unref();

  return {
    app,
    store,
    media,
    scheduler,
    wire,
    async close() {
      if (pruning) clearInterval(pruning);
      await scheduler?.stop();
      await wire?.stop();
      await app.close();
      await store.close();
    },
  };
}
