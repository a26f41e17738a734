import type { Kysely } from 'kysely';
import { isPostgres } from '../store/dialects/engine.js';
import type { Database } from '../store/schema.js';
import type { SearchDocument, SearchProvider } from './model.js';
import { bestMatchesPg, clearIndexPg, indexBehindPg, indexDocumentPg, indexDocumentsPg, nearbyMatchesPg, PostgresSearch } from './postgres/provider.js';
import { bestMatchesFts5, clearIndexFts5, Fts5Search, indexBehindFts5, indexDocumentFts5, indexDocumentsFts5, nearbyMatchesFts5 } from './sqlite-fts5/provider.js';

type Db = Kysely<Database>;

/** The search engine of the store's database: FTS5 on SQLite, tsvector on PostgreSQL. */
export function searchProvider(db: Db): SearchProvider {
  return isPostgres(db) ? new PostgresSearch(db) : new Fts5Search(db);
}

/** Writes (or rewrites) one story in the index, in the caller's transaction. */
export const indexDocument = (db: Db, doc: SearchDocument): Promise<void> =>
  isPostgres(db) ? indexDocumentPg(db, doc) : indexDocumentFts5(db, doc);

/** Writes stories that are not in the index yet, many to a statement (bulk loads). */
export const indexDocuments = (db: Db, docs: SearchDocument[]): Promise<void> =>
  isPostgres(db) ? indexDocumentsPg(db, docs) : indexDocumentsFts5(db, docs);

/** Whether stories are missing from the index (compares the highest ids: free at any size). */
export const indexBehind = (db: Db): Promise<boolean> => (isPostgres(db) ? indexBehindPg(db) : indexBehindFts5(db));

export const clearIndex = (db: Db): Promise<void> => (isPostgres(db) ? clearIndexPg(db) : clearIndexFts5(db));

/** Stories whose headline, topics or standfirst hold any of `words`, filed nearest before/after `id`. */
export const nearbyMatches = (db: Db, words: string[], id: number, direction: 'before' | 'after', limit: number): Promise<number[]> =>
  (isPostgres(db) ? nearbyMatchesPg : nearbyMatchesFts5)(db, words, id, direction, limit);

/** Published stories best matching any of `words`, best first. */
export const bestMatches = (db: Db, words: string[], limit: number): Promise<number[]> =>
  (isPostgres(db) ? bestMatchesPg : bestMatchesFts5)(db, words, limit);
