import { describe, expect, it } from 'vitest';
import { definedAbbreviations, matchesOnlyInCapitals, termKey, TermMatcher, tokenize } from './terms.js';

const find = (terms: [string, string][], text: string) =>
  new TermMatcher(terms.map(([term, owner]) => ({ term, owner }))).find(tokenize(text)).map((m) => `${m.owner}:${m.surface}`);

describe('finding known names in text', () => {
  it('matches names word by word, case aside, the longest name winning', () => {
    expect(find([['Islamic State', 'is'], ['State', 'state']], 'The Islamic state said; the State said')).toEqual(['is:Islamic state', 'state:State']);
    expect(find([['New York', 'ny'], ['New York City', 'nyc']], 'New York City and New York')).toEqual(['nyc:New York City', 'ny:New York']);
  });

  it('matches short capitals only in capitals, so "is" and "us" stay words', () => {
    expect(matchesOnlyInCapitals('IS')).toBe(true);
    expect(matchesOnlyInCapitals('NATO')).toBe(false);
    expect(find([['IS', 'is'], ['US', 'us']], 'IS is here, and it told us the US knew')).toEqual(['is:IS', 'us:US']);
    expect(find([['NATO', 'nato']], 'Nato and NATO')).toEqual(['nato:Nato', 'nato:NATO']);
  });

  it('splits words at punctuation, hyphens and apostrophes', () => {
    expect(tokenize('IS-K’s “caliphate”').map((t) => t.text)).toEqual(['IS', 'K', 's', 'caliphate']);
    expect(termKey('  Al-Qaeda   in Iraq ')).toBe('al qaeda in iraq');
  });

  it('reads abbreviations a text defines in brackets', () => {
    expect(definedAbbreviations('clashes with Islamic state (IS) fighters and the Long War Journal (LWJ).')).toEqual([
      ['Islamic state', 'IS'], ['Long War Journal', 'LWJ'],
    ]);
    expect(definedAbbreviations('Anti-(IS) armed militia; he said (OK) fine')).toEqual([]);
  });
});
