import { hasRole, type Actor } from '../../accounts/model.js';
import { auditEntry } from '../../audit/index.js';
import { DatelineError, fail } from '../../shared/index.js';
import { checkMenu, defaultHeader, menuRefs, targetOf, type MenuItem, type MenuName } from '../menus.js';
import type { ContentWriter, MenuTargetsFound } from '../ports.js';
import type { CommandContext } from './save-article.js';

/** A menu as the newsroom edits it: the saved one, or what readers get without one. */
export interface MenuState {
  name: MenuName;
  /** False while readers get the default (the header: Home and every top-level section). */
  saved: boolean;
  items: MenuItem[];
}

export async function menuState(store: Pick<ContentWriter, 'menu' | 'sections'>, name: MenuName): Promise<MenuState> {
  const saved = await store.menu(name);
  if (saved) return { name, saved: true, items: saved };
  const top = name === 'header' ? (await store.sections()).filter((s) => s.parentId === null) : [];
  return { name, saved: false, items: name === 'header' ? defaultHeader(top) : [] };
}

/**
 * Saves a menu (admins: menus are the publication's own, like its name and look). Every item
 * must point at a section, page or topic that exists (a page may still be a draft: it shows
 * once published). An empty menu goes back to the default. Every cached page shows the menu,
 * so the change names them all (`nav`) in the same unit of work; it is audited.
 */
export async function setMenu(ctx: CommandContext, actor: Actor, name: MenuName, items: readonly MenuItem[]): Promise<MenuState> {
  if (!hasRole(actor, 'admin')) throw new DatelineError('FORBIDDEN', 'only an admin may change the menus');
  const tidy = checkMenu(name, items);
  await ctx.store.transaction(async (repo) => {
    checkTargets(tidy, await repo.menuTargets(menuRefs(tidy)));
    await repo.saveMenu(name, tidy.length ? tidy : null, ctx.now());
    await repo.recordPageChange(['nav'], ctx.now());
    await repo.appendAudit(auditEntry(actor, 'menu-save', `menu:${name}`, {
      items: tidy.length, labels: tidy.map((i) => i.label), ...(tidy.length ? {} : { default: true }),
    }), ctx.now());
  });
  return menuState(ctx.store, name);
}

function checkTargets(items: readonly MenuItem[], found: MenuTargetsFound): void {
  const check = (item: MenuItem, at: string) => {
    const t = targetOf(item);
    const missing =
      t.kind === 'section' ? !found.sections.has(t.slug) && `there is no section "${t.slug}"`
      : t.kind === 'page' ? !found.pages.has(t.id) && `there is no page ${t.id}`
      : t.kind === 'topic' ? !found.topics.has(t.slug) && `there is no topic "${t.slug}"`
      : false;
    if (missing) throw fail('INVALID_INPUT', `"${item.label}": ${missing}`, `${at}.${t.kind}`);
  };
  items.forEach((item, i) => {
    check(item, `items.${i}`);
    (item.children ?? []).forEach((child, j) => check(child, `items.${i}.children.${j}`));
  });
}
