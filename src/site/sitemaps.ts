import type { ArticleSummary, Section, StaticPage } from '../content/index.js';
import { xmlText as x } from '../shared/index.js';
import type { SiteSettings } from './settings.js';
import { absolute, articlePath, jpegNear, mediaPath, pagePath, sectionPath } from './urls.js';

const head = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The index: the pages sitemap and one sitemap per month of stories. */
export function sitemapIndex(s: SiteSettings, months: { month: string; lastModified: Date }[], pagesModified: Date | null): string {
  const entry = (path: string, lastmod: Date | null) =>
    `<sitemap><loc>${x(absolute(s.url, path))}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</sitemap>`;
  return `${head}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${[
    entry('/sitemap-pages.xml', pagesModified),
    ...months.map((m) => entry(`/sitemaps/${m.month}.xml`, m.lastModified)),
  ].join('\n')}\n</sitemapindex>\n`;
}

/** Home, the sections (changing with the latest story) and the static pages (each with its own last update). */
export function pagesSitemap(s: SiteSettings, sections: Section[], lastModified: Date | null, pages: StaticPage[] = []): string {
  const url = (path: string, modified: Date | null) => `<url><loc>${x(absolute(s.url, path))}</loc>${modified ? `<lastmod>${modified.toISOString()}</lastmod>` : ''}</url>`;
  const urls = [...['/', ...sections.map(sectionPath)].map((path) => url(path, lastModified)), ...pages.map((p) => url(pagePath(p), p.updatedAt))];
  return `${head}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** A month of stories, each with its lead picture (Google image sitemap extension). */
export function monthSitemap(s: SiteSettings, stories: ArticleSummary[]): string {
  const urls = stories.map((a) => {
    const image = a.leadImage ? jpegNear(a.leadImage, 1600) : undefined;
    return `<url><loc>${x(absolute(s.url, articlePath(a, s.timeZone)))}</loc><lastmod>${a.updatedAt.toISOString()}</lastmod>${
      image ? `<image:image><image:loc>${x(absolute(s.url, mediaPath(image)))}</image:loc></image:image>` : ''}</url>`;
  });
  return `${head}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Google News sitemap: stories of the last 48 hours, at most 1,000. */
export function newsSitemap(s: SiteSettings, stories: ArticleSummary[]): string {
  const urls = stories.map((a) => `<url><loc>${x(absolute(s.url, articlePath(a, s.timeZone)))}</loc><news:news><news:publication><news:name>${x(s.name)}</news:name><news:language>${x(s.language)}</news:language></news:publication><news:publication_date>${a.firstPublishedAt.toISOString()}</news:publication_date><news:title>${x(a.headline)}</news:title></news:news></url>`);
  return `${head}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
