import type { FastifyInstance, FastifyReply } from 'fastify';
import { fontRoutes } from '../fonts.js';
import type { LiveSiteSettings } from '../live-settings.js';
import type { Stylesheet } from '../theme.js';

const forever = 'public, max-age=31536000, immutable';

/**
 * The look, as files: the theme and custom stylesheets at addresses named by their content
 * (cached for ever; a change is a new address in every page), the fonts, and the web app manifest.
 * Never inline: the Content Security Policy stays `style-src 'self'`.
 */
export function lookRoutes(app: FastifyInstance, live: LiveSiteSettings): void {
  fontRoutes(app);
  const sheet = (reply: FastifyReply, url: string, current: Stylesheet | null) => {
    // Another address is an older (or not yet read) look: never cached under a name it does not have.
    if (!current || url.split('?')[0] !== current.href) return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('no such stylesheet');
    return reply.type('text/css; charset=utf-8').header('cache-control', forever).send(current.css);
  };
  app.get('/assets/theme-:file', async (req, reply) => sheet(reply, req.url, live.theme));
  app.get('/assets/custom-:file', async (req, reply) => sheet(reply, req.url, live.custom));

  app.get('/manifest.webmanifest', async (_req, reply) => {
    const s = live.settings;
    return reply.type('application/manifest+json; charset=utf-8').header('cache-control', 'public, max-age=0, must-revalidate').send(JSON.stringify({
      name: s.name, short_name: s.name.length > 12 ? s.name.split(/\s+/)[0]!.slice(0, 12) : s.name, description: s.description,
      lang: s.language, start_url: '/', scope: '/', display: 'minimal-ui',
      theme_color: s.accentColor, background_color: s.backgroundColor, icons: s.icons.manifest,
    }));
  });
}
