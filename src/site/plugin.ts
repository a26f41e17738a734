import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Navigation } from '../content/index.js';
import { publicVariantPath } from '../media/index.js';
import { isDatelineError } from '../shared/index.js';
import { articleRoutes } from './routes/article.js';
import { listingRoutes } from './routes/listings.js';
import { staffRoutes } from './routes/staff.js';
import { threadRoutes } from './routes/thread.js';
import { searchRoutes } from './routes/search.js';
import { feedRoutes } from './routes/feeds.js';
import { sitemapRoutes } from './routes/sitemaps.js';
import type { SearchProvider } from '../search/index.js';
import { sendPage } from './routes/send.js';
import { pageCachePlugin, type PageCacheOptions } from './cache/plugin.js';
import type { SiteContext } from './settings.js';
import { errorPage } from './templates/error-page.js';
import type { LiveSiteSettings } from './live-settings.js';
import { lookRoutes } from './routes/look.js';
import { noNavigation } from './templates/menus.js';

/** Folder of the site's static files (the same relative place from src/ and dist/). */
export const assetsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/site/assets');

/** The newsroom's built browser code (vite build), beside dist/ whether we run from src or dist. */
export const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/client');

/** A short hash of the static files, so browsers may cache them forever and still get changes. */
export function assetVersion(): string {
  const hash = createHash('sha256');
  for (const dir of [assetsDir, clientDir]) {
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, file);
      if (fs.statSync(full).isFile()) hash.update(fs.readFileSync(full));
    }
  }
  return hash.digest('hex').slice(0, 10);
}

export interface SitePluginOptions {
  site: SiteContext;
  search: SearchProvider;
  mediaDir: string;
  now?: () => Date;
  /** The full-page cache, when on. */
  pageCache?: Omit<PageCacheOptions, 'now'>;
  /** The live settings behind `site.settings`: their generated stylesheets and manifest. */
  look?: LiveSiteSettings;
}

/** The public news site: pages, media and assets, with its own 404 and error pages. */
export async function sitePlugin(app: FastifyInstance, opts: SitePluginOptions): Promise<void> {
  const { site } = opts;
  if (opts.pageCache && opts.pageCache.maxBytes > 0) pageCachePlugin(app, opts.pageCache);
  const forever = { immutable: true, maxAge: '365d', cacheControl: true } as const;
  await app.register(fastifyStatic, { root: assetsDir, prefix: '/assets/', ...forever, index: false });
  fs.mkdirSync(opts.mediaDir, { recursive: true });
  // Only the public variants: originals (with their EXIF) and manifests stay private.
  await app.register(fastifyStatic, {
    root: opts.mediaDir, prefix: '/media/', decorateReply: false, ...forever, index: false,
    allowedPath: (pathName) => publicVariantPath.test(pathName),
  });
  // An SVG logo opened by itself is a document: it gets a policy of its own that runs nothing and
  // loads nothing, whatever a sanitiser might ever miss.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/media/') && /\.svg(?:\?|$)/.test(req.url)) {
      reply.header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox");
    }
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/robots.txt', async (_req, reply) =>
    reply.type('text/plain; charset=utf-8').send(
      `User-agent: *\nAllow: /\nDisallow: /newsroom\nDisallow: /api\nDisallow: /search\n\nSitemap: ${site.settings.url}/sitemap.xml\nSitemap: ${site.settings.url}/sitemap-news.xml\n`,
    ));
  // Not permanent: the admin may change the icon.
  app.get('/favicon.ico', async (_req, reply) => reply.redirect(site.settings.icons.favicon.href, 302));
  if (opts.look) lookRoutes(app, opts.look);

  searchRoutes(app, site, opts.search);
  feedRoutes(app, site);
  sitemapRoutes(app, site, opts.now ?? (() => new Date()));
  listingRoutes(app, site);
  staffRoutes(app, site);
  articleRoutes(app, site);
  threadRoutes(app, site);

  const navOrEmpty = async (req: FastifyRequest): Promise<Navigation> => {
    try {
      return await site.content.navigation();
    } catch (e) {
      req.log.error({ err: e }, 'navigation unavailable for an error page');
      return noNavigation;
    }
  };

  app.setNotFoundHandler(async (req, reply) => sendPage(reply, errorPage(404, site.settings, await navOrEmpty(req)), 404));

  app.setErrorHandler(async (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const status = isDatelineError(err) ? err.status : err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'page failed');
    const detail = isDatelineError(err) && status === 400 ? err.message : undefined;
    return sendPage(reply, errorPage(status, site.settings, await navOrEmpty(req), detail), status);
  });
}
