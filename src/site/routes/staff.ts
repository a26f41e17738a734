import type { FastifyInstance } from 'fastify';
import { DatelineError } from '../../shared/index.js';
import type { SiteContext } from '../settings.js';
import { authorPage, staffPage } from '../templates/staff.js';
import { sendPage, storyTags } from './send.js';
import { assertPageExists, pageParam } from './params.js';

/** Author pages (a person's profile and stories) and the staff page (the masthead). */
export function staffRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { content, settings } = ctx;

  app.get<{ Params: { slug: string } }>('/author/:slug', async (req, reply) => {
    const person = await content.authorProfile(req.params.slug);
    if (!person) throw new DatelineError('NOT_FOUND');
    const [nav, page] = await Promise.all([
      content.navigation(), content.personArticles(person.id, { page: pageParam(req.query), pageSize: settings.pageSize }),
    ]);
    // A name known only from drafts or embargoed copy must not leak through its own page; a
    // member of staff (on the staff page already) has one before their first story.
    if (page.total === 0 && !person.team) throw new DatelineError('NOT_FOUND');
    assertPageExists(page);
    const tags = ['nav', `person:${person.id}`, ...person.beat.map((t) => `topic:${t.id}`), ...storyTags(page.items)];
    return sendPage(reply, authorPage({ settings, nav, person, page }), 200, tags);
  });

  app.get('/staff', async (_req, reply) => {
    const [nav, people] = await Promise.all([content.navigation(), content.staff()]);
    return sendPage(reply, staffPage({ settings, nav, people }), 200, ['nav', 'staff', ...people.map((p) => `person:${p.id}`)]);
  });
}
