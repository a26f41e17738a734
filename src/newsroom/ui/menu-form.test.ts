import { describe, expect, it } from 'vitest';
import { applyOp, draftMenuFromForm, menuFromDraft, opFromForm, rowOfField, type DraftItem } from './menu-form.js';

const item = (label: string, children: DraftItem[] = []): DraftItem => ({ target: `section:${label.toLowerCase()}`, url: '', label, children });
const labels = (items: DraftItem[]) => items.map((i) => (i.children.length ? [i.label, i.children.map((c) => c.label)] : i.label));

describe('the menu editor without a script', () => {
  it('reads the rows in form order, sub-items under the item above', () => {
    const body = { depth: ['0', '1', '0'], target: ['section:global', 'page:3', 'url'], url: ['', '', '/x'], label: ['World', 'About', 'X'] };
    expect(menuFromDraft(draftMenuFromForm(body))).toEqual([{ label: 'World', section: 'global', children: [{ label: 'About', page: 3 }] }, { label: 'X', url: '/x' }]);
  });

  it('moves an item among its siblings, and keeps the focus on the button still there', () => {
    const items = [item('A'), item('B', [item('B1'), item('B2')]), item('C')];
    expect(applyOp(items, { kind: 'up', at: [2] })).toMatchObject({ focus: { at: [1], control: 'up' } });
    expect(labels(applyOp(items, { kind: 'up', at: [1] }).items)).toEqual([['B', ['B1', 'B2']], 'A', 'C']);
    expect(applyOp(items, { kind: 'up', at: [1] }).focus).toEqual({ at: [0], control: 'down' });
    expect(labels(applyOp(items, { kind: 'down', at: [1, 0] }).items)).toEqual(['A', ['B', ['B2', 'B1']], 'C']);
    expect(labels(items)).toEqual(['A', ['B', ['B1', 'B2']], 'C']);
  });

  it('adds, adds under and removes', () => {
    const items = [item('A'), item('B')];
    expect(applyOp(items, { kind: 'add' }).items).toHaveLength(3);
    expect(applyOp(items, { kind: 'add-child', at: [1] }).focus).toEqual({ at: [1, 0], control: 'target' });
    expect(labels(applyOp(items, { kind: 'remove', at: [0] }).items)).toEqual(['B']);
  });

  it('knows its buttons, and finds the row a refusal names', () => {
    expect(opFromForm({ op: 'down:2.1' })).toEqual({ kind: 'down', at: [2, 1] });
    expect(opFromForm({})).toEqual({ kind: 'save' });
    expect(opFromForm({ op: 'add-child:1.0' })).toBeNull();
    expect(opFromForm({ op: 'explode:1' })).toBeNull();
    expect(rowOfField('items.2.children.0.page')).toEqual([2, 0]);
    expect(rowOfField('items')).toBeNull();
  });
});
