import type { User } from '../../../accounts/index.js';
import type { ArticleStatus, MenuName, Section } from '../../../content/index.js';
import { html, type SafeHtml, type SiteSettings } from '../../../site/index.js';
import type { Flash } from '../flash.js';
import { shell } from '../layout.js';
import { addressText, type DraftItem, type RowAddress } from '../menu-form.js';

/** What an item may link to, for the rows' "Links to" select. */
export interface MenuChoices {
  /** Every section, in tree order. */
  sections: Section[];
  pages: { id: number; title: string; status: ArticleStatus }[];
  topics: { slug: string; name: string }[];
}

export type MenuFocus = { at: RowAddress; control: 'up' | 'down' | 'target' } | { add: true };

export interface MenuEditor {
  name: MenuName;
  saved: boolean;
  items: DraftItem[];
  /** A refusal of the last save, beside the row it names (null: the whole menu). */
  error?: { at: RowAddress | null; field: string; message: string } | null;
  /** The control to focus when the page loads, after a move, an addition or a removal. */
  focus?: MenuFocus | null;
}

const titles: Record<MenuName, string> = { header: 'Header menu', footer: 'Footer menu' };
const hidden = (text: string) => html`<span class="nr-visually-hidden"> ${text}</span>`;
const same = (a: RowAddress, b: RowAddress | null | undefined) => !!b && addressText(a) === addressText(b);

function options(choices: MenuChoices, selected: string): SafeHtml {
  const opt = (value: string, text: string) => html`<option value="${value}"${value === selected ? html` selected` : ''}>${text}</option>`;
  const depth = new Map<number, number>();
  for (const s of choices.sections) depth.set(s.id, s.parentId === null ? 0 : (depth.get(s.parentId) ?? 0) + 1);
  const known = new Set(['', 'url', ...choices.sections.map((s) => `section:${s.slug}`), ...choices.pages.map((p) => `page:${p.id}`), ...choices.topics.map((t) => `topic:${t.slug}`)]);
  return html`${opt('', 'Choose…')}
${known.has(selected) ? '' : html`<option value="${selected}" selected>${selected} (no longer exists: readers do not see this item)</option>`}
<optgroup label="Sections">${choices.sections.map((s) => opt(`section:${s.slug}`, `${'— '.repeat(depth.get(s.id) ?? 0)}${s.name}`))}</optgroup>
${choices.pages.length ? html`<optgroup label="Pages">${choices.pages.map((p) => opt(`page:${p.id}`, p.status === 'published' ? p.title : `${p.title} (${p.status.replace('_', ' ')}: shown once published)`))}</optgroup>` : ''}
${choices.topics.length ? html`<optgroup label="Topics">${choices.topics.map((t) => opt(`topic:${t.slug}`, t.name))}</optgroup>` : ''}
${opt('url', 'A web address')}`;
}

/** Which control a refusal is about: the label, the address, else what the item links to. */
const controlOf = (field: string): 'label' | 'url' | 'target' =>
  field.endsWith('.label') ? 'label' : field.endsWith('.url') ? 'url' : 'target';

function row(m: MenuEditor, choices: MenuChoices, item: DraftItem, at: RowAddress, count: number, parent?: DraftItem): SafeHtml {
  const id = `${m.name}-${at.join('-')}`;
  const name = item.label.trim() ? `“${item.label.trim()}”` : `item ${at.map((n) => n + 1).join('.')}`;
  const error = m.error && same(at, m.error.at) ? m.error : null;
  const invalid = (control: 'label' | 'url' | 'target') =>
    error && controlOf(error.field) === control ? html` aria-invalid="true" aria-describedby="${id}-error"` : '';
  const focus = m.focus && 'at' in m.focus && same(at, m.focus.at) ? m.focus.control : null;
  const autofocus = (control: 'up' | 'down' | 'target') => (focus === control ? html` autofocus` : '');
  const index = at.at(-1)!;
  const button = (op: string, text: string, control?: 'up' | 'down') =>
    html`<button type="submit" name="op" value="${op}:${addressText(at)}"${control ? autofocus(control) : ''}>${text}${hidden(name)}</button>`;
  return html`<fieldset class="nr-menu-row${at.length === 2 ? ' nr-menu-child' : ''}">
<legend>${at.length === 2 ? html`Sub-item ${at[1] + 1} under ${parent?.label.trim() || `item ${at[0] + 1}`}` : html`Item ${at[0] + 1}`}</legend>
<input type="hidden" name="depth" value="${String(at.length - 1)}">
<div class="nr-field"><label for="${id}-target">Links to</label><select id="${id}-target" name="target"${invalid('target')}${autofocus('target')}>${options(choices, item.target)}</select></div>
<div class="nr-field"><label for="${id}-url">Web address <span class="nr-hint">(https://… or /a-path)</span></label><input id="${id}-url" name="url" value="${item.url}" maxlength="2000" inputmode="url"${invalid('url')}></div>
<div class="nr-field"><label for="${id}-label">Label</label><input id="${id}-label" name="label" value="${item.label}" maxlength="60"${invalid('label')}></div>
<div class="nr-menu-buttons">${index > 0 ? button('up', 'Move up', 'up') : ''}${index < count - 1 ? button('down', 'Move down', 'down') : ''}${button('remove', 'Remove')}${
  m.name === 'header' && at.length === 1 ? button('add-child', 'Add sub-item') : ''}</div>
${error ? html`<p id="${id}-error" class="nr-menu-error">${error.message}</p>` : ''}
</fieldset>`;
}

function menuForm(m: MenuEditor, choices: MenuChoices, csrf: string): SafeHtml {
  const title = titles[m.name];
  const whole = m.error && !m.error.at ? m.error : null;
  return html`<section class="nr-menu" aria-labelledby="${m.name}-heading">
<h2 id="${m.name}-heading">${title}</h2>
<p class="nr-hint">${m.saved ? 'Readers see these items, in this order.'
  : m.name === 'header' ? 'No header menu is saved: readers see Home and every top-level section, as below. Save to make it yours.'
  : 'No footer menu is saved: the footer shows no menu.'} Changes are not saved until you press Save.</p>
<form method="post" action="/newsroom/menus/${m.name}">
<input type="hidden" name="_csrf" value="${csrf}">
<button type="submit" name="op" value="save" class="nr-visually-hidden" tabindex="-1" aria-hidden="true">Save</button>
${whole ? html`<p class="nr-menu-error" role="alert">${whole.message}</p>` : ''}
${m.items.length ? html`<ol class="nr-menu-rows" role="list">${m.items.map((item, i) => html`<li>${row(m, choices, item, [i], m.items.length)}${
  item.children.length ? html`<ol class="nr-menu-rows" role="list">${item.children.map((c, j) => html`<li>${row(m, choices, c, [i, j], item.children.length, item)}</li>`)}</ol>` : ''}</li>`)}</ol>`
  : html`<p class="empty">No items.${m.name === 'header' ? ' Saving an empty header menu brings back the default.' : ''}</p>`}
<p class="nr-menu-actions"><button type="submit" name="op" value="add"${m.focus && 'add' in m.focus ? html` autofocus` : ''}>Add item${hidden(`to the ${title.toLowerCase()}`)}</button>
<button type="submit" name="op" value="save" class="nr-primary">Save the ${title.toLowerCase()}</button></p>
</form>
</section>`;
}

export function menusPage(p: {
  settings: SiteSettings; user: User; csrf: string; flash?: Flash | null; choices: MenuChoices; menus: MenuEditor[];
}): SafeHtml {
  return shell({
    settings: p.settings, user: p.user, csrf: p.csrf, title: 'Menus', flash: p.flash,
    main: html`<h1>Menus</h1>
<p>Each item links a section, a page, a topic or a web address, under the label you give it. A header item may have sub-items.
An item whose section, page or topic is gone or not published is left out on the site.</p>
${p.menus.map((m) => menuForm(m, p.choices, p.csrf))}`,
  });
}
