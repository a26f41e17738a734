import type { FastifyInstance, FastifyReply } from 'fastify';
import { DatelineError } from '../../shared/index.js';
import type { SiteContext } from '../settings.js';
import { cacheable } from '../cache/plugin.js';
import { monthSitemap, newsSitemap, pagesSitemap, sitemapIndex } from '../sitemaps.js';

/** Sitemaps change with any published story (and the pages one with the sections). */
const xml = (reply: FastifyReply, body: string, maxAgeMs?: number) => {
  cacheable(reply, ['sitemap', 'nav'], { maxAgeMs });
  return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(body);
};

/** Sitemaps for search engines: an index, the section pages, a sitemap a month, the news sitemap. */
export function sitemapRoutes(app: FastifyInstance, site: SiteContext, now: () => Date): void {
  const { content, settings } = site;

  app.get('/sitemap.xml', async (_req, reply) => {
    const [months, pages] = await Promise.all([content.publishedMonths(), content.publishedPages()]);
    return xml(reply, sitemapIndex(settings, months, latestOf([months[0]?.lastModified, ...pages.map((p) => p.updatedAt)])));
  });

  app.get('/sitemap-pages.xml', async (_req, reply) => {
    const [months, pages, sections] = await Promise.all([content.publishedMonths(), content.publishedPages(), content.sectionTree()]);
    return xml(reply, pagesSitemap(settings, sections, months[0]?.lastModified ?? null, pages));
  });

  app.get<{ Params: { month: string } }>('/sitemaps/:month', async (req, reply) => {
    const m = /^(\d{4})-(\d{2})\.xml$/.exec(req.params.month);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new DatelineError('NOT_FOUND');
    const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    const to = new Date(Date.UTC(Number(m[1]), Number(m[2]), 1));
    const stories = await content.publishedBetween(from, to, 50_000);
    if (!stories.length) throw new DatelineError('NOT_FOUND');
    return xml(reply, monthSitemap(settings, stories));
  });

  app.get('/sitemap-news.xml', async (_req, reply) => {
    const to = now();
    const from = new Date(to.getTime() - 48 * 3_600_000);
    // Stories age out of it with the clock, not with a change: kept a minute at most.
    return xml(reply, newsSitemap(settings, await content.publishedBetween(from, new Date(to.getTime() + 1), 1000)), 60_000);
  });
}

const latestOf = (dates: (Date | undefined)[]): Date | null =>
  dates.reduce<Date | null>((latest, d) => (d && (!latest || d > latest) ? d : latest), null);
