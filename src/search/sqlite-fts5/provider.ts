import { sql, type Kysely } from 'kysely';
import type { ArticleStatus } from '../../content/model.js';
import type { Database } from '../../store/schema.js';
import { summaryColumns } from '../../store/content/reads.js';
import { toSummary, type SummaryRow } from '../../store/content/mappers.js';
import type { SearchDocument, SearchProvider, SearchQuery, SearchResults, Snippet } from '../model.js';
import { closestTerms, isEmptyQuery, parseQuery, prefixRange, snippetOf, suggestTerm, toFts5, type ParsedQuery } from '../query.js';
import { withFilters } from '../filters.js';

type Db = Kysely<Database>;

/** Writes (or rewrites) one story in the index, in the caller's transaction. */
export async function indexDocumentFts5(db: Db, doc: SearchDocument): Promise<void> {
  await db.deleteFrom('article_search').where('rowid', '=', doc.id).execute();
  await db.insertInto('article_search').values(searchRow(doc)).execute();
}

const searchRow = (doc: SearchDocument) => ({
  rowid: doc.id, headline: doc.headline, topics: doc.topics.join(' · '), standfirst: doc.standfirst, body: doc.body, byline: doc.byline, captions: doc.captions,
});

/** Writes stories that are not in the index yet, many to a statement (bulk loads). */
export async function indexDocumentsFts5(db: Db, docs: SearchDocument[]): Promise<void> {
  if (!docs.length) return;
  await db.insertInto('article_search').values(docs.map(searchRow)).execute();
}

/**
 * Whether stories are missing from the index (a database from before search, or a rebuild cut
 * short: rebuilds go in id order). Compares the highest ids, which costs nothing at any size;
 * counting a million-row index took seconds.
 */
export async function indexBehindFts5(db: Db): Promise<boolean> {
  const [indexed, stored] = await Promise.all([
    db.selectFrom('article_search').select((eb) => eb.fn.max('rowid').as('id')).executeTakeFirst(),
    db.selectFrom('articles').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst(),
  ]);
  return Number(indexed?.id ?? 0) < Number(stored?.id ?? 0);
}

export async function clearIndexFts5(db: Db): Promise<void> {
  await db.deleteFrom('article_search').execute();
}

/**
 * Stories whose headline, topics or standfirst hold any of `words`, filed nearest before or
 * after `id` (in filing order the text index stops after the first matches).
 */
export async function nearbyMatchesFts5(db: Db, words: string[], id: number, direction: 'before' | 'after', limit: number): Promise<number[]> {
  const match = `{headline topics standfirst} : (${words.map((w) => `"${w.replaceAll('"', '')}"`).join(' OR ')})`;
  const rows = await db.selectFrom('article_search').select('rowid')
    .where(sql<boolean>`article_search match ${match}`).where('rowid', direction === 'before' ? '<' : '>', id)
    .orderBy('rowid', direction === 'before' ? 'desc' : 'asc').limit(limit).execute();
  return rows.map((r) => r.rowid);
}

/** Published stories best matching any of `words` (BM25), best first. */
export async function bestMatchesFts5(db: Db, words: string[], limit: number): Promise<number[]> {
  const match = words.map((w) => `"${w.replaceAll('"', '')}"`).join(' OR ');
  // CROSS JOIN: the full-text match is the outer loop (see the search provider).
  return (await db.selectFrom('article_search').crossJoin('articles as a').whereRef('a.id', '=', 'article_search.rowid')
    .select('a.id').where(sql<boolean>`article_search match ${match}`).where('a.status', '=', 'published')
    .orderBy(rank).limit(limit).execute()).map((r) => r.id);
}

/** Matches counted exactly up to this; past it, results are "more than" this, most recently added first. */
export const countLimit = 1000;

// Field weights for BM25: headline, topics, standfirst, body, byline, captions.
const rank = sql<number>`bm25(article_search, 10.0, 6.0, 3.0, 1.0, 2.0, 4.0)`;
const open = '\u0001';
const close = '\u0002';

/** SQLite FTS5 search: BM25 ranking with headline and topics weighted above the body. */
export class Fts5Search implements SearchProvider {
  constructor(private readonly db: Db) {}

  async search(q: SearchQuery): Promise<SearchResults> {
    const parsed = parseQuery(q.text);
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize, suggestion: null };
    if (isEmptyQuery(parsed)) return empty;
    const match = toFts5(parsed);
    const base = this.filtered(match, q);
    // Counted up to a bound: a common word matches half a million stories at a million.
    const count = Number((await this.db.selectFrom(base.select('a.id').limit(countLimit + 1).as('c'))
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const broad = count > countLimit;
    // Ranking every match of a broad query costs a BM25 score per match (a third of a second for
    // half a million): those are listed newest filed first, which the index walks lazily.
    // (The id is the rowid: a second ORDER BY term would make SQLite sort every match.)
    // Sections and pictures are joined for the page's summaries only, not for the count.
    const listed = base.innerJoin('sections as s', 's.id', 'a.section_id').leftJoin('images as i', 'i.id', 'a.lead_image_id');
    const ordered = broad ? listed.orderBy(sql`article_search.rowid desc`)
      : listed.orderBy(q.sort === 'date' ? sql`a.first_published_at desc` : sql`${rank}`).orderBy('a.id', 'desc');
    const rows = await ordered.select(summaryColumns).select('a.status')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    const snippets = await this.snippets(match, rows.map((r) => r.id), parsed, broad);
    const suggestion = count === 0 && parsed.words.length === 1 && !parsed.phrases.length ? await this.suggest(parsed.words[0]!, q) : null;
    return {
      items: rows.map((r) => ({ ...toSummary(r as SummaryRow), status: r.status as ArticleStatus, snippet: splitSnippet(snippets.get(r.id) ?? null) })),
      page: q.page, pageSize: q.pageSize, suggestion,
      ...(broad ? { total: countLimit, totalIsAtLeast: true, order: 'added' as const } : { total: count, order: q.sort === 'date' ? 'date' as const : 'relevance' as const }),
    };
  }

  /**
   * Snippets only for the page's hits: making one for every match before sorting costs far more.
   * For a broad query (a common word at a million stories) FTS5 would run the whole match again
   * to make them, half a second: those are cut from the indexed text here instead.
   */
  private async snippets(match: string, ids: number[], parsed: ParsedQuery, broad: boolean): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    if (broad) {
      const rows = await this.db.selectFrom('article_search').select(['rowid', 'body']).where('rowid', 'in', ids).execute();
      return new Map(rows.map((r) => [r.rowid, snippetOf(r.body, parsed, open, close) ?? '']));
    }
    const rows = await this.db.selectFrom('article_search')
      .select(['rowid', sql<string>`snippet(article_search, 3, ${open}, ${close}, '…', 28)`.as('snip')])
      .where(sql<boolean>`article_search match ${match}`).where('rowid', 'in', ids).execute();
    return new Map(rows.map((r) => [r.rowid, r.snip]));
  }

  private filtered(match: string, q: SearchQuery) {
    // CROSS JOIN keeps the full-text index as the outer loop: otherwise SQLite may walk the
    // stories and run the whole text query once per story (80 ms instead of 1 ms at 1,000 stories).
    return withFilters(this.db, this.db.selectFrom('article_search')
      .crossJoin('articles as a')
      .whereRef('a.id', '=', 'article_search.rowid')
      .where(sql<boolean>`article_search match ${match}`), q);
  }

  /**
   * "Did you mean" from the index's vocabulary, a narrow range of it at a time: the vocabulary
   * counts documents by reading the index, so the narrower the cheaper (a first letter alone cost
   * 180 ms at a million stories).
   */
  private suggest(word: string, q: SearchQuery): Promise<string | null> {
    return suggestTerm(word, (prefix) => this.candidates(word, prefix), async (term) =>
      !!(await this.filtered(toFts5(parseQuery(term)), q).select('a.id').limit(1).executeTakeFirst()));
  }

  private async candidates(word: string, prefix: string): Promise<string[]> {
    const [from, to] = prefixRange(prefix);
    const terms = await this.db.selectFrom('article_search_vocab').select(['term', 'doc'])
      .where('term', '>=', from).where('term', '<', to).execute();
    return closestTerms(word, terms.map((t) => ({ term: t.term, docs: t.doc })));
  }
}

/** FTS5's snippet, with our marker characters, into plain parts (the page escapes and marks them). */
export function splitSnippet(raw: string | null): Snippet {
  if (!raw) return [];
  const parts: Snippet = [];
  for (const piece of raw.split(open)) {
    const [hit, rest] = piece.includes(close) ? piece.split(close) as [string, string] : [null, piece];
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}
