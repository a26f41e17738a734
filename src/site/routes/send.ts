import type { FastifyReply } from 'fastify';
import type { SafeHtml } from '../html.js';

/**
 * Sends a rendered page. Pages are revalidated on every visit for now, so a story published
 * from the CLI is live at once; the page cache adds ETags and CDN lifetimes.
 */
export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=0, must-revalidate')
    .send(page.value);
}
