import type { Navigation } from '../../content/index.js';
import { longDate } from '../../shared/index.js';
import { html, jsonForScript, type SafeHtml } from '../html.js';
import type { SiteSettings } from '../settings.js';
import { feedFiles, feedPath } from '../feeds.js';
import { brand, footerExtras, lookLinks } from './brand.js';
import { footerMenu, headerMenu, type CurrentPage } from './menus.js';

export interface HeadMeta {
  title: string;
  description: string;
  /** Absolute canonical URL; omitted on error pages. */
  canonical?: string;
  /** Open Graph type: "website" or "article". */
  ogType?: 'website' | 'article';
  image?: { url: string; width: number; height: number; alt: string };
  /** Extra <meta property="article:..."> pairs. */
  articleMeta?: [string, string][];
  prev?: string;
  next?: string;
  jsonLd?: unknown;
  noindex?: boolean;
  /** Listings whose feeds the page advertises: [title, page path]. */
  feeds?: [string, string][];
}

export interface LayoutInput {
  settings: SiteSettings;
  /** The header and footer menus (`content.navigation()`). */
  nav: Navigation;
  head: HeadMeta;
  /** Which menu entries to mark: the home page, a section (the page itself, or an ancestor), a static page or a topic. */
  current?: CurrentPage;
  main: SafeHtml;
}

export function layout(p: LayoutInput): SafeHtml {
  const s = p.settings;
  return html`<!doctype html>
<html lang="${s.language}">
<head>
${head(p.head, s)}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="masthead">
<div class="wrap masthead-inner">
<p class="today">${longDate(new Date(), s.timeZone, s.locale)}</p>
${brand(s)}
<p class="tagline">${s.description}</p>
<form class="site-search" method="get" action="/search" role="search" aria-label="Site search">
<label for="site-search-q" class="visually-hidden">Search ${s.name}</label>
<input id="site-search-q" name="q" type="search" placeholder="Search" maxlength="500">
<button type="submit">Search</button>
</form>
</div>
${headerMenu(p.nav, p.current)}
</header>
<main id="main" class="wrap">
${p.main}
</main>
<footer class="site-footer">
<div class="wrap">
${footerMenu(p.nav, p.current)}
<p><a href="/">${s.name}</a> — ${s.description}</p>
${footerExtras(s)}
<p class="small">Published with Dateline, open-source news publishing.</p>
</div>
</footer>
</body>
</html>`;
}

function head(m: HeadMeta, s: SiteSettings): SafeHtml {
  const title = m.title === s.name ? s.name : `${m.title} | ${s.name}`;
  // The site's share picture stands in where a page has none of its own.
  const image = m.image ?? s.shareImage ?? undefined;
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${m.description}">
${m.canonical ? html`<link rel="canonical" href="${m.canonical}">` : ''}
${m.prev ? html`<link rel="prev" href="${m.prev}">` : ''}
${m.next ? html`<link rel="next" href="${m.next}">` : ''}
${m.noindex ? html`<meta name="robots" content="noindex, follow">` : ''}
${(m.feeds ?? []).map(([title, base]) => (['rss', 'atom', 'json'] as const).map((f) =>
  html`<link rel="alternate" type="${feedFiles[f].type}" title="${title} (${f === 'rss' ? 'RSS' : f === 'atom' ? 'Atom' : 'JSON Feed'})" href="${s.url}${feedPath(base, f)}">
`))}
${lookLinks(s)}
<meta property="og:site_name" content="${s.name}">
<meta property="og:type" content="${m.ogType ?? 'website'}">
<meta property="og:title" content="${m.title}">
<meta property="og:description" content="${m.description}">
${m.canonical ? html`<meta property="og:url" content="${m.canonical}">` : ''}
<meta property="og:locale" content="${s.locale.replace('-', '_')}">
${image ? html`<meta property="og:image" content="${image.url}">
<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
<meta property="og:image:alt" content="${image.alt}">` : ''}
${(m.articleMeta ?? []).map(([k, v]) => html`<meta property="${k}" content="${v}">\n`)}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${m.title}">
<meta name="twitter:description" content="${m.description}">
${image ? html`<meta name="twitter:image" content="${image.url}">
<meta name="twitter:image:alt" content="${image.alt}">` : ''}
${m.jsonLd ? html`<script type="application/ld+json">${jsonForScript(m.jsonLd)}</script>` : ''}`;
}
