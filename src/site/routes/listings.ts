import type { FastifyInstance } from 'fastify';
import type { ArticleSummary, Page, PageRequest } from '../../content/index.js';
import { DatelineError } from '../../shared/index.js';
import type { SiteContext } from '../settings.js';
import { collectionPage, homePage, type CollectionPageInput } from '../templates/listing.js';
import { agencyPath, sectionPath, topicPath } from '../urls.js';
import { sendPage, storyTags } from './send.js';
import { assertPageExists, pageParam } from './params.js';
import { sendStaticPage } from './static-page.js';

export function listingRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { content, settings } = ctx;
  const request = (query: unknown) => ({ page: pageParam(query), pageSize: settings.pageSize });

  app.get('/', async (req, reply) => {
    const [nav, page] = await Promise.all([content.navigation(), content.latest(request(req.query))]);
    assertPageExists(page);
    return sendPage(reply, homePage({ settings, nav, page, path: '/' }), 200, ['nav', 'home', ...storyTags(page.items), ...settings.cacheTags]);
  });

  app.get<{ Params: { section: string } }>('/:section', async (req, reply) => {
    const trail = await content.sectionTrail(req.params.section);
    const section = trail?.at(-1);
    // Not a section: a static page, or nothing.
    if (!trail || !section) return sendStaticPage(ctx, req.params.section, reply);
    const [nav, page, subsections] = await Promise.all([
      content.navigation(), content.sectionArticles(section.id, request(req.query)), content.subsections(section.id),
    ]);
    assertPageExists(page);
    return sendPage(reply, collectionPage({
      settings, nav, page, path: sectionPath(section), title: section.name, intro: section.description, subsections,
      trail, activeSection: trail[0]!.slug, showSection: trail.length === 1 ? undefined : false,
    }), 200, ['nav', `section:${section.id}`, ...storyTags(page.items)]);
  });

  /** Topic and agency pages: find the thing by slug, list its stories, or 404. */
  const collection = <T extends { id: number; slug: string; name: string }>(
    prefix: '/topic' | '/agency',
    find: (slug: string) => Promise<T | null>,
    list: (id: number, q: PageRequest) => Promise<Page<ArticleSummary>>,
    present: (thing: T) => Pick<CollectionPageInput, 'path' | 'kicker' | 'intro' | 'current'>,
  ) => {
    app.get<{ Params: { slug: string } }>(`${prefix}/:slug`, async (req, reply) => {
      const thing = await find(req.params.slug);
      if (!thing) throw new DatelineError('NOT_FOUND');
      const [nav, page] = await Promise.all([content.navigation(), list(thing.id, request(req.query))]);
      // A name known only from drafts or embargoed copy must not leak through its own page.
      if (page.total === 0) throw new DatelineError('NOT_FOUND');
      assertPageExists(page);
      const tag = `${prefix.slice(1)}:${thing.id}`;
      return sendPage(reply, collectionPage({ settings, nav, page, title: thing.name, ...present(thing) }), 200, ['nav', tag, ...storyTags(page.items)]);
    });
  };

  collection('/topic', (s) => content.topicBySlug(s), (id, q) => content.topicArticles(id, q),
    (t) => ({ path: topicPath(t), kicker: 'Topic', current: { topic: t.slug } }));
  // Author pages show a profile too: routes/staff.ts.
  collection('/agency', (s) => content.agencyBySlug(s), (id, q) => content.agencyArticles(id, q),
    (a) => ({ path: agencyPath(a), kicker: 'News agency', intro: `Stories from ${a.name}, published by ${settings.name}.` }));
}
