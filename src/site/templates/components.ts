import type { ArticleSummary, Image, Page } from '../../content/index.js';
import { pageCount } from '../../content/index.js';
import { longDate } from '../../shared/index.js';
import { html, type SafeHtml } from '../html.js';
import type { SiteSettings } from '../settings.js';
import { articlePath, jpegNear, mediaPath, sectionPath, variantsOf, withPage } from '../urls.js';

export function timeTag(date: Date, s: SiteSettings, label?: string): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${label ?? longDate(date, s.timeZone, s.locale)}</time>`;
}

export interface PictureOptions {
  /** The `sizes` attribute: how wide the picture is drawn at each viewport width. */
  sizes: string;
  /** The lead picture of the page loads at once; the rest wait until scrolled near. */
  eager?: boolean;
}

/** A <picture> with AVIF and WebP sources and a JPEG fallback, sized so nothing shifts on load. */
export function picture(image: Image, opts: PictureOptions): SafeHtml {
  const srcset = (format: 'avif' | 'webp' | 'jpeg') =>
    variantsOf(image, format).map((v) => `${mediaPath(v)} ${v.width}w`).join(', ');
  const fallback = jpegNear(image, 960);
  return html`<picture>
<source type="image/avif" srcset="${srcset('avif')}" sizes="${opts.sizes}">
<source type="image/webp" srcset="${srcset('webp')}" sizes="${opts.sizes}">
<img src="${fallback ? mediaPath(fallback) : ''}" srcset="${srcset('jpeg')}" sizes="${opts.sizes}" width="${image.width}" height="${image.height}" alt="${image.alt}"${opts.eager ? html` fetchpriority="high"` : html` loading="lazy"`} decoding="async">
</picture>`;
}

/** Caption followed by its credit in parentheses: "Militia forces keep watch ... (AFP Photo)". */
export function caption(image: Image): SafeHtml {
  if (!image.caption && !image.credit) return html``;
  return html`<figcaption>${image.caption}${image.caption && image.credit ? ' ' : ''}${
    image.credit ? html`<span class="credit">(${image.credit})</span>` : ''}</figcaption>`;
}

export function storyCard(a: ArticleSummary, s: SiteSettings, opts: { showSection?: boolean; headingLevel?: 2 | 3 } = {}): SafeHtml {
  const level = opts.headingLevel ?? 3;
  const title = html`<a href="${articlePath(a, s.timeZone)}">${a.headline}</a>`;
  return html`<article class="card">
${a.leadImage ? html`<div class="card-media">${picture(a.leadImage, { sizes: '(min-width: 48rem) 12rem, 33vw' })}</div>` : ''}
<div class="card-text">
${opts.showSection === false ? '' : html`<a class="kicker" href="${sectionPath(a.section)}">${a.section.name}</a>`}
${level === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
${a.standfirst ? html`<p class="standfirst">${a.standfirst}</p>` : ''}
<p class="meta">${timeTag(a.firstPublishedAt, s)}</p>
</div>
</article>`;
}

export function storyList(items: ArticleSummary[], s: SiteSettings, opts: { showSection?: boolean; headingLevel?: 2 | 3 } = {}): SafeHtml {
  if (!items.length) return html`<p class="empty">No stories have been published here yet.</p>`;
  return html`<ol class="story-list" role="list">${items.map((a) => html`<li>${storyCard(a, s, opts)}</li>`)}</ol>`;
}

export function pagination(page: Page<unknown>, basePath: string): SafeHtml {
  const pages = pageCount(page);
  if (pages <= 1) return html``;
  return html`<nav class="pagination" aria-label="Pages">
${page.page > 1 ? html`<a rel="prev" href="${withPage(basePath, page.page - 1)}">← Newer stories</a>` : html`<span></span>`}
<span class="page-of">Page ${page.page} of ${pages}${page.totalIsAtLeast ? '+' : ''}</span>
${page.page < pages ? html`<a rel="next" href="${withPage(basePath, page.page + 1)}">Older stories →</a>` : html`<span></span>`}
</nav>`;
}
