import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../store/schema.js';
import type { SearchQuery } from './model.js';

/** The query's scope and filters on the matched stories (aliased `a`), the same on every engine. */
export function withFilters<Q extends SelectQueryBuilder<any, any, any>>(db: Kysely<Database>, query: Q, q: SearchQuery): Q {
  // The builder's own type cannot name `a` generically; the callers' joins guarantee it.
  let out = query as unknown as SelectQueryBuilder<{ a: Database['articles'] }, 'a', object>;
  if (q.scope.kind === 'public') out = out.where('a.status', '=', 'published');
  else if (q.scope.ownerId !== undefined) {
    const owner = q.scope.ownerId;
    out = out.where((eb) => eb.or([eb('a.status', '=', 'published'), eb('a.created_by', '=', owner)]));
  }
  if (q.sectionIds?.length) out = out.where('a.section_id', 'in', q.sectionIds);
  if (q.topicId !== undefined) {
    out = out.where('a.id', 'in', db.selectFrom('article_topics').select('article_id').where('topic_id', '=', q.topicId));
  }
  if (q.personId !== undefined) {
    out = out.where('a.id', 'in', db.selectFrom('article_people').select('article_id').where('person_id', '=', q.personId));
  }
  if (q.agencyId !== undefined) out = out.where('a.agency_id', '=', q.agencyId);
  if (q.language) out = out.where('a.language', '=', q.language);
  if (q.from) out = out.where('a.first_published_at', '>=', q.from.toISOString());
  if (q.to) out = out.where('a.first_published_at', '<', q.to.toISOString());
  return out as unknown as Q;
}
