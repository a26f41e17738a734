import type { ArticleSummary, Navigation, Page, Section } from '../../content/index.js';
import { pageCount } from '../../content/index.js';
import { html, type SafeHtml } from '../html.js';
import type { SiteSettings } from '../settings.js';
import { absolute, articlePath, sectionPath, withPage } from '../urls.js';
import { caption, pagination, picture, storyList, timeTag } from './components.js';
import { organizationLd } from './organization.js';
import { layout, type HeadMeta } from './layout.js';
import type { CurrentPage } from './menus.js';

interface ListingInput {
  settings: SiteSettings;
  nav: Navigation;
  page: Page<ArticleSummary>;
  /** Path of the listing's first page, e.g. /global or /topic/isis. */
  path: string;
}

function listingHead(p: ListingInput, title: string, description: string): HeadMeta {
  const feeds: [string, string][] = p.path === '/' ? [[p.settings.name, '/']] : [[p.settings.name, '/'], [title, p.path]];
  const s = p.settings;
  const pages = pageCount(p.page);
  const n = p.page.page;
  return {
    title: n > 1 ? `${title} — page ${n}` : title,
    description,
    // Page 1 is the listing search engines should show; later pages are for reading on.
    noindex: n > 1,
    canonical: absolute(s.url, withPage(p.path, n)),
    prev: n > 1 ? absolute(s.url, withPage(p.path, n - 1)) : undefined,
    next: n < pages ? absolute(s.url, withPage(p.path, n + 1)) : undefined,
    feeds,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'CollectionPage',
      name: title,
      url: absolute(s.url, withPage(p.path, n)),
      isPartOf: { '@type': 'WebSite', name: s.name, url: s.url },
    },
  };
}

export function homePage(p: ListingInput): SafeHtml {
  const s = p.settings;
  const first = p.page.page === 1;
  const lead = first ? p.page.items.find((a) => a.leadImage) ?? p.page.items[0] : undefined;
  const rest = p.page.items.filter((a) => a !== lead);
  const head = listingHead(p, s.name, s.description);
  head.jsonLd = [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: s.name,
      url: s.url,
      description: s.description,
      potentialAction: { '@type': 'SearchAction', target: `${s.url}/search?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
    },
    organizationLd(s),
  ];
  return layout({
    settings: s,
    nav: p.nav,
    head,
    current: { home: true },
    main: html`<h1 class="visually-hidden">${s.name}: latest news</h1>
${lead ? leadStory(lead, s) : ''}
<section class="latest" aria-labelledby="latest-heading">
<h2 id="latest-heading" class="rule-heading">Latest</h2>
${storyList(rest, s)}
${pagination(p.page, '/')}
</section>`,
  });
}

function leadStory(a: ArticleSummary, s: SiteSettings): SafeHtml {
  return html`<article class="lead-story">
${a.leadImage ? html`<figure>${picture(a.leadImage, { sizes: '(min-width: 64rem) 38rem, 100vw', eager: true })}${caption(a.leadImage)}</figure>` : ''}
<div class="lead-text">
<a class="kicker" href="${sectionPath(a.section)}">${a.section.name}</a>
<h2><a href="${articlePath(a, s.timeZone)}">${a.headline}</a></h2>
${a.standfirst ? html`<p class="standfirst">${a.standfirst}</p>` : ''}
<p class="meta">${timeTag(a.firstPublishedAt, s)}</p>
</div>
</article>`;
}

export interface CollectionPageInput extends ListingInput {
  /** "Global", "Topic: isis", "Agence France-Presse" */
  title: string;
  kicker?: string;
  intro?: string;
  trail?: Section[];
  subsections?: Section[];
  activeSection?: string;
  showSection?: boolean;
  /** The menu entry to mark, when not a section (a topic's page). */
  current?: CurrentPage;
  /** Beside the heading (an author's photo). */
  figure?: SafeHtml;
  /** Below the intro (an author's beat, links and address). */
  details?: SafeHtml;
  /** Instead of the CollectionPage markup (an author page is a ProfilePage). */
  jsonLd?: unknown;
}

/** Section, topic, author and agency pages share one shape: a heading, an intro and a list. */
export function collectionPage(p: CollectionPageInput): SafeHtml {
  const s = p.settings;
  const description = p.intro || `The latest from ${s.name}: ${p.title}.`;
  return layout({
    settings: s,
    nav: p.nav,
    // A section's page is its own menu entry's; the sections above it are marked as ancestors.
    current: p.current ?? (p.activeSection ? { section: p.activeSection, exact: true, trail: p.trail?.map((t) => t.slug) } : undefined),
    head: { ...listingHead(p, p.title, description), ...(p.jsonLd ? { jsonLd: p.jsonLd } : {}) },
    main: html`<header class="collection-head${p.figure ? ' with-figure' : ''}">
${p.figure ?? ''}
${p.trail && p.trail.length > 1 ? html`<nav class="breadcrumb" aria-label="Breadcrumb"><ol role="list"><li><a href="/">Home</a></li>${
  p.trail.slice(0, -1).map((t) => html`<li><a href="${sectionPath(t)}">${t.name}</a></li>`)}</ol></nav>` : ''}
${p.kicker ? html`<p class="kicker">${p.kicker}</p>` : ''}
<h1>${p.title}</h1>
${p.intro ? html`<p class="intro">${p.intro}</p>` : ''}
${p.details ?? ''}
${p.subsections?.length ? html`<nav class="subsections" aria-label="In ${p.title}"><ul role="list">${
  p.subsections.map((sub) => html`<li><a href="${sectionPath(sub)}">${sub.name}</a></li>`)}</ul></nav>` : ''}
</header>
${storyList(p.page.items, s, { showSection: p.showSection, headingLevel: 2 })}
${pagination(p.page, p.path)}`,
  });
}
