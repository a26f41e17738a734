import type { FastifyInstance } from 'fastify';
import type { SearchProvider, SearchQuery } from '../../search/index.js';
import { DatelineError } from '../../shared/index.js';
import type { SiteContext } from '../settings.js';
import { searchPage } from '../templates/search.js';
import { pageParam } from './params.js';
import { sendPage } from './send.js';

type Params = Record<string, string | undefined>;

const day = (v: string | undefined, field: string): Date | undefined => {
  if (!v) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw new DatelineError('INVALID_INPUT', `${field} must be a date such as 2019-04-30`, { field });
  }
  return new Date(`${v}T00:00:00Z`);
};

/** The reader's query string -> a search query over published stories (filters by slug). */
export async function searchQueryFrom(site: SiteContext, q: Params, scope: SearchQuery['scope']): Promise<SearchQuery | null> {
  const { content, settings } = site;
  const query: SearchQuery = {
    text: (q.q ?? '').slice(0, 2000), page: pageParam(q), pageSize: settings.pageSize,
    sort: q.sort === 'date' ? 'date' : 'relevance', scope,
  };
  if (q.section) {
    const trail = await content.sectionTrail(q.section);
    if (!trail) return null;
    const subs = await content.subsections(trail.at(-1)!.id);
    query.sectionIds = [trail.at(-1)!.id, ...subs.map((s) => s.id)];
  }
  const lookups: [keyof SearchQuery, string | undefined, (slug: string) => Promise<{ id: number } | null>][] = [
    ['topicId', q.topic, (s) => content.topicBySlug(s)],
    ['personId', q.author, (s) => content.personBySlug(s)],
    ['agencyId', q.agency, (s) => content.agencyBySlug(s)],
  ];
  for (const [key, slug, find] of lookups) {
    if (!slug) continue;
    const found = await find(slug);
    if (!found) return null;
    (query as unknown as Record<string, unknown>)[key] = found.id;
  }
  if (q.language) query.language = q.language;
  query.from = day(q.from, 'from');
  const to = day(q.to, 'to');
  if (to) query.to = new Date(to.getTime() + 86_400_000);
  return query;
}

export function searchRoutes(app: FastifyInstance, site: SiteContext, search: SearchProvider): void {
  app.get<{ Querystring: Params }>('/search', async (req, reply) => {
    const q = req.query;
    const query = await searchQueryFrom(site, q, { kind: 'public' });
    const [nav, all] = await Promise.all([site.content.navigation(), site.content.sectionTree()]);
    const results = query && query.text.trim()
      ? await search.search(query)
      : q.q ? { items: [], total: 0, page: 1, pageSize: site.settings.pageSize, suggestion: null } : null;
    const params = {
      q: q.q ?? '', section: q.section ?? '', sort: (q.sort === 'date' ? 'date' : 'relevance') as 'date' | 'relevance',
      topic: q.topic ?? '', author: q.author ?? '', agency: q.agency ?? '', language: q.language ?? '', from: q.from ?? '', to: q.to ?? '',
    };
    return sendPage(reply, searchPage({ settings: site.settings, nav, sections: all, params, results }));
  });
}
