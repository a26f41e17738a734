import type { FastifyInstance } from 'fastify';
import { DatelineError } from '../../shared/index.js';
import type { SiteContext } from '../settings.js';
import { articlePage } from '../templates/article.js';
import { articlePath } from '../urls.js';
import { sendPage, storyTags } from './send.js';

interface ArticleParams {
  section: string;
  yyyy: string;
  mm: string;
  dd: string;
  slug: string;
}

export function articleRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { content, settings } = ctx;

  app.get<{ Params: ArticleParams }>('/:section/:yyyy/:mm/:dd/:slug', async (req, reply) => {
    const article = await content.articleBySlug(req.params.slug);
    if (!article) throw new DatelineError('NOT_FOUND');
    if (article.status === 'unpublished') throw new DatelineError('GONE');
    if (article.status !== 'published') throw new DatelineError('NOT_FOUND');
    // A story keeps one address; a moved section or an old link is redirected to it.
    const canonical = articlePath(article, settings.timeZone);
    const { section, yyyy, mm, dd, slug } = req.params;
    if (`/${section}/${yyyy}/${mm}/${dd}/${slug}` !== canonical) return reply.redirect(encodeURI(canonical), 301);
    const [trail, related, more, nav, thread] = await Promise.all([
      content.sectionTrail(article.section.slug),
      content.related(article, 4),
      content.moreFromSection(article, 6),
      content.navigation(),
      article.threadId === null ? [] : content.threadStories(article.threadId),
    ]);
    // A story shows once: in the thread's timeline, else among related, else in "more from".
    const inThread = new Set(thread.map((t) => t.id));
    const relatedShown = related.filter((r) => !inThread.has(r.id));
    const shown = new Set([...inThread, ...relatedShown.map((r) => r.id)]);
    const moreShown = more.filter((m) => !shown.has(m.id)).slice(0, 4);
    // Its own story and every story it lists; its section and topics (a new story there may join
    // "more from" and "related"); its thread; the menu.
    const tags = [
      'nav', `section:${article.section.id}`, ...article.topics.map((t) => `topic:${t.id}`),
      // Its bylines: a profile edit (a corrected name) reaches every story carrying it.
      ...article.people.map((p) => `person:${p.id}`),
      ...(article.threadId === null ? [] : [`thread:${article.threadId}`]),
      ...storyTags([article, ...thread, ...relatedShown, ...moreShown]),
    ];
    // The standards pages it links to (organisation markup, corrections box).
    return sendPage(reply, articlePage({ article, trail: trail ?? [], related: relatedShown, more: moreShown, nav, settings, thread }), 200, [...tags, ...settings.cacheTags]);
  });
}
