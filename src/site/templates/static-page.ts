import type { Navigation, StaticPage } from '../../content/index.js';
import { bodyText } from '../../content/index.js';
import { html, trusted, type SafeHtml } from '../html.js';
import { renderBody } from '../render-body.js';
import type { SiteSettings } from '../settings.js';
import { absolute, pagePath } from '../urls.js';
import { timeTag } from './components.js';
import { layout } from './layout.js';

export interface StaticPageInput {
  page: StaticPage;
  nav: Navigation;
  settings: SiteSettings;
  /** A newsroom preview: marked as such and never indexed. */
  preview?: boolean;
}

/** About us, Contact, a policy: the site's layout, the title, the text and when it last changed. */
export function staticPage(p: StaticPageInput): SafeHtml {
  const { page, settings: s } = p;
  const canonical = absolute(s.url, pagePath(page));
  const description = describe(page);
  return layout({
    settings: s,
    nav: p.nav,
    current: { page: page.id },
    head: { title: page.title, description, canonical, jsonLd: jsonLd(page, canonical, description, s), noindex: p.preview },
    main: html`${p.preview ? html`<p class="preview-banner" role="status">Preview: this is how readers will see the page. It is ${page.status.replace('_', ' ')}, not public.</p>` : ''}<article class="story static-page">
<header class="story-head">
<h1>${page.title}</h1>
</header>
<div class="story-body">${trusted(renderBody(page.body))}</div>
<footer class="static-page-updated"><p class="meta">Last updated ${timeTag(page.updatedAt, s)}</p></footer>
</article>`,
  });
}

function describe(page: StaticPage): string {
  const text = bodyText(page.body).split('\n\n')[0] || page.title;
  return text.length > 200 ? `${text.slice(0, 197).replace(/\s+\S*$/, '')}…` : text;
}

/** schema.org's own kinds for the pages that have one; any other page is a WebPage. */
function pageType(slug: string): string {
  if (/^about(?:-us)?$/.test(slug)) return 'AboutPage';
  if (/^contact(?:-us)?$/.test(slug)) return 'ContactPage';
  return 'WebPage';
}

function jsonLd(page: StaticPage, canonical: string, description: string, s: SiteSettings) {
  return {
    '@context': 'https://schema.org',
    '@type': pageType(page.slug),
    '@id': canonical,
    url: canonical,
    name: page.title,
    description,
    inLanguage: s.language,
    ...(page.publishedAt ? { datePublished: page.publishedAt.toISOString() } : {}),
    dateModified: page.updatedAt.toISOString(),
    isPartOf: { '@type': 'WebSite', name: s.name, url: s.url },
    publisher: { '@type': 'NewsMediaOrganization', name: s.name, url: s.url },
  };
}
