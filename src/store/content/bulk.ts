import type { Kysely } from 'kysely';
import type { ArticleFields } from '../../content/index.js';
import { indexDocuments } from '../../search/index.js';
import type { SearchDocument } from '../../search/model.js';
import { isoString } from '../../shared/index.js';
import type { Database } from '../schema.js';
import { recordPageChange } from './page-changes.js';
import { followExplicitIds } from '../dialects/engine.js';
import { articleRow } from './writes.js';

/**
 * A story ready to be written as it is: slug unique, taxonomy resolved to ids, index text made.
 * Generated stories come from no source, so they carry no source identity or version.
 */
export interface BulkStory extends Omit<ArticleFields, 'uri' | 'version' | 'versionCreatedAt' | 'createdBy'> {
  topicIds: number[];
  personIds: number[];
  search: Omit<SearchDocument, 'id'>;
}

// Rows per INSERT: 17 columns x 400 stays well under SQLite's 32,766 bound parameters.
const rowsPerInsert = 400;

/**
 * Writes many stories in one transaction with multi-row inserts: the corpus generator's path,
 * which skips what saving one story through the newsroom does per story (slug lookups, a
 * revision, the audit log). Every page cache is told to start afresh ('*').
 */
export async function insertStoriesInBulk(db: Kysely<Database>, stories: BulkStory[], now: Date): Promise<number[]> {
  if (!stories.length) return [];
  return db.transaction().execute(async (trx) => {
    // The write lock is held from the start (BEGIN IMMEDIATE; PostgreSQL: the write lock): nobody else takes these ids meanwhile.
    const max = await trx.selectFrom('articles').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    const first = Number(max?.id ?? 0) + 1;
    const ids = stories.map((_, i) => first + i);
    const stamp = isoString(now);
    for (let from = 0; from < stories.length; from += rowsPerInsert) {
      const chunk = stories.slice(from, from + rowsPerInsert);
      await trx.insertInto('articles').values(chunk.map((s, i) => ({
        id: ids[from + i]!, ...articleRow({ ...s, uri: null, version: null, versionCreatedAt: null }, now),
        created_at: s.firstPublishedAt ? isoString(s.firstPublishedAt) : stamp,
      }))).execute();
      const topics = chunk.flatMap((s, i) => [...new Set(s.topicIds)].map((topic_id, position) => ({ article_id: ids[from + i]!, topic_id, position })));
      if (topics.length) await trx.insertInto('article_topics').values(topics).execute();
      const people = chunk.flatMap((s, i) => [...new Set(s.personIds)].map((person_id, position) => ({ article_id: ids[from + i]!, person_id, position })));
      if (people.length) await trx.insertInto('article_people').values(people).execute();
      await indexDocuments(trx, chunk.map((s, i) => ({ id: ids[from + i]!, ...s.search })));
    }
    await recordPageChange(trx, ['*'], now);
    await followExplicitIds(trx, 'articles');
    return ids;
  });
}
