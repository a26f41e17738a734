import { describe, expect, it } from 'vitest';
import { checkMenu, isMenuUrl, resolveMenu, type LiveTargets } from './menus.js';

describe('menu links', () => {
  it('go to a site path or an http(s) address, nothing a browser would read otherwise', () => {
    for (const ok of ['/', '/about', '/topic/isis?page=2#top', 'https://example.org/', 'http://example.org/a b'.replace(' ', '%20')]) expect(isMenuUrl(ok), ok).toBe(true);
    for (const bad of ['//evil.example/', 'javascript:alert(1)', 'data:text/html,x', 'about', '/a b', '/a\\b', 'https://', 'ftp://example.org/', `/${'x'.repeat(2000)}`]) {
      expect(isMenuUrl(bad), bad).toBe(false);
    }
  });
});

describe('checkMenu', () => {
  it('tidies labels and drops empty sub-item lists', () => {
    expect(checkMenu('header', [{ label: '  World \n news ', section: 'global', children: [] }])).toEqual([{ label: 'World news', section: 'global' }]);
  });

  it('names the field at fault, counting from 0 as the API does', () => {
    const field = (f: () => unknown) => { try { f(); return null; } catch (e) { return (e as { field?: string }).field; } };
    expect(field(() => checkMenu('header', [{ label: 'A', url: '/' }, { label: 'B', section: 'x', children: [{ label: '', page: 2 }] }]))).toBe('items.1.children.0.label');
    expect(field(() => checkMenu('footer', [{ label: 'A', url: '/', children: [{ label: 'B', url: '/b' }] }]))).toBe('items.0.children');
    expect(field(() => checkMenu('header', [{ label: 'A', page: 1.5 }]))).toBe('items.0.page');
  });
});

describe('resolveMenu', () => {
  const live: LiveTargets = {
    sections: new Map([['global', { id: 1, slug: 'global' }]]),
    pages: new Map([[3, { id: 3, slug: 'about' }]]),
    topics: new Map(),
  };

  it('leaves out an item whose target readers cannot open, with its sub-items', () => {
    const nav = resolveMenu([
      { label: 'Gone', topic: 'isis', children: [{ label: 'About', page: 3 }] },
      { label: 'World', section: 'global', children: [{ label: 'Draft', page: 4 }, { label: 'About', page: 3 }] },
    ], live);
    expect(nav).toEqual([{ label: 'World', link: { kind: 'section', section: { id: 1, slug: 'global' } }, children: [{ label: 'About', link: { kind: 'page', page: { id: 3, slug: 'about' } }, children: [] }] }]);
  });
});
