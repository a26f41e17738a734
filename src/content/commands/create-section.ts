import { DatelineError, slugify } from '../../shared/index.js';
import type { Section } from '../model.js';
import type { CommandContext } from './save-article.js';

/** Paths the site itself answers at: a section may not take them. */
export const reservedSlugs = new Set([
  'topic', 'topics', 'author', 'authors', 'agency', 'agencies', 'media', 'assets', 'api', 'newsroom',
  'healthz', 'readyz', 'search', 'feed', 'feeds', 'rss', 'sitemap.xml', 'robots.txt', 'favicon.ico', 'page', 'thread', 'threads', 'staff',
]);

export interface SectionInput {
  name: string;
  slug?: string;
  description?: string;
  parentSlug?: string | null;
  position?: number;
}

export async function createSection(ctx: CommandContext, input: SectionInput): Promise<Section> {
  const name = input.name.trim();
  if (!name) throw new DatelineError('INVALID_INPUT', 'section name is required');
  const slug = input.slug ?? slugify(name);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new DatelineError('INVALID_INPUT', `section slug "${slug}" must be lower-case letters, digits and hyphens`);
  }
  if (reservedSlugs.has(slug)) throw new DatelineError('INVALID_INPUT', `section slug "${slug}" is reserved by the site`);
  return ctx.store.transaction(async (repo) => {
    if (await repo.sectionBySlug(slug)) throw new DatelineError('CONFLICT', `a section with slug "${slug}" already exists`);
    // Static pages live at /{slug} too.
    if (await repo.pageBySlug(slug)) throw new DatelineError('CONFLICT', `/${slug} is the address of a page; choose another slug for the section`, { field: 'slug' });
    let parentId: number | null = null;
    if (input.parentSlug) {
      const parent = await repo.sectionBySlug(input.parentSlug);
      if (!parent) throw new DatelineError('UNKNOWN_SECTION', `unknown parent section "${input.parentSlug}"`);
      parentId = parent.id;
    }
    const section = await repo.createSection({ slug, name, description: input.description ?? '', parentId, position: input.position ?? 0 }, ctx.now());
    // The menu, and the parent's list of sub-sections.
    await repo.recordPageChange(['nav', ...(parentId === null ? [] : [`section:${parentId}`])], ctx.now());
    return section;
  });
}
