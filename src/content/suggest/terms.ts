/**
 * Finding known names in text: topic names and their aliases, matched word by word (longest
 * first), so "Islamic State" is one mention rather than a mention of "State" too.
 */

export interface Token {
  text: string;
  lower: string;
}

/** Words and numbers; punctuation, hyphens and apostrophes separate them ("IS-K’s" -> IS, K, s). */
export function tokenize(text: string): Token[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => ({ text: t, lower: t.toLowerCase() }));
}

/** The form a name is matched and stored in: lower case, words joined by one space. */
export function termKey(term: string): string {
  return tokenize(term).map((t) => t.lower).join(' ');
}

/**
 * Short all-capital names ("IS", "US", "UN") match only in capitals: "is" and "us" are words.
 * Longer capitals ("NATO") and every other name match whatever their case.
 */
export function matchesOnlyInCapitals(term: string): boolean {
  const t = term.trim();
  return /^[\p{Lu}\p{N}]{1,3}$/u.test(t) && /\p{Lu}/u.test(t);
}

export interface Term<T> {
  /** The name as written in the list (an alias or the topic's own name). */
  term: string;
  owner: T;
}

export interface Mention<T> {
  owner: T;
  /** The words as the text wrote them. */
  surface: string;
  /** Where in the tokens the mention starts, and how many tokens it spans. */
  start: number;
  length: number;
}

/** Names longer than this many words are not names a topic goes by (and would slow matching). */
export const maxTermWords = 8;

interface Entry<T> {
  owner: T;
  /** Set when the term must match letter case too. */
  exact: string | null;
}

export class TermMatcher<T> {
  private readonly byKey = new Map<string, Entry<T>[]>();
  private longest = 1;

  constructor(terms: Iterable<Term<T>>) {
    for (const { term, owner } of terms) {
      const key = termKey(term);
      if (!key) continue;
      const words = key.split(' ').length;
      if (words > maxTermWords) continue;
      if (words > this.longest) this.longest = words;
      const list = this.byKey.get(key) ?? [];
      list.push({ owner, exact: matchesOnlyInCapitals(term) ? tokenize(term).map((t) => t.text).join(' ') : null });
      this.byKey.set(key, list);
    }
  }

  /**
   * Every mention in the tokens, left to right, the longest name winning where names overlap.
   * Tokens marked in `skip` (already claimed by another matcher) are never part of a mention.
   */
  find(tokens: Token[], skip?: Set<number>): Mention<T>[] {
    const found: Mention<T>[] = [];
    for (let i = 0; i < tokens.length;) {
      let matched = 0;
      let room = 0;
      while (room < this.longest && i + room < tokens.length && !skip?.has(i + room)) room++;
      for (let n = room; n >= 1 && !matched; n--) {
        const words = tokens.slice(i, i + n);
        const entries = this.byKey.get(words.map((w) => w.lower).join(' '));
        if (!entries) continue;
        const surface = words.map((w) => w.text).join(' ');
        const owners = entries.filter((e) => e.exact === null || e.exact === surface).map((e) => e.owner);
        for (const owner of new Set(owners)) found.push({ owner, surface, start: i, length: n });
        if (owners.length) matched = n;
      }
      i += matched || 1;
    }
    return found;
  }
}

/**
 * Abbreviations a text defines itself, as in "Islamic State (IS)": the capitals in brackets are
 * the initials of the words just before them. Returns [long form, short form] pairs.
 */
export function definedAbbreviations(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  // Find the bracketed capitals first, then read the few words before each: a pattern that
  // matched the words first would backtrack over long texts (quadratic time).
  for (const m of text.matchAll(/\(\s*(\p{Lu}{2,6})\s*\)/gu)) {
    const short = m[1]!;
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    const words = before.split(/\s+/).map((w) => w.replace(/[^\p{L}]/gu, '')).filter(Boolean);
    const long = words.slice(-short.length);
    if (long.length !== short.length || !/\s$/.test(before)) continue;
    const initials = long.map((w) => w[0]!.toUpperCase()).join('');
    if (initials === short && /^\p{Lu}/u.test(long[0]!)) pairs.push([long.join(' '), short]);
  }
  return pairs;
}
