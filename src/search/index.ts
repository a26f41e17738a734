export type { SearchDocument, SearchHit, SearchProvider, SearchQuery, SearchResults, Snippet } from './model.js';
export { parseQuery, toFts5, isEmptyQuery, levenshtein, type ParsedQuery } from './query.js';
export { searchProvider, indexDocument, indexDocuments, indexBehind, clearIndex, nearbyMatches, bestMatches } from './engine.js';
export { splitSnippet } from './sqlite-fts5/provider.js';
