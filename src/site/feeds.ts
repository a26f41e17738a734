import type { Article, ArticleSummary, SiteContent } from '../content/index.js';
import { escapeHtml } from './html.js';
import { renderBody } from './render-body.js';
import { xmlText } from '../shared/index.js';
import type { SiteSettings } from './settings.js';
import { absolute, agencyPath, articlePath, jpegNear, mediaPath, personPath } from './urls.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const feedFiles: Record<FeedFormat, { file: string; type: string; mime: string }> = {
  rss: { file: 'feed.xml', type: 'application/rss+xml', mime: 'application/rss+xml; charset=utf-8' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', mime: 'application/atom+xml; charset=utf-8' },
  json: { file: 'feed.json', type: 'application/feed+json', mime: 'application/feed+json; charset=utf-8' },
};

/** The three feed addresses of a page: `/feed.xml`, `/global/feed.xml`, `/topic/isis/feed.xml`... */
export const feedPath = (base: string, format: FeedFormat) => `${base === '/' ? '' : base}/${feedFiles[format].file}`;

export const feedItemCount = 30;

/** Full stories for a listing's newest items (feeds carry the text, not just links). */
export async function feedArticles(content: SiteContent, items: ArticleSummary[]): Promise<Article[]> {
  const full = await Promise.all(items.map((a) => content.articleById(a.id)));
  return full.filter((a): a is Article => a !== null && a.status === 'published');
}

/** Relative links and pictures inside a body become absolute: a feed reader has no base URL. */
const absoluteBody = (html: string, siteUrl: string) => html.replace(/(href|src)="\//g, `$1="${siteUrl}/`);

export interface FeedInput {
  settings: SiteSettings;
  title: string;
  description: string;
  /** The listing's page path, e.g. "/" or "/global". */
  path: string;
  articles: Article[];
  fullText: boolean;
}

export function renderFeed(format: FeedFormat, f: FeedInput): string {
  if (format === 'json') return jsonFeed(f);
  return format === 'rss' ? rssFeed(f) : atomFeed(f);
}

function authorsOf(a: Article, s: SiteSettings) {
  if (a.people.length) return a.people.map((p) => ({ name: p.name, link: absolute(s.url, personPath(p)) }));
  if (a.byline) return [{ name: a.byline.replace(/^by\s+/i, '') }];
  if (a.agency) return [{ name: a.agency.name, link: absolute(s.url, agencyPath(a.agency)) }];
  return [{ name: s.name }];
}

function picture(a: Article, s: SiteSettings) {
  const v = a.leadImage ? jpegNear(a.leadImage, 1280) : undefined;
  return v ? { url: absolute(s.url, mediaPath(v)), type: 'image/jpeg', length: v.bytes, title: a.leadImage!.caption || a.leadImage!.alt } : undefined;
}

/** An element holding text, escaped once. */
const el = (name: string, value: string) => `<${name}>${xmlText(value)}</${name}>`;

/**
 * Atom 1.0 (RFC 4287), written directly: headlines and standfirsts are plain text and go out as
 * `type="text"`, escaped once; only the sanitised body is HTML (`type="html"`). A library that
 * put them in CDATA as HTML turned an agency's `&lt;img onerror&gt;` headline into live markup.
 */
function atomFeed(f: FeedInput): string {
  const s = f.settings;
  const link = absolute(s.url, f.path);
  const text = (name: string, value: string) => `<${name} type="text">${xmlText(value)}</${name}>`;
  const person = (p: { name: string; link?: string }) => `<author>${el('name', p.name)}${p.link ? el('uri', p.link) : ''}</author>`;
  const entries = f.articles.map((a) => {
    const url = absolute(s.url, articlePath(a, s.timeZone));
    const image = picture(a, s);
    return [
      `<entry xml:lang="${xmlText(a.language)}">`,
      text('title', a.headline),
      el('id', url),
      `<link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      el('published', a.firstPublishedAt.toISOString()),
      el('updated', a.updatedAt.toISOString()),
      a.standfirst ? text('summary', a.standfirst) : '',
      f.fullText ? `<content type="html">${xmlText(absoluteBody(renderBody(a.body), s.url))}</content>` : '',
      ...authorsOf(a, s).map(person),
      ...a.topics.map((t) => `<category term="${xmlText(t.name)}" label="${xmlText(t.name)}"/>`),
      image ? `<link rel="enclosure" type="${image.type}" length="${image.length}" href="${xmlText(image.url)}"${image.title ? ` title="${xmlText(image.title)}"` : ''}/>` : '',
      '</entry>',
    ].filter(Boolean).join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(s.language)}">`,
    el('id', link),
    text('title', f.title),
    f.description ? text('subtitle', f.description) : '',
    el('updated', (f.articles[0]?.updatedAt ?? new Date(0)).toISOString()),
    '<generator>Dateline</generator>',
    person({ name: s.name, link: s.url }),
    `<link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(absolute(s.url, feedPath(f.path, 'atom')))}"/>`,
    el('icon', absolute(s.url, '/assets/favicon.svg')),
    el('logo', absolute(s.url, '/assets/logo.png')),
    text('rights', `© ${new Date().getUTCFullYear()} ${s.name}`),
    ...entries,
    '</feed>',
    '',
  ].filter(Boolean).join('\n');
}

/**
 * RSS 2.0 (rssboard.org/rss-specification), written directly: the specification's <author> holds
 * an e-mail address, so people's names go in <dc:creator>, and an enclosure has only url, length
 * and type (libraries get both wrong).
 */
function rssFeed(f: FeedInput): string {
  const s = f.settings;
  const link = absolute(s.url, f.path);
  const items = f.articles.map((a) => {
    const url = absolute(s.url, articlePath(a, s.timeZone));
    const image = picture(a, s);
    return [
      '<item>',
      el('title', a.headline),
      el('link', url),
      `<guid isPermaLink="true">${xmlText(url)}</guid>`,
      el('pubDate', a.firstPublishedAt.toUTCString()),
      // RSS's description is HTML: plain text is escaped as HTML, then as XML.
      a.standfirst ? el('description', escapeHtml(a.standfirst)) : '',
      f.fullText ? el('content:encoded', absoluteBody(renderBody(a.body), s.url)) : '',
      ...authorsOf(a, s).map((au) => el('dc:creator', au.name)),
      ...a.topics.map((t) => el('category', t.name)),
      image ? `<enclosure url="${xmlText(image.url)}" length="${image.length}" type="${image.type}"/>` : '',
      '</item>',
    ].filter(Boolean).join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    el('title', f.title),
    el('link', link),
    el('description', escapeHtml(f.description || f.title)),
    el('language', s.language),
    el('copyright', `© ${new Date().getUTCFullYear()} ${s.name}`),
    el('lastBuildDate', (f.articles[0]?.updatedAt ?? new Date(0)).toUTCString()),
    el('generator', 'Dateline'),
    el('docs', 'https://www.rssboard.org/rss-specification'),
    `<atom:link href="${xmlText(absolute(s.url, feedPath(f.path, 'rss')))}" rel="self" type="application/rss+xml"/>`,
    `<image>${el('url', absolute(s.url, '/assets/logo.png'))}${el('title', f.title)}${el('link', link)}</image>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written directly: it is plain JSON. */
function jsonFeed(f: FeedInput): string {
  const s = f.settings;
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: f.title,
    home_page_url: absolute(s.url, f.path),
    feed_url: absolute(s.url, feedPath(f.path, 'json')),
    description: f.description,
    icon: absolute(s.url, '/assets/logo.png'),
    favicon: absolute(s.url, '/assets/favicon.svg'),
    language: s.language,
    authors: [{ name: s.name, url: s.url }],
    items: f.articles.map((a) => {
      const url = absolute(s.url, articlePath(a, s.timeZone));
      const image = picture(a, s);
      return {
        id: url,
        url,
        title: a.headline,
        ...(f.fullText ? { content_html: absoluteBody(renderBody(a.body), s.url) } : { content_text: a.standfirst || a.headline }),
        ...(a.standfirst ? { summary: a.standfirst } : {}),
        ...(image ? { image: image.url, attachments: [{ url: image.url, mime_type: image.type, size_in_bytes: image.length, title: image.title }] } : {}),
        date_published: a.firstPublishedAt.toISOString(),
        date_modified: a.updatedAt.toISOString(),
        authors: authorsOf(a, s).map((au) => ({ name: au.name, ...('link' in au && au.link ? { url: au.link } : {}) })),
        tags: a.topics.map((t) => t.name),
        language: a.language,
      };
    }),
  });
}
