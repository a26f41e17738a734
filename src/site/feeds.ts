import { Feed } from 'feed';
import type { Article, ArticleSummary, SiteContent } from '../content/index.js';
import { renderBody } from './render-body.js';
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
  return format === 'rss' ? rssFeed(f) : atomFeed(f).atom1();
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

function atomFeed(f: FeedInput): Feed {
  const s = f.settings;
  const link = absolute(s.url, f.path);
  const feed = new Feed({
    title: f.title,
    description: f.description,
    id: link,
    link,
    language: s.language,
    image: absolute(s.url, '/assets/logo.png'),
    favicon: absolute(s.url, '/assets/favicon.svg'),
    copyright: `© ${new Date().getUTCFullYear()} ${s.name}`,
    updated: f.articles[0]?.updatedAt ?? new Date(0),
    generator: 'Dateline',
    feedLinks: { rss: absolute(s.url, feedPath(f.path, 'rss')), atom: absolute(s.url, feedPath(f.path, 'atom')), json: absolute(s.url, feedPath(f.path, 'json')) },
    author: { name: s.name, link: s.url },
  });
  for (const a of f.articles) {
    const url = absolute(s.url, articlePath(a, s.timeZone));
    const image = picture(a, s);
    feed.addItem({
      title: a.headline,
      id: url,
      guid: url,
      link: url,
      date: a.updatedAt,
      published: a.firstPublishedAt,
      description: a.standfirst || undefined,
      content: f.fullText ? absoluteBody(renderBody(a.body), s.url) : undefined,
      author: authorsOf(a, s),
      category: a.topics.map((t) => ({ name: t.name, term: t.name })),
      ...(image ? { enclosure: image } : {}),
    });
  }
  return feed;
}

/** Text for XML: markup characters escaped, characters XML 1.0 forbids dropped. */
function xmlText(text: string): string {
  return text.replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * RSS 2.0 (rssboard.org/rss-specification), written directly: the specification's <author> holds
 * an e-mail address, so people's names go in <dc:creator>, and an enclosure has only url, length
 * and type (libraries get both wrong).
 */
function rssFeed(f: FeedInput): string {
  const s = f.settings;
  const link = absolute(s.url, f.path);
  const el = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;
  const items = f.articles.map((a) => {
    const url = absolute(s.url, articlePath(a, s.timeZone));
    const image = picture(a, s);
    return [
      '<item>',
      el('title', a.headline),
      el('link', url),
      `<guid isPermaLink="true">${xmlText(url)}</guid>`,
      el('pubDate', a.firstPublishedAt.toUTCString()),
      a.standfirst ? el('description', a.standfirst) : '',
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
    el('description', f.description || f.title),
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
