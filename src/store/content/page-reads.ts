import type { Kysely } from 'kysely';
import type { ArticleStatus, StaticPage } from '../../content/index.js';
import { toDate } from '../../shared/index.js';
import type { Database } from '../schema.js';
import { parseDoc } from './mappers.js';

type Db = Kysely<Database>;

const pageColumns = [
  'id', 'slug', 'title', 'body', 'status', 'created_by', 'created_at', 'modified_at', 'scheduled_at',
  'first_published_at', 'updated_at',
] as const;

type PageRow = Pick<Database['pages'], Exclude<(typeof pageColumns)[number], 'id'>> & { id: number };

export function toStaticPage(r: PageRow): StaticPage {
  const publishedAt = toDate(r.first_published_at);
  return {
    id: r.id, slug: r.slug, title: r.title, body: parseDoc(r.body), status: r.status as ArticleStatus,
    createdBy: r.created_by, createdAt: toDate(r.created_at), modifiedAt: toDate(r.modified_at),
    scheduledAt: toDate(r.scheduled_at), publishedAt,
    updatedAt: toDate(r.updated_at) ?? publishedAt ?? toDate(r.modified_at),
  };
}

export const selectPages = (db: Db) => db.selectFrom('pages').select(pageColumns);

/** Any status: commands and the newsroom decide who sees what. */
export async function storedPage(db: Db, id: number): Promise<StaticPage | null> {
  const row = await selectPages(db).where('id', '=', id).executeTakeFirst();
  return row ? toStaticPage(row) : null;
}

export async function publishedPageById(db: Db, id: number): Promise<StaticPage | null> {
  const row = await selectPages(db).where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  return row ? toStaticPage(row) : null;
}

export async function pageBySlug(db: Db, slug: string): Promise<StaticPage | null> {
  const row = await selectPages(db).where('slug', '=', slug).executeTakeFirst();
  return row ? toStaticPage(row) : null;
}

export async function publishedPages(db: Db): Promise<StaticPage[]> {
  return (await selectPages(db).where('status', '=', 'published').orderBy('slug').execute()).map(toStaticPage);
}
