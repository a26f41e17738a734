import type { Agency, ArticleSummary, Image, ImageFormat, ImageVariant, Person, Section, StaticPage, Topic } from '../content/index.js';
import { calendarDate } from '../shared/index.js';

/** Every public path the site links to is made here, so links and routes cannot drift apart. */
export function articlePath(a: Pick<ArticleSummary, 'slug' | 'section' | 'firstPublishedAt'>, timeZone: string): string {
  const d = calendarDate(a.firstPublishedAt, timeZone);
  return `/${a.section.slug}/${d.year}/${d.month}/${d.day}/${a.slug}`;
}

export const sectionPath = (s: Pick<Section, 'slug'>) => `/${s.slug}`;
export const topicPath = (t: Pick<Topic, 'slug'>) => `/topic/${t.slug}`;
export const personPath = (p: Pick<Person, 'slug'>) => `/author/${p.slug}`;
export const agencyPath = (a: Pick<Agency, 'slug'>) => `/agency/${a.slug}`;
/** A thread's page is named after its first story. */
export const threadPath = (first: Pick<ArticleSummary, 'slug'>) => `/thread/${first.slug}`;
export const mediaPath = (v: Pick<ImageVariant, 'path'>) => `/media/${v.path}`;
/** A static page (About us, a policy) sits beside the sections, at the top of the site. */
export const pagePath = (p: Pick<StaticPage, 'slug'>) => `/${p.slug}`;

export function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

export function absolute(siteUrl: string, path: string): string {
  return siteUrl + path;
}

export function variantsOf(image: Image, format: ImageFormat): ImageVariant[] {
  return image.variants.filter((v) => v.format === format).sort((a, b) => a.width - b.width);
}

/** The JPEG closest to `width` without going under it where possible (for src and og:image). */
export function jpegNear(image: Image, width: number): ImageVariant | undefined {
  const jpegs = variantsOf(image, 'jpeg');
  return jpegs.find((v) => v.width >= width) ?? jpegs.at(-1);
}
