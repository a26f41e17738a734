import { fail } from '../shared/index.js';
import type { Section, Topic } from './model.js';

/**
 * The site's two menus: the header's (one level of sub-items) and the footer's. An item links a
 * section, a static page, a topic or an address, under a label of its own. The shape is the
 * API's, and is what the database keeps: `{"label": "About", "page": 3}`.
 */
export const menuNames = ['header', 'footer'] as const;
export type MenuName = (typeof menuNames)[number];
export const isMenuName = (v: string): v is MenuName => (menuNames as readonly string[]).includes(v);

export interface MenuItem {
  label: string;
  /** Exactly one of these four says where the item goes. */
  section?: string;
  page?: number;
  topic?: string;
  url?: string;
  /** Header items only. */
  children?: MenuItem[];
}

export const menuLimits = { items: 30, children: 20, label: 60, url: 2000 } as const;
export const menuTargetKinds = ['section', 'page', 'topic', 'url'] as const;
export type MenuTargetKind = (typeof menuTargetKinds)[number];

export type MenuTarget =
  | { kind: 'section'; slug: string }
  | { kind: 'page'; id: number }
  | { kind: 'topic'; slug: string }
  | { kind: 'url'; url: string };

export function targetOf(item: MenuItem): MenuTarget {
  if (item.section !== undefined) return { kind: 'section', slug: item.section };
  if (item.page !== undefined) return { kind: 'page', id: item.page };
  if (item.topic !== undefined) return { kind: 'topic', slug: item.topic };
  return { kind: 'url', url: item.url ?? '' };
}

/** What a menu links to, gathered over its items and their sub-items. */
export interface MenuRefs {
  sections: string[];
  pages: number[];
  topics: string[];
}

export function menuRefs(items: readonly MenuItem[]): MenuRefs {
  const refs: MenuRefs = { sections: [], pages: [], topics: [] };
  for (const item of items.flatMap((i) => [i, ...(i.children ?? [])])) {
    const t = targetOf(item);
    if (t.kind === 'section') refs.sections.push(t.slug);
    else if (t.kind === 'page') refs.pages.push(t.id);
    else if (t.kind === 'topic') refs.topics.push(t.slug);
  }
  return refs;
}

/** The header readers get while no header menu is saved: Home and every top-level section. */
export function defaultHeader(topSections: readonly Section[]): MenuItem[] {
  return [{ label: 'Home', url: '/' }, ...topSections.map((s) => ({ label: s.name, section: s.slug }))];
}

/**
 * A site address (`/about`) or an http(s) one. Not `//host` (another site that reads like a
 * path), and nothing a browser would read differently from how it looks (spaces, backslashes).
 */
export function isMenuUrl(url: string): boolean {
  if (url.length > menuLimits.url || /[\s\\\u0000-\u001f\u007f]/.test(url)) return false;
  if (url.startsWith('/')) return !url.startsWith('//');
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Checks a menu's shape and returns it tidied (labels trimmed, no empty `children`); the first
 * problem is a 400 naming its field (`items.2.label`). Whether the targets exist is the
 * command's to check, against the database.
 */
export function checkMenu(name: MenuName, items: readonly MenuItem[]): MenuItem[] {
  if (items.length > menuLimits.items) throw fail('INVALID_INPUT', `a menu has at most ${menuLimits.items} items`, 'items');
  return items.map((item, i) => {
    const at = `items.${i}`;
    const children = item.children ?? [];
    if (children.length && name !== 'header') throw fail('INVALID_INPUT', 'only the header menu has sub-items', `${at}.children`);
    if (children.length > menuLimits.children) throw fail('INVALID_INPUT', `an item has at most ${menuLimits.children} sub-items`, `${at}.children`);
    const tidy = checkItem(item, at);
    const kids = children.map((child, j) => {
      if (child.children?.length) throw fail('INVALID_INPUT', 'sub-items have no sub-items of their own', `${at}.children.${j}.children`);
      return checkItem(child, `${at}.children.${j}`);
    });
    return kids.length ? { ...tidy, children: kids } : tidy;
  });
}

function checkItem(item: MenuItem, at: string): MenuItem {
  const label = (item.label ?? '').trim().replace(/\s+/g, ' ');
  if (!label) throw fail('INVALID_INPUT', `item ${rowNumber(at)} needs a label`, `${at}.label`);
  if (label.length > menuLimits.label) throw fail('INVALID_INPUT', `a label has at most ${menuLimits.label} characters`, `${at}.label`);
  const given = menuTargetKinds.filter((k) => item[k] !== undefined);
  if (given.length !== 1) {
    throw fail('INVALID_INPUT', `"${label}" must link to one of a section, page, topic or url`, given.length ? `${at}.${given[1]}` : at);
  }
  const t = targetOf(item);
  if (t.kind === 'url' && !isMenuUrl(t.url)) {
    throw fail('INVALID_INPUT', `"${label}": a link is an http(s) address or a site path starting with /`, `${at}.url`);
  }
  if (t.kind === 'page' && !(Number.isInteger(t.id) && t.id > 0)) throw fail('INVALID_INPUT', `"${label}": a page is given by its id`, `${at}.page`);
  if ((t.kind === 'section' || t.kind === 'topic') && !t.slug) throw fail('INVALID_INPUT', `"${label}": which ${t.kind}?`, `${at}.${t.kind}`);
  return { label, [t.kind]: t.kind === 'page' ? t.id : t.kind === 'url' ? t.url : t.slug };
}

/** "items.2.children.0" -> "3.1", as the editor numbers its rows. */
function rowNumber(at: string): string {
  return at.replace(/^items\./, '').split('.children.').map((n) => String(Number(n) + 1)).join('.');
}

/** A menu item as readers get it: its target found and public. */
export interface NavEntry {
  label: string;
  link:
    | { kind: 'section'; section: Pick<Section, 'id' | 'slug'> }
    | { kind: 'page'; page: { id: number; slug: string } }
    | { kind: 'topic'; topic: Pick<Topic, 'id' | 'slug'> }
    | { kind: 'url'; url: string };
  children: NavEntry[];
}

/** The menus of a public page. */
export interface Navigation {
  /** Top-level sections in menu order. */
  sections: Section[];
  /** The saved header menu, or null: the default (Home and `sections`). */
  header: NavEntry[] | null;
  /** The saved footer menu, or null (no footer menu). */
  footer: NavEntry[] | null;
}

/** What of a menu's targets readers may be sent to now. */
export interface LiveTargets {
  sections: Map<string, Pick<Section, 'id' | 'slug'>>;
  pages: Map<number, { id: number; slug: string }>;
  topics: Map<string, Pick<Topic, 'id' | 'slug'>>;
}

/**
 * A saved menu as readers see it: an item whose section, page or topic is gone or not public
 * is left out with its sub-items (a menu never links to a 404).
 */
export function resolveMenu(items: readonly MenuItem[], live: LiveTargets): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const item of items) {
    const link = liveLink(targetOf(item), live);
    if (link) entries.push({ label: item.label, link, children: resolveMenu(item.children ?? [], live) });
  }
  return entries;
}

function liveLink(t: MenuTarget, live: LiveTargets): NavEntry['link'] | null {
  switch (t.kind) {
    case 'section': { const section = live.sections.get(t.slug); return section ? { kind: 'section', section } : null; }
    case 'page': { const page = live.pages.get(t.id); return page ? { kind: 'page', page } : null; }
    case 'topic': { const topic = live.topics.get(t.slug); return topic ? { kind: 'topic', topic } : null; }
    case 'url': return { kind: 'url', url: t.url };
  }
}
