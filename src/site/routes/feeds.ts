import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ArticleSummary, Page } from '../../content/index.js';
import { DatelineError } from '../../shared/index.js';
import { feedArticles, feedFiles, feedItemCount, feedPath, renderFeed, type FeedFormat } from '../feeds.js';
import type { SiteContext } from '../settings.js';
import { cacheable } from '../cache/plugin.js';
import { storyTags } from './send.js';
import { agencyPath, personPath, sectionPath, topicPath } from '../urls.js';

interface FeedSource {
  /** The surrogate key of the listing it follows (home, section:3, topic:5...). */
  tag: string;
  title: string;
  description: string;
  path: string;
  items: Page<ArticleSummary>;
}

/** RSS 2.0, Atom and JSON Feed for the site and for every section, topic, author and agency. */
export function feedRoutes(app: FastifyInstance, site: SiteContext): void {
  const { content, settings } = site;
  const first = { page: 1, pageSize: feedItemCount };

  const send = async (reply: FastifyReply, format: FeedFormat, source: FeedSource | null) => {
    if (!source) throw new DatelineError('NOT_FOUND');
    const articles = await feedArticles(content, source.items.items);
    const body = renderFeed(format, { settings, ...source, articles, fullText: settings.feedFullText });
    // Entries name their authors: a profile edit (a corrected name) reaches the feeds carrying them.
    cacheable(reply, [source.tag, 'nav', ...storyTags(articles), ...new Set(articles.flatMap((a) => a.people.map((p) => `person:${p.id}`)))]);
    return reply.type(feedFiles[format].mime).header('cache-control', 'public, max-age=300').send(body);
  };

  const register = <P>(route: string, find: (params: P) => Promise<FeedSource | null>) => {
    for (const format of Object.keys(feedFiles) as FeedFormat[]) {
      app.get(feedPath(route, format), async (req, reply) => send(reply, format, await find(req.params as P)));
    }
  };

  register<object>('/', async () => ({
    tag: 'home',
    title: settings.name, description: settings.description, path: '/', items: await content.latest(first),
  }));

  register<{ section: string }>('/:section', async ({ section: slug }) => {
    const section = (await content.sectionTrail(slug))?.at(-1);
    if (!section) return null;
    return {
      tag: `section:${section.id}`,
      title: `${section.name} | ${settings.name}`, description: section.description || `${section.name} from ${settings.name}`,
      path: sectionPath(section), items: await content.sectionArticles(section.id, first),
    };
  });

  const named = <T extends { id: number; slug: string; name: string }>(
    prefix: string, kind: string, find: (slug: string) => Promise<T | null>, list: (id: number) => Promise<Page<ArticleSummary>>, path: (t: T) => string,
  ) => register<{ slug: string }>(`${prefix}/:slug`, async ({ slug }) => {
    const thing = await find(slug);
    if (!thing) return null;
    const items = await list(thing.id);
    if (!items.total) return null;
    return { tag: `${kind}:${thing.id}`, title: `${thing.name} | ${settings.name}`, description: `${thing.name}: the latest from ${settings.name}`, path: path(thing), items };
  });
  named('/topic', 'topic', (s) => content.topicBySlug(s), (id) => content.topicArticles(id, first), topicPath);
  named('/author', 'person', (s) => content.personBySlug(s), (id) => content.personArticles(id, first), personPath);
  named('/agency', 'agency', (s) => content.agencyBySlug(s), (id) => content.agencyArticles(id, first), agencyPath);
}
