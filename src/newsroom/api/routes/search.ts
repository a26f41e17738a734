import type { FastifyInstance } from 'fastify';
import { hasRole } from '../../../accounts/index.js';
import { articlePath } from '../../../site/index.js';
import { searchQueryFrom } from '../../../site/routes/search.js';
import type { NewsroomDeps } from '../../context.js';

/**
 * GET /api/v1/search: published stories for anyone; signed-in newsroom users may add
 * `scope=newsroom` to include drafts they may see (contributors: their own).
 */
export function searchApiRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  app.get<{ Querystring: Record<string, string | undefined> }>('/search', async (req) => {
    const me = req.query.scope === 'newsroom' ? await deps.auth.identify(req) : null;
    const scope = me ? { kind: 'newsroom' as const, ownerId: hasRole(me.actor, 'editor') ? undefined : me.actor.user.id } : { kind: 'public' as const };
    const query = await searchQueryFrom({ content: deps.store.content, settings: deps.settings }, req.query, scope);
    const empty = { items: [], total: 0, page: 1, suggestion: null };
    if (!query || !query.text.trim()) return empty;
    const r = await deps.store.search.search(query);
    return {
      items: r.items.map((h) => ({
        id: h.id, headline: h.headline, standfirst: h.standfirst, section: h.section.slug, status: h.status,
        url: articlePath(h, deps.settings.timeZone), firstPublishedAt: h.firstPublishedAt.toISOString(), snippet: h.snippet,
      })),
      total: r.total, totalIsAtLeast: r.totalIsAtLeast ?? false, order: r.order ?? query.sort, page: r.page, suggestion: r.suggestion,
    };
  });
}
