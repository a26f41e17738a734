import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug.js';

describe('slugify', () => {
  it('makes the seed headline into the seed address', () => {
    expect(slugify('After ‘caliphate’ collapse, ISIS militants head to Afghanistan'))
      .toBe('after-caliphate-collapse-isis-militants-head-to-afghanistan');
  });

  it('folds accents and drops apostrophes inside words', () => {
    expect(slugify('Zürich’s café owners don\'t agree — São Paulo')).toBe('zurichs-cafe-owners-dont-agree-sao-paulo');
    expect(slugify('Łódź straße Ærø')).toBe('lodz-strasse-aero');
  });

  it('stops at a word boundary under the length limit', () => {
    const slug = slugify('word '.repeat(40), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('keeps the letters of other scripts', () => {
    expect(slugify('新华社')).toBe('新华社');
    expect(slugify('ТАСС сообщает: «Новости»')).toBe('тасс-сообщает-новости');
    expect(slugify('Αθήνα')).not.toBe(slugify('ТАСС'));
  });

  it('gives an empty slug for text with no letters or digits', () => {
    expect(slugify('“”—!?')).toBe('');
  });
});

describe('uniqueSlug', () => {
  it('appends -2, -3 while the slug is taken', async () => {
    const taken = new Set(['story', 'story-2']);
    expect(await uniqueSlug('story', async (s) => taken.has(s))).toBe('story-3');
    expect(await uniqueSlug('fresh', async (s) => taken.has(s))).toBe('fresh');
  });
});
