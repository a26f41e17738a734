import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

type Db = Kysely<Database>;

/** A query term as the index matches it: a word (a prefix from two letters on) or a phrase. */
export interface RankTerm {
  words: string[];
  prefix: boolean;
  /** The term as tsquery text, for counting the stories it matches. */
  tsquery: string;
}

// SQLite's BM25 weights per field: headline 10, topics 6; standfirst 3 and captions 4 share
// PostgreSQL's third class, byline 2 and body 1 its fourth (the body dominates it). FTS5's k1, b.
const classWeight: Record<string, number> = { A: 10, B: 6, C: 3.5, D: 1 };
const k1 = 1.2;
const b = 0.75;

interface Occurrence { lexeme: string; positions: number[]; weights: string[] }

/** How often a term occurs in one story's words, weighted by field (a phrase: its word run). */
function frequency(term: RankTerm, words: Occurrence[]): number {
  const matching = (w: string, last: boolean) => words.filter((o) => (term.prefix && last && w.length >= 2 ? o.lexeme.startsWith(w) : o.lexeme === w));
  if (term.words.length === 1) {
    return matching(term.words[0]!, true).reduce((n, o) => n + o.weights.reduce((m, c) => m + (classWeight[c] ?? 1), 0), 0);
  }
  const at = term.words.map((w, i) => {
    const map = new Map<number, string>();
    for (const o of matching(w, i === term.words.length - 1)) o.positions.forEach((p, j) => map.set(p, o.weights[j]!));
    return map;
  });
  let tf = 0;
  for (const [p, weight] of at[0]!) if (at.every((m, i) => m.has(p + i))) tf += classWeight[weight] ?? 1;
  return tf;
}

/**
 * Orders matched stories as SQLite's FTS5 bm25() does, so both engines put the same stories first:
 * field-weighted term frequency, saturated (k1) and scaled by the story's length against the
 * average (b), times each term's rarity. Runs over the matches of a query that can be ranked in
 * full (at most a thousand); the words' positions and fields come from the stories' tsvectors.
 */
export async function bm25Order(
  db: Db, ids: number[], terms: RankTerm[], corpus: { docs: number; avgWords: number }, storiesWith: (tsquery: string) => Promise<number>,
): Promise<number[]> {
  if (ids.length <= 1 || !terms.length) return ids;
  const exact = [...new Set(terms.flatMap((t) => t.words.filter((w, i) => !(t.prefix && i === t.words.length - 1 && w.length >= 2))))];
  const prefixes = [...new Set(terms.flatMap((t) => t.words.filter((w, i) => t.prefix && i === t.words.length - 1 && w.length >= 2)))].map((w) => `${w}%`);
  const rows = (await sql<{ id: number; words: number; lexeme: string; positions: number[]; weights: string[] }>`
    select d.id, d.words, u.lexeme, u.positions::int[] as positions, u.weights::text[] as weights
    from search_documents d cross join lateral unnest(d.document) u
    where d.id = any(${ids}::int[]) and (u.lexeme = any(${exact}::text[]) or u.lexeme like any(${prefixes}::text[]))`.execute(db)).rows;
  const byStory = new Map<number, { words: number; occurrences: Occurrence[] }>();
  for (const r of rows) {
    const s = byStory.get(r.id) ?? { words: r.words, occurrences: [] };
    s.occurrences.push({ lexeme: r.lexeme, positions: r.positions, weights: r.weights });
    byStory.set(r.id, s);
  }
  const idf = await Promise.all(terms.map(async (t) => {
    const n = await storiesWith(t.tsquery);
    return Math.max(1e-6, Math.log((corpus.docs - n + 0.5) / (n + 0.5)));
  }));
  const score = new Map<number, number>();
  for (const id of ids) {
    const story = byStory.get(id);
    if (!story) { score.set(id, 0); continue; }
    const scale = k1 * (1 - b + (b * story.words) / Math.max(1, corpus.avgWords));
    score.set(id, terms.reduce((sum, t, i) => {
      const tf = frequency(t, story.occurrences);
      return sum + (idf[i]! * tf * (k1 + 1)) / (tf + scale);
    }, 0));
  }
  return [...ids].sort((x, y) => score.get(y)! - score.get(x)! || y - x);
}

/** How many stories hold a term (its rarity), counted up to a million. */
export async function countStoriesWith(db: Db, tsquery: string): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*) as n from (select 1 from search_documents
    where document @@ to_tsquery('simple', ${tsquery}) limit 1000000) x`.execute(db)).rows[0]!.n);
}
