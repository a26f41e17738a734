import { targetOf, type MenuItem } from '../../content/index.js';
import type { FormBody } from './forms.js';

/**
 * The menu editor works without a script: the whole menu travels in the form, and each button
 * (move, remove, add) sends it back with what to do; the page comes back changed, not yet saved.
 * A row's target is one select value: `section:global`, `page:3`, `topic:isis`, or `url` (then
 * the address is in its own field).
 */
export interface DraftItem {
  target: string;
  url: string;
  label: string;
  children: DraftItem[];
}

/** A row's place: [item] or [item, sub-item], from 0. */
export type RowAddress = [number] | [number, number];

export type MenuOp =
  | { kind: 'up' | 'down' | 'remove'; at: RowAddress }
  | { kind: 'add' }
  | { kind: 'add-child'; at: [number] }
  | { kind: 'save' };

const all = (body: FormBody, name: string): string[] => {
  const v = body[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** The rows as the form sent them, in order: `depth` 1 rows belong to the item above. */
export function draftMenuFromForm(body: FormBody): DraftItem[] {
  const [depths, targets, urls, labels] = ['depth', 'target', 'url', 'label'].map((n) => all(body, n)) as [string[], string[], string[], string[]];
  const items: DraftItem[] = [];
  depths.forEach((depth, i) => {
    const row: DraftItem = { target: targets[i] ?? '', url: urls[i] ?? '', label: labels[i] ?? '', children: [] };
    const parent = items.at(-1);
    if (depth === '1' && parent) parent.children.push(row);
    else items.push(row);
  });
  return items.slice(0, 100);
}

export function addressText(at: RowAddress): string {
  return at.map(String).join('.');
}

function parseAddress(text: string): RowAddress | null {
  const m = /^(\d{1,3})(?:\.(\d{1,3}))?$/.exec(text);
  if (!m) return null;
  return m[2] === undefined ? [Number(m[1])] : [Number(m[1]), Number(m[2])];
}

/** The button pressed (`op`: "up:2", "remove:2.0", "add", "add-child:1", "save"); Enter in a field saves. */
export function opFromForm(body: FormBody): MenuOp | null {
  const raw = all(body, 'op')[0] ?? 'save';
  const [kind, where = ''] = raw.split(':') as [string, string?];
  if (kind === 'save' || kind === 'add') return { kind };
  const at = parseAddress(where);
  if (!at) return null;
  if (kind === 'add-child') return at.length === 1 ? { kind, at } : null;
  return kind === 'up' || kind === 'down' || kind === 'remove' ? { kind, at } : null;
}

const blank = (): DraftItem => ({ target: '', url: '', label: '', children: [] });

/**
 * Applies a button's change to the menu, returning the new menu and the row whose control
 * should have the focus when the page comes back (a keyboard user carries on where they were).
 */
export function applyOp(items: DraftItem[], op: Exclude<MenuOp, { kind: 'save' }>): { items: DraftItem[]; focus: { at: RowAddress; control: 'up' | 'down' | 'target' } | { add: true } } {
  const next = items.map((i) => ({ ...i, children: [...i.children] }));
  if (op.kind === 'add') {
    next.push(blank());
    return { items: next, focus: { at: [next.length - 1], control: 'target' } };
  }
  if (op.kind === 'add-child') {
    const parent = next[op.at[0]];
    if (!parent) return { items: next, focus: { add: true } };
    parent.children.push(blank());
    return { items: next, focus: { at: [op.at[0], parent.children.length - 1], control: 'target' } };
  }
  const siblings = op.at.length === 1 ? next : next[op.at[0]]?.children;
  const index = op.at.at(-1)!;
  if (!siblings || index >= siblings.length) return { items: next, focus: { add: true } };
  const place = (i: number): RowAddress => (op.at.length === 1 ? [i] : [op.at[0], i]);
  if (op.kind === 'remove') {
    siblings.splice(index, 1);
    return { items: next, focus: { add: true } };
  }
  const to = op.kind === 'up' ? index - 1 : index + 1;
  if (to < 0 || to >= siblings.length) return { items: next, focus: { at: place(index), control: op.kind === 'up' ? 'down' : 'up' } };
  [siblings[index], siblings[to]] = [siblings[to]!, siblings[index]!];
  // At either end that button is gone: the other one takes the focus.
  const control = op.kind === 'up' ? (to === 0 ? 'down' : 'up') : to === siblings.length - 1 ? 'up' : 'down';
  return { items: next, focus: { at: place(to), control } };
}

function itemFromDraft(d: DraftItem, withChildren: boolean): MenuItem {
  const label = d.label;
  const [kind, ...rest] = d.target.split(':');
  const value = rest.join(':');
  const item: MenuItem =
    kind === 'section' ? { label, section: value }
    : kind === 'topic' ? { label, topic: value }
    : kind === 'page' ? { label, page: /^\d{1,12}$/.test(value) ? Number(value) : 0 }
    : kind === 'url' ? { label, url: d.url.trim() }
    : { label };
  if (withChildren && d.children.length) item.children = d.children.map((c) => itemFromDraft(c, false));
  return item;
}

/** The form's menu as the setMenu command takes it (a row with no target is refused there, by its place). */
export function menuFromDraft(items: DraftItem[]): MenuItem[] {
  return items.map((d) => itemFromDraft(d, true));
}

export function draftFromMenu(items: MenuItem[]): DraftItem[] {
  return items.map((item) => {
    const t = targetOf(item);
    const target = t.kind === 'url' ? 'url' : `${t.kind}:${t.kind === 'page' ? t.id : t.slug}`;
    return { target, url: t.kind === 'url' ? t.url : '', label: item.label, children: draftFromMenu(item.children ?? []) };
  });
}

/** The row a refusal names (`items.2.children.0.page` -> [2, 0]), or null for the whole menu. */
export function rowOfField(field: string | undefined): RowAddress | null {
  const m = /^items\.(\d+)(?:\.children\.(\d+))?/.exec(field ?? '');
  if (!m) return null;
  return m[2] === undefined ? [Number(m[1])] : [Number(m[1]), Number(m[2])];
}
