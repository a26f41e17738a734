import type { FastifyInstance } from 'fastify';
import { DatelineError } from '../../shared/index.js';
import type { SiteContext } from '../settings.js';
import { threadPage } from '../templates/thread.js';
import { threadPath } from '../urls.js';
import { sendPage, storyTags } from './send.js';

/** /thread/{slug of its first story}: the whole thread as a timeline. */
export function threadRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { content, settings } = ctx;
  app.get<{ Params: { slug: string } }>('/thread/:slug', async (req, reply) => {
    const story = await content.articleBySlug(req.params.slug);
    // Only a published story names a thread page: a draft's slug must not answer differently.
    if (!story || story.status !== 'published' || story.threadId === null) throw new DatelineError('NOT_FOUND');
    const [stories, nav] = await Promise.all([content.threadStories(story.threadId), content.navigation()]);
    // A thread of one published story (or none) is no thread a reader can see.
    if (stories.length < 2) throw new DatelineError('NOT_FOUND');
    const first = stories[0]!;
    if (first.slug !== story.slug) return reply.redirect(encodeURI(threadPath(first)), 301);
    return sendPage(reply, threadPage({ first, stories, nav, settings }), 200, ['nav', `thread:${story.threadId}`, ...storyTags(stories)]);
  });
}
