import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ArticleStatus } from '../../content/model.js';
import type { Database } from '../../store/schema.js';
import { summaryColumns } from '../../store/content/reads.js';
import { toSummary, type SummaryRow } from '../../store/content/mappers.js';
import type { SearchDocument, SearchProvider, SearchQuery, SearchResults } from '../model.js';
import { closestTerms, isEmptyQuery, parseQuery, prefixRange, snippetOf, suggestTerm, type ParsedQuery } from '../query.js';
import { withFilters } from '../filters.js';
import { countLimit, splitSnippet } from '../sqlite-fts5/provider.js';
import { bm25Order, countStoriesWith, type RankTerm } from './bm25.js';

type Db = Kysely<Database>;

/**
 * Words as SQLite's unicode61 tokenizer (remove_diacritics 2) sees them: letters and digits,
 * lower case, accents removed. PostgreSQL's 'simple' configuration then only has to split on
 * spaces, so both engines index and match the same words.
 */
export function lexemes(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const plain = (text: string) => lexemes(text).join(' ');

// Field classes (PostgreSQL has four): A headline, B topics, C standfirst and captions, D byline
// and body; ranked with SQLite's weights (see bm25.ts). ts_rank's weights, for topic suggestions:
const weights = '{0.1, 0.35, 0.6, 1.0}';

function documentOf(doc: SearchDocument): RawBuilder<string> {
  return sql<string>`setweight(to_tsvector('simple', ${plain(doc.headline)}), 'A')
    || setweight(to_tsvector('simple', ${plain(doc.topics.join(' '))}), 'B')
    || setweight(to_tsvector('simple', ${plain(`${doc.standfirst} ${doc.captions}`)}), 'C')
    || setweight(to_tsvector('simple', ${plain(`${doc.byline} ${doc.body}`)}), 'D')`;
}

const row = (doc: SearchDocument) => ({
  id: doc.id, headline: doc.headline, topics: doc.topics.join(' · '), standfirst: doc.standfirst, body: doc.body,
  byline: doc.byline, captions: doc.captions, document: documentOf(doc),
  head: sql<string>`to_tsvector('simple', ${plain([doc.headline, ...doc.topics, doc.standfirst].join(' '))})`,
  words: lexemes([doc.headline, ...doc.topics, doc.standfirst, doc.captions, doc.byline, doc.body].join(' ')).length,
});

export async function indexDocumentPg(db: Db, doc: SearchDocument): Promise<void> {
  const values = row(doc);
  await db.insertInto('search_documents').values(values)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...values, id: undefined } as never)).execute();
}

export async function indexDocumentsPg(db: Db, docs: SearchDocument[]): Promise<void> {
  if (docs.length) await db.insertInto('search_documents').values(docs.map(row)).execute();
}

export async function indexBehindPg(db: Db): Promise<boolean> {
  const [indexed, stored] = await Promise.all([
    db.selectFrom('search_documents').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst(),
    db.selectFrom('articles').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst(),
  ]);
  return Number(indexed?.id ?? 0) < Number(stored?.id ?? 0);
}

export async function clearIndexPg(db: Db): Promise<void> {
  await db.deleteFrom('search_documents').execute();
}

/** A tsquery term: one word (a prefix from two letters on, as on SQLite), or a phrase. */
function term(text: string, prefix: boolean): string | null {
  const words = lexemes(text);
  if (!words.length) return null;
  const last = words.length - 1;
  return words.map((w, i) => `${w}${prefix && i === last && w.length >= 2 ? ':*' : ''}`).join(' <-> ');
}

/** The reader's parsed query as tsquery text: every word is letters and digits, so none is an operator. */
export function toTsQuery(q: ParsedQuery): string | null {
  const positive = [...q.phrases.map((p) => term(p, false)), ...q.words.map((w) => term(w, true))].filter((t): t is string => t !== null);
  if (!positive.length) return null;
  const excluded = q.excluded.map((e) => term(e, false)).filter((t): t is string => t !== null);
  return [...positive.map((t) => `(${t})`), ...excluded.map((t) => `!(${t})`)].join(' & ');
}

/** Any of `words`, as whole words. */
export function anyWordQuery(words: string[]): string | null {
  const terms = words.map((w) => term(w, false)).filter((t): t is string => t !== null);
  return terms.length ? terms.map((t) => `(${t})`).join(' | ') : null;
}

/** The query's positive terms, for ranking. */
function rankTerms(q: ParsedQuery): RankTerm[] {
  const of = (text: string, prefix: boolean) => {
    const tsquery = term(text, prefix);
    return tsquery ? [{ words: lexemes(text), prefix, tsquery }] : [];
  };
  return [...q.phrases.flatMap((p) => of(p, false)), ...q.words.flatMap((w) => of(w, true))];
}

const matches = (query: string) => sql<boolean>`search_documents.document @@ to_tsquery('simple', ${query})`;
const rank = (query: string) => sql<number>`ts_rank(${weights}::real[], search_documents.document, to_tsquery('simple', ${query}), 0)`;

/** Stories matching any of `words` in their first fields, filed nearest before or after `id`. */
export async function nearbyMatchesPg(db: Db, words: string[], id: number, direction: 'before' | 'after', limit: number): Promise<number[]> {
  const query = anyWordQuery(words);
  if (!query) return [];
  const rows = await db.selectFrom('search_documents').select('id').where(sql<boolean>`search_documents.head @@ to_tsquery('simple', ${query})`)
    .where('id', direction === 'before' ? '<' : '>', id).orderBy('id', direction === 'before' ? 'desc' : 'asc').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** Published stories best matching any of `words`, best first. */
export async function bestMatchesPg(db: Db, words: string[], limit: number): Promise<number[]> {
  const query = anyWordQuery(words);
  if (!query) return [];
  const rows = await db.selectFrom('search_documents').innerJoin('articles as a', 'a.id', 'search_documents.id')
    .select('a.id').where(matches(query)).where('a.status', '=', 'published')
    .orderBy(rank(query), 'desc').orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((r) => r.id);
}

const open = '\u0001';
const close = '\u0002';

/** PostgreSQL full-text search, ranked by field weights like the SQLite engine. */
export class PostgresSearch implements SearchProvider {
  private corpusStats: { at: number; value: Promise<{ docs: number; avgWords: number }> } | null = null;

  constructor(private readonly db: Db) {}

  /** How many stories are indexed and their average length: read again after a minute. */
  private corpus(): Promise<{ docs: number; avgWords: number }> {
    if (!this.corpusStats || Date.now() - this.corpusStats.at > 60_000) {
      const value = this.db.selectFrom('search_documents').select((eb) => [eb.fn.countAll<number>().as('docs'), eb.fn.avg<number>('words').as('avg')])
        .executeTakeFirstOrThrow().then((r) => ({ docs: Number(r.docs), avgWords: Number(r.avg ?? 0) }));
      this.corpusStats = { at: Date.now(), value };
      value.catch(() => { this.corpusStats = null; });
    }
    return this.corpusStats.value;
  }

  private readonly termCounts = new Map<string, { at: number; n: Promise<number> }>();

  /** A term's story count, kept a minute (a common word costs a count of many stories). */
  private storiesWith(tsquery: string): Promise<number> {
    const kept = this.termCounts.get(tsquery);
    if (kept && Date.now() - kept.at < 60_000) return kept.n;
    if (this.termCounts.size >= 5_000) this.termCounts.clear();
    const n = countStoriesWith(this.db, tsquery);
    this.termCounts.set(tsquery, { at: Date.now(), n });
    n.catch(() => this.termCounts.delete(tsquery));
    return n;
  }

  async search(q: SearchQuery): Promise<SearchResults> {
    const parsed = parseQuery(q.text);
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize, suggestion: null };
    const query = isEmptyQuery(parsed) ? null : toTsQuery(parsed);
    if (!query) return empty;
    const base = withFilters(this.db, this.db.selectFrom('search_documents').innerJoin('articles as a', 'a.id', 'search_documents.id')
      .where(matches(query)), q);
    const matched = (await base.select('a.id').orderBy('a.id', 'desc').limit(countLimit + 1).execute()).map((r) => r.id);
    const count = matched.length;
    const broad = count > countLimit;
    const listed = base.innerJoin('sections as s', 's.id', 'a.section_id').leftJoin('images as i', 'i.id', 'a.lead_image_id')
      .select(summaryColumns).select(['a.status', 'search_documents.body as search_body']);
    let rows: Awaited<ReturnType<typeof listed.execute>>;
    if (!broad && q.sort !== 'date') {
      // Ranked in full here, as SQLite ranks (BM25); only the page's stories are then read.
      const ranked = await bm25Order(this.db, matched, rankTerms(parsed), await this.corpus(), (t) => this.storiesWith(t));
      const pageIds = ranked.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      const found = pageIds.length ? await listed.where('a.id', 'in', pageIds).execute() : [];
      rows = pageIds.map((id) => found.find((r) => r.id === id)!).filter(Boolean);
    } else {
      rows = await (broad ? listed.orderBy('a.id', 'desc') : listed.orderBy(sql`a.first_published_at desc nulls last`).orderBy('a.id', 'desc'))
        .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    }
    const suggestion = count === 0 && parsed.words.length === 1 && !parsed.phrases.length ? await this.suggest(parsed.words[0]!, q) : null;
    return {
      items: rows.map((r) => ({
        ...toSummary(r as unknown as SummaryRow), status: r.status as ArticleStatus,
        snippet: splitSnippet(snippetOf(r.search_body, parsed, open, close)),
      })),
      page: q.page, pageSize: q.pageSize, suggestion,
      ...(broad ? { total: countLimit, totalIsAtLeast: true, order: 'added' as const } : { total: count, order: q.sort === 'date' ? 'date' as const : 'relevance' as const }),
    };
  }

  /** "Did you mean": the nearest indexed word that finds a story this asker may see. */
  private suggest(word: string, q: SearchQuery): Promise<string | null> {
    const folded = lexemes(word)[0];
    if (!folded) return Promise.resolve(null);
    return suggestTerm(folded, (prefix) => this.nearest(folded, prefix), async (term) => {
      const query = toTsQuery(parseQuery(term));
      if (!query) return false;
      const base = withFilters(this.db, this.db.selectFrom('search_documents').innerJoin('articles as a', 'a.id', 'search_documents.id')
        .where(matches(query)), q);
      return !!(await base.select('a.id').limit(1).executeTakeFirst());
    });
  }

  private async nearest(word: string, prefix: string): Promise<string[]> {
    const [from, to] = prefixRange(prefix);
    // ts_stat reads the documents it is given: the latest 20,000 stories' words bound the cost of
    // a misspelt query (anyone can send one) and are the words readers are likely to mean.
    const terms = (await sql<{ word: string; ndoc: number }>`select word, ndoc from ts_stat('select document from search_documents order by id desc limit 20000')
      where word collate "C" >= ${from} and word collate "C" < ${to}`.execute(this.db)).rows;
    return closestTerms(word, terms.map((t) => ({ term: t.word, docs: Number(t.ndoc) })));
  }
}
