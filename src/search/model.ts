import type { ArticleStatus, ArticleSummary, Page } from '../content/model.js';

/** What the index keeps of a story: its words, by field (weights differ per field). */
export interface SearchDocument {
  id: number;
  headline: string;
  topics: string[];
  standfirst: string;
  body: string;
  /** People, the byline as printed and the agency. */
  byline: string;
  /** Caption and alt text of the lead picture. */
  captions: string;
}

export interface SearchQuery {
  text: string;
  page: number;
  pageSize: number;
  sort: 'relevance' | 'date';
  sectionIds?: number[];
  topicId?: number;
  personId?: number;
  agencyId?: number;
  language?: string;
  from?: Date;
  to?: Date;
  /** Readers see published stories; the newsroom also sees drafts (contributors: their own). */
  scope: { kind: 'public' } | { kind: 'newsroom'; ownerId?: number };
}

/** A snippet as plain-text parts; `hit` parts matched the query (rendered as <mark>). */
export type Snippet = { text: string; hit: boolean }[];

export interface SearchHit extends ArticleSummary {
  status: ArticleStatus;
  snippet: Snippet;
}

export interface SearchResults extends Page<SearchHit> {
  /** A likely spelling when a one-word query found nothing. */
  suggestion: string | null;
  /**
   * How the hits are ordered: best match, newest published, or (a query matching more than can be
   * ranked) most recently added to the index first.
   */
  order?: 'relevance' | 'date' | 'added';
}

/**
 * Full-text search over stories. SQLite FTS5 now; PostgreSQL's tsvector implements the same.
 * Index writes take the caller's transaction, so the index never disagrees with the stories.
 */
export interface SearchProvider {
  search(q: SearchQuery): Promise<SearchResults>;
}
