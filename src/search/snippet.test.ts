import { describe, expect, it } from 'vitest';
import { parseQuery, snippetOf } from './query.js';

describe('snippets cut from the text (broad queries)', () => {
  const text = 'Officials in Kabul said on Monday that the deal on water sharing would be signed in May, and farmers welcomed the Déal’s terms at once.';

  it('marks every word the query begins, ignoring case and accents, around the first hit', () => {
    const s = snippetOf(text, parseQuery('deal'), '[', ']', 8)!;
    expect(s).toBe('…on Monday that the [deal] on water sharing…');
  });

  it('marks the words of phrases and says nothing when nothing is asked', () => {
    expect(snippetOf(text, parseQuery('"water sharing"'), '[', ']', 40)).toContain('[water] [sharing]');
    expect(snippetOf(text, parseQuery('déal'), '[', ']', 40)).toContain('[Déal’s]');
    expect(snippetOf(text, parseQuery(''), '[', ']')).toBeNull();
  });

  it('matches one-letter words whole, as the index does', () => {
    const s = snippetOf('A deal at 5 am and 500 more', parseQuery('a 5'), '[', ']', 40)!;
    expect(s).toBe('[A] deal at [5] am and 500 more');
  });
});
