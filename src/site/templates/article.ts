import type { Article, ArticleSummary, Navigation, SectionTrail } from '../../content/index.js';
import { bodyText } from '../../content/index.js';
import { longDateTime } from '../../shared/index.js';
import { html, trusted, type SafeHtml } from '../html.js';
import { renderBody } from '../render-body.js';
import type { SiteSettings } from '../settings.js';
import { absolute, agencyPath, articlePath, jpegNear, personPath, sectionPath, topicPath } from '../urls.js';
import { caption, picture, storyList, timeTag } from './components.js';
import { layout } from './layout.js';
import { threadTimeline } from './thread.js';
import { organizationLd, publisherRef } from './organization.js';

export interface ArticlePageInput {
  article: Article;
  trail: SectionTrail;
  /** Stories on the same subjects (shared topics, headline words). */
  related?: ArticleSummary[];
  more: ArticleSummary[];
  /** The published stories of its thread, oldest first (empty when it is in none). */
  thread?: ArticleSummary[];
  nav: Navigation;
  settings: SiteSettings;
  /** A newsroom preview: marked as such and never indexed. */
  preview?: boolean;
}

/** An update shows only when it is a real one: a minute or more after first publication. */
const wasUpdated = (a: Article) => a.updatedAt.getTime() - a.firstPublishedAt.getTime() >= 60_000;

export function articlePage(p: ArticlePageInput): SafeHtml {
  const { article: a, settings: s } = p;
  const canonical = absolute(s.url, articlePath(a, s.timeZone));
  const description = describe(a);
  const ogImage = a.leadImage ? jpegNear(a.leadImage, 1200) : undefined;
  return layout({
    settings: s,
    nav: p.nav,
    current: p.trail[0] ? { section: p.trail[0].slug, exact: false, trail: p.trail.map((t) => t.slug) } : undefined,
    head: {
      title: a.headline,
      description,
      canonical,
      ogType: 'article',
      image: ogImage && a.leadImage
        ? { url: absolute(s.url, `/media/${ogImage.path}`), width: ogImage.width, height: ogImage.height, alt: a.leadImage.alt }
        : undefined,
      articleMeta: [
        ['article:published_time', a.firstPublishedAt.toISOString()],
        ['article:modified_time', a.updatedAt.toISOString()],
        ['article:section', a.section.name],
        ...a.topics.map((t): [string, string] => ['article:tag', t.name]),
      ],
      jsonLd: jsonLd(a, p.trail, canonical, description, s),
      noindex: p.preview,
      feeds: [[s.name, '/'], [a.section.name, sectionPath(a.section)]],
    },
    main: html`${p.preview ? html`<p class="preview-banner" role="status">Preview: this is how readers will see the story. It is ${a.status.replace('_', ' ')}, not public.</p>` : ''}<article class="story"${a.language !== s.language ? html` lang="${a.language}"` : ''}>
${breadcrumb(p.trail)}
<header class="story-head">
<h1>${a.headline}</h1>
${a.standfirst ? html`<p class="standfirst">${a.standfirst}</p>` : ''}
${byline(a)}
<p class="meta">${a.datelinePlace ? html`<span class="dateline-place">${a.datelinePlace}</span> · ` : ''}${timeTag(a.firstPublishedAt, s)}${
  wasUpdated(a) ? html` · <span class="updated">Updated ${timeTag(a.updatedAt, s, longDateTime(a.updatedAt, s.timeZone, s.locale))}</span>` : ''}</p>
</header>
${a.leadImage ? html`<figure class="lead-figure">${picture(a.leadImage, { sizes: '(min-width: 52rem) 46rem, 100vw', eager: true })}${caption(a.leadImage)}</figure>` : ''}
<div class="story-body">${trusted(renderBody(a.body))}</div>
${corrections(a, s)}
${threadTimeline(a, p.thread ?? [], s)}
${a.topics.length ? html`<footer class="story-topics">
<h2>Topics</h2>
<ul role="list">${a.topics.map((t) => html`<li><a rel="tag" href="${topicPath(t)}">${t.name}</a></li>`)}</ul>
</footer>` : ''}
</article>
${p.related?.length ? html`<aside class="more related" aria-labelledby="related-heading">
<h2 id="related-heading">Related stories</h2>
${storyList(p.related, s)}
</aside>` : ''}
${p.more.length ? html`<aside class="more" aria-labelledby="more-heading">
<h2 id="more-heading">More from ${a.section.name}</h2>
${storyList(p.more, s, { showSection: false })}
</aside>` : ''}`,
  });
}

/** Corrections and update notes, oldest first, in a box readers cannot miss. */
function corrections(a: Article, s: SiteSettings): SafeHtml {
  if (!a.corrections.length) return html``;
  return html`<aside class="corrections" aria-labelledby="corrections-heading">
<h2 id="corrections-heading">Corrections and updates</h2>
<ul role="list">${a.corrections.map((c) => html`<li><p><strong>${c.kind === 'update' ? 'Update' : 'Correction'}</strong>, ${
  timeTag(c.createdAt, s, longDateTime(c.createdAt, s.timeZone, s.locale))}: ${c.text}</p></li>`)}</ul>
${s.standards.correctionsPolicy ? html`<p class="corrections-policy"><a href="${s.standards.correctionsPolicy}">How we correct our mistakes: our corrections policy</a></p>` : ''}
</aside>`;
}

function breadcrumb(trail: SectionTrail): SafeHtml {
  return html`<nav class="breadcrumb" aria-label="Breadcrumb"><ol role="list">
<li><a href="/">Home</a></li>
${trail.map((sec) => html`<li><a href="${sectionPath(sec)}">${sec.name}</a></li>`)}
</ol></nav>`;
}

function byline(a: Article): SafeHtml {
  const people = a.people.length
    ? a.people.map((p, i) => html`${i === 0 ? '' : i === a.people.length - 1 ? ' and ' : ', '}<a rel="author" href="${personPath(p)}">${p.name}</a>`)
    : a.byline ? [html`${a.byline.replace(/^by\s+/i, '')}`] : [];
  if (!people.length && !a.agency) return html``;
  const agency = a.agency ? html`<a class="agency" href="${agencyPath(a.agency)}">${a.agency.name}</a>` : '';
  // "By A and B, AFP": the agency credit beside the bylines, in the order the story gives them.
  return html`<p class="byline">${people.length ? html`By ${people}` : ''}${people.length && a.agency ? ', ' : ''}${agency}</p>`;
}

function describe(a: Article): string {
  const text = a.standfirst || bodyText(a.body).split('\n\n')[0] || a.headline;
  return text.length > 200 ? `${text.slice(0, 197).replace(/\s+\S*$/, '')}…` : text;
}

function jsonLd(a: Article, trail: SectionTrail, canonical: string, description: string, s: SiteSettings) {
  const images = a.leadImage
    ? [1600, 1280, 960].map((w) => jpegNear(a.leadImage!, w)).filter((v, i, all) => v && all.indexOf(v) === i)
      .map((v) => absolute(s.url, `/media/${v!.path}`))
    : [];
  const agency = a.agency ? { '@type': 'Organization', name: a.agency.name, url: absolute(s.url, agencyPath(a.agency)) } : null;
  // Authors as the visible byline names them: people, else the byline's names, else the agency.
  const bylineNames = a.byline.replace(/^by\s+/i, '').split(/\s*(?:,|\band\b)\s*/).filter(Boolean);
  const authors = a.people.length
    ? a.people.map((p) => ({ '@type': 'Person', name: p.name, url: absolute(s.url, personPath(p)) }))
    : bylineNames.length ? bylineNames.map((name) => ({ '@type': 'Person', name })) : agency ? [agency] : [];
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${canonical}#article`,
    url: canonical,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    headline: a.headline,
    description,
    datePublished: a.firstPublishedAt.toISOString(),
    dateModified: a.updatedAt.toISOString(),
    inLanguage: a.language,
    articleSection: a.section.name,
    keywords: a.topics.map((t) => t.name),
    ...(images.length ? { image: images } : {}),
    ...(authors.length ? { author: authors } : {}),
    ...(a.datelinePlace ? { dateline: a.datelinePlace } : {}),
    ...(agency && authors[0] !== agency ? { sourceOrganization: agency } : {}),
    ...(agency ? { copyrightHolder: { '@type': 'Organization', name: agency.name } } : {}),
    ...(a.corrections.length ? {
      correction: a.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.createdAt.toISOString() })),
    } : {}),
    isAccessibleForFree: true,
    publisher: publisherRef(s),
  };
  const crumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [{ name: 'Home', path: '/' }, ...trail.map((t) => ({ name: t.name, path: sectionPath(t) }))]
      .map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: absolute(s.url, c.path) })),
  };
  return [article, crumbs, organizationLd(s)];
}
