import type { Section } from '../../content/index.js';
import { longDate } from '../../shared/index.js';
import { html, jsonForScript, type SafeHtml } from '../html.js';
import type { SiteSettings } from '../settings.js';
import { feedFiles, feedPath } from '../feeds.js';
import { sectionPath } from '../urls.js';

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
  nav: Section[];
  head: HeadMeta;
  /** Which menu entry to mark: the home page, or a top-level section (the page itself, or an ancestor). */
  current?: { home: true } | { section: string; exact: boolean };
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
<a class="brand" href="/">${s.name}</a>
<p class="tagline">${s.description}</p>
<form class="site-search" method="get" action="/search" role="search" aria-label="Site search">
<label for="site-search-q" class="visually-hidden">Search ${s.name}</label>
<input id="site-search-q" name="q" type="search" placeholder="Search" maxlength="500">
<button type="submit">Search</button>
</form>
</div>
<nav class="sections" aria-label="Sections">
<ul class="wrap" role="list">
<li><a href="/"${p.current && 'home' in p.current ? html` aria-current="page"` : ''}>Home</a></li>
${p.nav.map((sec) => html`<li><a href="${sectionPath(sec)}"${currentMark(p.current, sec.slug)}>${sec.name}</a></li>`)}
</ul>
</nav>
</header>
<main id="main" class="wrap">
${p.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p><a href="/">${s.name}</a> — ${s.description}</p>
<p class="small">Published with Dateline, open-source news publishing.</p>
</div>
</footer>
</body>
</html>`;
}

function currentMark(current: LayoutInput['current'], slug: string): SafeHtml | '' {
  if (!current || 'home' in current || current.section !== slug) return '';
  return current.exact ? html` aria-current="page"` : html` aria-current="true"`;
}

function head(m: HeadMeta, s: SiteSettings): SafeHtml {
  const title = m.title === s.name ? s.name : `${m.title} | ${s.name}`;
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
<link rel="stylesheet" href="/assets/site.css?v=${s.assetVersion}">
<link rel="icon" href="/assets/favicon.svg?v=${s.assetVersion}" type="image/svg+xml">
<meta name="theme-color" content="#9b1c1c">
<meta property="og:site_name" content="${s.name}">
<meta property="og:type" content="${m.ogType ?? 'website'}">
<meta property="og:title" content="${m.title}">
<meta property="og:description" content="${m.description}">
${m.canonical ? html`<meta property="og:url" content="${m.canonical}">` : ''}
<meta property="og:locale" content="${s.locale.replace('-', '_')}">
${m.image ? html`<meta property="og:image" content="${m.image.url}">
<meta property="og:image:width" content="${m.image.width}">
<meta property="og:image:height" content="${m.image.height}">
<meta property="og:image:alt" content="${m.image.alt}">` : ''}
${(m.articleMeta ?? []).map(([k, v]) => html`<meta property="${k}" content="${v}">\n`)}
<meta name="twitter:card" content="${m.image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${m.title}">
<meta name="twitter:description" content="${m.description}">
${m.image ? html`<meta name="twitter:image" content="${m.image.url}">
<meta name="twitter:image:alt" content="${m.image.alt}">` : ''}
${m.jsonLd ? html`<script type="application/ld+json">${jsonForScript(m.jsonLd)}</script>` : ''}`;
}
