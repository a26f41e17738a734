import type { FastifyReply } from 'fastify';
import { cacheable } from '../cache/plugin.js';
import type { SafeHtml } from '../html.js';

/**
 * Sends a rendered page. With `tags` (the surrogate keys of everything it shows) the page cache
 * keeps it until one of them changes; without, it is rendered on every visit.
 */
export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200, tags?: Iterable<string>): FastifyReply {
  if (tags) cacheable(reply, tags);
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=0, must-revalidate')
    .send(page.value);
}

/** The surrogate keys of a list of stories shown on a page. */
export const storyTags = (stories: Iterable<{ id: number }>): string[] => [...stories].map((s) => `article:${s.id}`);
