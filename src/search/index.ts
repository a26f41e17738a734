export type { SearchDocument, SearchHit, SearchProvider, SearchQuery, SearchResults, Snippet } from './model.js';
export { parseQuery, toFts5, isEmptyQuery, levenshtein, type ParsedQuery } from './query.js';
export { Fts5Search, indexDocument, indexDocuments, indexBehind, clearIndex, splitSnippet } from './sqlite-fts5/provider.js';
