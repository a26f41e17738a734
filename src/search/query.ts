/**
 * A reader's query, parsed into terms the search engines understand, never into their syntax:
 * "quoted phrases", -excluded words, and plain words (matched as prefixes). Everything else
 * (*, NEAR(, :, parentheses) is only text, so no query can break the engine.
 */
export interface ParsedQuery {
  phrases: string[];
  words: string[];
  excluded: string[];
}

const maxLength = 500;
const maxTerms = 32;

export function parseQuery(raw: string): ParsedQuery {
  const text = raw.slice(0, maxLength).normalize('NFC');
  const q: ParsedQuery = { phrases: [], words: [], excluded: [] };
  const re = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(text)) && count < maxTerms) {
    const negated = Boolean(m[1] || m[3]);
    const value = (m[2] ?? m[4] ?? '').split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ').toLowerCase();
    if (!value) continue;
    count++;
    if (negated) q.excluded.push(value);
    else if (m[2] !== undefined && value.includes(' ')) q.phrases.push(value);
    else q.words.push(...value.split(' '));
  }
  return q;
}

export const isEmptyQuery = (q: ParsedQuery): boolean => !q.phrases.length && !q.words.length;

/** FTS5 MATCH text: every part double-quoted, so only our own operators are operators. */
export function toFts5(q: ParsedQuery): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const parts = [
    ...q.phrases.map(quote),
    ...q.words.map((w) => (w.length >= 2 ? `${quote(w)}*` : quote(w))),
  ];
  const positive = parts.join(' AND ');
  return q.excluded.length ? `(${positive}) NOT (${q.excluded.map(quote).join(' OR ')})` : positive;
}

/** Edit distance, for "did you mean". */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The bounds of the words starting with `prefix`: [prefix, next) in code-point order. */
export function prefixRange(prefix: string): [string, string] {
  const last = [...prefix].at(-1)!;
  return [prefix, prefix.slice(0, prefix.length - last.length) + String.fromCodePoint(last.codePointAt(0)! + 1)];
}

/**
 * Indexed words near a misspelt one (edit distance 1, or 2 from seven letters), nearest and most
 * used first. Candidates, not answers: the index holds drafts' words too, so the caller keeps the
 * first one that finds a story the asker may see.
 */
export function closestTerms(word: string, terms: { term: string; docs: number }[], max = 8): string[] {
  const limit = word.length >= 7 ? 2 : 1;
  const near: { term: string; distance: number; docs: number }[] = [];
  for (const t of terms) {
    if (Math.abs(t.term.length - word.length) > limit || t.term === word) continue;
    const distance = levenshtein(word, t.term);
    if (distance <= limit) near.push({ ...t, distance });
  }
  return near.sort((a, b) => a.distance - b.distance || b.docs - a.docs).slice(0, max).map((t) => t.term);
}

/**
 * "Did you mean": the first candidate, among words sharing the first two letters and then the
 * first letter (for a slip in the second), for which `finds` (the same search, scope and
 * filters) has a story. Readers' suggestions so never come from words only drafts contain.
 */
export async function suggestTerm(word: string, candidates: (prefix: string) => Promise<string[]>, finds: (term: string) => Promise<boolean>): Promise<string | null> {
  if (word.length < 4) return null;
  const chars = [...word];
  const tried = new Set<string>();
  for (const prefix of [chars.slice(0, 2).join(''), chars[0]!]) {
    for (const term of await candidates(prefix)) {
      if (tried.has(term)) continue;
      tried.add(term);
      if (await finds(term)) return term;
    }
  }
  return null;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A snippet of `text` around the query's first hit, hits marked with `open`/`close`: about
 * `words` words, as FTS5's snippet() makes them. Words match as beginnings (as the index does),
 * ignoring case and accents.
 */
export function snippetOf(text: string, q: ParsedQuery, open: string, close: string, words = 28): string | null {
  // As the index matches them: words of two letters or more as beginnings, shorter ones whole.
  const terms = [...q.words, ...q.phrases.flatMap((p) => p.split(' '))].map(fold);
  if (!terms.length || !text) return null;
  const tokens = text.split(/(\s+)/);
  const isHit = (token: string) => {
    const core = fold(token).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return core !== '' && terms.some((t) => (t.length >= 2 ? core.startsWith(t) : core === t));
  };
  const wordsAt = tokens.map((t, i) => ({ t, i })).filter((x) => x.t.trim() !== '');
  const first = Math.max(0, wordsAt.findIndex((x) => isHit(x.t)));
  const start = Math.max(0, first - 4);
  const picked = wordsAt.slice(start, start + words);
  const body = picked.map((x) => (isHit(x.t) ? `${open}${x.t}${close}` : x.t)).join(' ');
  return `${start > 0 ? '…' : ''}${body}${start + words < wordsAt.length ? '…' : ''}`;
}
