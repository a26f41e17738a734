import type { FastifyInstance } from 'fastify';
import { DatelineError } from '../../shared/index.js';
import type { SiteContext } from '../settings.js';
import { collectionPage, homePage } from '../templates/listing.js';
import { agencyPath, personPath, sectionPath, topicPath } from '../urls.js';
import { sendPage } from './send.js';
import { assertPageExists, pageParam } from './params.js';

export function listingRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { content, settings } = ctx;
  const request = (query: unknown) => ({ page: pageParam(query), pageSize: settings.pageSize });

  app.get('/', async (req, reply) => {
    const [nav, page] = await Promise.all([content.navigation(), content.latest(request(req.query))]);
    assertPageExists(page);
    return sendPage(reply, homePage({ settings, nav, page, path: '/' }));
  });

  app.get<{ Params: { section: string } }>('/:section', async (req, reply) => {
    const trail = await content.sectionTrail(req.params.section);
    const section = trail?.at(-1);
    if (!trail || !section) throw new DatelineError('NOT_FOUND');
    const [nav, page] = await Promise.all([content.navigation(), content.sectionArticles(section.id, request(req.query))]);
    assertPageExists(page);
    return sendPage(reply, collectionPage({
      settings, nav, page, path: sectionPath(section), title: section.name, intro: section.description,
      trail, activeSection: trail[0]!.slug, showSection: trail.length === 1 ? undefined : false,
    }));
  });

  app.get<{ Params: { slug: string } }>('/topic/:slug', async (req, reply) => {
    const topic = await content.topicBySlug(req.params.slug);
    if (!topic) throw new DatelineError('NOT_FOUND');
    const [nav, page] = await Promise.all([content.navigation(), content.topicArticles(topic.id, request(req.query))]);
    assertPageExists(page);
    return sendPage(reply, collectionPage({ settings, nav, page, path: topicPath(topic), title: topic.name, kicker: 'Topic' }));
  });

  app.get<{ Params: { slug: string } }>('/author/:slug', async (req, reply) => {
    const person = await content.personBySlug(req.params.slug);
    if (!person) throw new DatelineError('NOT_FOUND');
    const [nav, page] = await Promise.all([content.navigation(), content.personArticles(person.id, request(req.query))]);
    assertPageExists(page);
    return sendPage(reply, collectionPage({
      settings, nav, page, path: personPath(person), title: person.name, kicker: 'Author', intro: person.bio,
    }));
  });

  app.get<{ Params: { slug: string } }>('/agency/:slug', async (req, reply) => {
    const agency = await content.agencyBySlug(req.params.slug);
    if (!agency) throw new DatelineError('NOT_FOUND');
    const [nav, page] = await Promise.all([content.navigation(), content.agencyArticles(agency.id, request(req.query))]);
    assertPageExists(page);
    return sendPage(reply, collectionPage({
      settings, nav, page, path: agencyPath(agency), title: agency.name, kicker: 'News agency',
      intro: `Stories from ${agency.name}, published by ${settings.name}.`,
    }));
  });
}
