import type { Navigation, Section } from '../../content/index.js';
import { pageCount } from '../../content/index.js';
import type { SearchResults } from '../../search/index.js';
import { html, type SafeHtml } from '../html.js';
import type { SiteSettings } from '../settings.js';
import { articlePath, sectionPath } from '../urls.js';
import { timeTag } from './components.js';
import { layout } from './layout.js';

export interface SearchPageInput {
  settings: SiteSettings;
  nav: Navigation;
  sections: Section[];
  params: { q: string; section: string; sort: 'relevance' | 'date'; topic: string; author: string; agency: string; language: string; from: string; to: string };
  results: SearchResults | null;
}

const linkWith = (p: SearchPageInput['params'], changes: Record<string, string | number>) => {
  const all: Record<string, string> = { ...p, ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, String(v)])) };
  if (all.sort === 'relevance') delete all.sort;
  if (all.page === '1') delete all.page;
  const qs = new URLSearchParams(Object.entries(all).filter(([, v]) => v !== ''));
  return `/search?${qs.toString()}`;
};

export function searchPage(p: SearchPageInput): SafeHtml {
  const { settings: s, params, results } = p;
  return layout({
    settings: s,
    nav: p.nav,
    head: { title: params.q ? `Search: ${params.q}` : 'Search', description: `Search ${s.name}`, noindex: true },
    main: html`<header class="collection-head"><h1>Search</h1></header>
<form class="search-form" method="get" action="/search" role="search" aria-label="Search stories">
<div class="search-row"><label for="search-q" class="visually-hidden">Search for</label>
<input id="search-q" name="q" type="search" value="${params.q}" maxlength="500" placeholder="Words, “a phrase”, -not">
<button type="submit">Search</button></div>
<div class="search-row"><label for="search-section">Section</label>
<select id="search-section" name="section"><option value="">All sections</option>${p.sections.map((sec) => html`<option value="${sec.slug}"${sec.slug === params.section ? html` selected` : ''}>${sec.name}</option>`)}</select>
<label for="search-sort">Order</label>
<select id="search-sort" name="sort"><option value="relevance">Best match</option><option value="date"${params.sort === 'date' ? html` selected` : ''}>Newest first</option></select>
${params.topic ? html`<input type="hidden" name="topic" value="${params.topic}">` : ''}
${params.author ? html`<input type="hidden" name="author" value="${params.author}">` : ''}
${params.agency ? html`<input type="hidden" name="agency" value="${params.agency}">` : ''}
</div>
</form>
${results ? resultsBlock(p, results) : ''}`,
  });
}

function resultsBlock(p: SearchPageInput, r: SearchResults): SafeHtml {
  const s = p.settings;
  const pages = pageCount(r);
  const found = r.total === 0 ? 'No stories found' : r.totalIsAtLeast ? `More than ${r.total.toLocaleString('en')} stories found` : `${r.total} ${r.total === 1 ? 'story' : 'stories'} found`;
  // A query matching more than can be ranked is listed in the order stories were added (nearly,
  // not exactly, publication order: a story drafted early and published late sits earlier).
  const newestFirst = r.totalIsAtLeast ? ', most recently added first' : '';
  return html`<p class="search-count" role="status">${found}${p.params.q ? html` for “${p.params.q}”` : ''}${newestFirst}.</p>
${r.suggestion ? html`<p class="did-you-mean">Did you mean <a href="${linkWith(p.params, { q: r.suggestion, page: 1 })}">${r.suggestion}</a>?</p>` : ''}
<ol class="search-results" role="list">${r.items.map((hit) => html`<li><article class="card">
<div class="card-text">
<a class="kicker" href="${sectionPath(hit.section)}">${hit.section.name}</a>
<h2><a href="${articlePath(hit, s.timeZone)}">${hit.headline}</a></h2>
${hit.snippet.length ? html`<p class="snippet">${hit.snippet.map((part) => (part.hit ? html`<mark>${part.text}</mark>` : html`${part.text}`))}</p>` : hit.standfirst ? html`<p class="standfirst">${hit.standfirst}</p>` : ''}
<p class="meta">${timeTag(hit.firstPublishedAt, s)}</p>
</div></article></li>`)}</ol>
${pages > 1 ? html`<nav class="pagination" aria-label="Pages">
${r.page > 1 ? html`<a rel="prev" href="${linkWith(p.params, { page: r.page - 1 })}">← Previous</a>` : html`<span></span>`}
<span class="page-of">Page ${r.page} of ${pages}</span>
${r.page < pages ? html`<a rel="next" href="${linkWith(p.params, { page: r.page + 1 })}">Next →</a>` : html`<span></span>`}
</nav>` : ''}`;
}
