import type { FastifyReply } from 'fastify';
import { DatelineError } from '../../shared/index.js';
import type { SiteContext } from '../settings.js';
import { staticPage } from '../templates/static-page.js';
import { sendPage } from './send.js';

/**
 * A static page at `/{slug}` (the address a section would have: the two never share one). As for
 * stories, an unpublished page is 410 Gone and one never published (a draft) does not exist.
 */
export async function sendStaticPage(ctx: SiteContext, slug: string, reply: FastifyReply): Promise<FastifyReply> {
  const page = await ctx.content.pageBySlug(slug);
  if (!page) throw new DatelineError('NOT_FOUND');
  if (page.status === 'unpublished') throw new DatelineError('GONE');
  if (page.status !== 'published') throw new DatelineError('NOT_FOUND');
  const nav = await ctx.content.navigation();
  return sendPage(reply, staticPage({ page, nav, settings: ctx.settings }), 200, ['nav', `page:${page.id}`]);
}
