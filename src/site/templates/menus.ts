import type { Navigation, NavEntry, Section } from '../../content/index.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { pagePath, sectionPath, topicPath } from '../urls.js';

/**
 * What the page being shown is, so that its menu entries say so (`aria-current`): home, a
 * section (`section` is the top-level one, `trail` the sections from it down to the one shown;
 * `exact` when the page is that last section's own), a static page or a topic.
 */
export type CurrentPage =
  | { home: true }
  | { section: string; exact: boolean; trail?: string[] }
  | { page: number }
  | { topic: string };

/** Without a saved header menu: Home and every top-level section, as ever. */
const defaultHeader = (sections: Section[]): NavEntry[] => [
  { label: 'Home', link: { kind: 'url', url: '/' }, children: [] },
  ...sections.map((section): NavEntry => ({ label: section.name, link: { kind: 'section', section }, children: [] })),
];

function href(link: NavEntry['link']): string {
  switch (link.kind) {
    case 'section': return sectionPath(link.section);
    case 'page': return pagePath(link.page);
    case 'topic': return topicPath(link.topic);
    case 'url': return safeUrl(link.url); // checked when saved; again here for menus brought in by import-site
  }
}

function currentMark(link: NavEntry['link'], current: CurrentPage | undefined): SafeHtml | '' {
  if (!current) return '';
  const page = html` aria-current="page"`;
  if ('home' in current) return link.kind === 'url' && link.url === '/' ? page : '';
  if ('page' in current) return link.kind === 'page' && link.page.id === current.page ? page : '';
  if ('topic' in current) return link.kind === 'topic' && link.topic.slug === current.topic ? page : '';
  if (link.kind !== 'section') return '';
  const trail = current.trail ?? [current.section];
  if (current.exact && link.section.slug === trail.at(-1)) return page;
  return trail.includes(link.section.slug) ? html` aria-current="true"` : '';
}

const anchor = (e: NavEntry, current: CurrentPage | undefined) =>
  html`<a href="${href(e.link)}"${currentMark(e.link, current)}>${e.label}</a>`;

/**
 * An item's sub-items sit in a disclosure: a real button (`summary`) that opens and closes
 * them with the keyboard or a tap, and no script (the Content Security Policy allows none inline).
 */
function headerItem(e: NavEntry, current: CurrentPage | undefined): SafeHtml {
  if (!e.children.length) return html`<li>${anchor(e, current)}</li>\n`;
  return html`<li class="has-submenu">${anchor(e, current)}<details class="submenu"><summary><span class="visually-hidden">More in ${e.label}</span></summary>
<ul role="list">${e.children.map((c) => html`<li>${anchor(c, current)}</li>`)}</ul></details></li>\n`;
}

/** The header's menu: the saved one, else (or while none of its items can be shown) the default. */
export function headerMenu(nav: Navigation, current?: CurrentPage): SafeHtml {
  const entries = nav.header?.length ? nav.header : defaultHeader(nav.sections);
  return html`<nav class="sections" aria-label="Sections">
<ul class="wrap" role="list">
${entries.map((e) => headerItem(e, current))}</ul>
</nav>`;
}

/** The footer's menu, when one is saved (none by default). */
export function footerMenu(nav: Navigation, current?: CurrentPage): SafeHtml | '' {
  if (!nav.footer?.length) return '';
  return html`<nav class="footer-menu" aria-label="Footer"><ul role="list">${nav.footer.map((e) => html`<li>${anchor(e, current)}</li>`)}</ul></nav>`;
}

/** For pages rendered when the menus cannot be read (an error page while the database is down). */
export const noNavigation: Navigation = { sections: [], header: null, footer: null };
