import type { Article, ArticleSummary, Navigation } from '../../content/index.js';
import { html, type SafeHtml } from '../html.js';
import type { SiteSettings } from '../settings.js';
import { absolute, articlePath, threadPath } from '../urls.js';
import { storyCard, timeTag } from './components.js';
import { layout } from './layout.js';

/** How many stories of a thread the article page lists around the one being read. */
const nearby = 8;

/**
 * "The story so far" on an article that belongs to a thread: the thread's stories in time order,
 * this one marked, with a link to the thread's own page.
 */
export function threadTimeline(a: Article, stories: ArticleSummary[], s: SiteSettings): SafeHtml {
  if (stories.length < 2) return html``;
  const at = Math.max(0, stories.findIndex((t) => t.id === a.id));
  const from = Math.max(0, Math.min(at - Math.floor(nearby / 2), stories.length - nearby));
  const shown = stories.slice(from, from + nearby);
  return html`<aside class="thread" aria-labelledby="thread-heading">
<h2 id="thread-heading">The story so far</h2>
<ol class="timeline" role="list">${shown.map((t) => html`<li${t.id === a.id ? html` aria-current="true"` : ''}>${timeTag(t.firstPublishedAt, s)} ${
  t.id === a.id ? html`<span class="timeline-here">${t.headline} <span class="timeline-note">(this story)</span></span>` : html`<a href="${articlePath(t, s.timeZone)}">${t.headline}</a>`}</li>`)}</ol>
<p><a href="${threadPath(stories[0]!)}">All ${String(stories.length)} stories of this thread</a></p>
</aside>`;
}

/** A thread's page: every published story of it, oldest first, as a timeline. */
export function threadPage(p: { first: ArticleSummary; stories: ArticleSummary[]; nav: Navigation; settings: SiteSettings }): SafeHtml {
  const s = p.settings;
  const canonical = absolute(s.url, threadPath(p.first));
  const title = `${p.first.headline}: the story so far`;
  const last = p.stories.at(-1)!;
  return layout({
    settings: s,
    nav: p.nav,
    head: {
      title,
      description: `${String(p.stories.length)} stories, from the first report to the latest.`,
      canonical,
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'ItemList',
        name: title,
        url: canonical,
        itemListOrder: 'https://schema.org/ItemListOrderAscending',
        itemListElement: p.stories.map((t, i) => ({ '@type': 'ListItem', position: i + 1, url: absolute(s.url, articlePath(t, s.timeZone)) })),
      },
    },
    main: html`<header class="listing-head">
<p class="kicker">Thread</p>
<h1>${title}</h1>
<p>${String(p.stories.length)} stories, from ${timeTag(p.first.firstPublishedAt, s)} to ${timeTag(last.firstPublishedAt, s)}.</p>
</header>
<ol class="timeline timeline-page" role="list">${p.stories.map((t) => html`<li>${storyCard(t, s, { headingLevel: 2 })}</li>`)}</ol>`,
  });
}
