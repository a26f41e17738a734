import type { Kysely } from 'kysely';
import type {
  ArticleStatus, NewsroomQuery, Page, PageFields, PageRevision, PageSnapshot, StaticPage, StatusChange,
} from '../../content/index.js';
import { isoString, toDate } from '../../shared/index.js';
import type { Database } from '../schema.js';
import { contains } from './newsroom.js';
import { selectPages, storedPage, toStaticPage } from './page-reads.js';
import { TaxonomyQueries } from './taxonomy.js';

type Db = Kysely<Database>;

const iso = (d: Date | null) => (d ? isoString(d) : null);

/** The static pages' writes and newsroom queries: a layer of the content repository. */
export class PageWrites extends TaxonomyQueries {
  constructor(db: Db) {
    super(db);
  }

  storedPage(id: number): Promise<StaticPage | null> {
    return storedPage(this.db, id);
  }

  async insertPage(f: PageFields, now: Date): Promise<number> {
    const row = await this.db.insertInto('pages').values({
      slug: f.slug, title: f.title, body: JSON.stringify(f.body), status: 'draft', created_by: f.createdBy,
      created_at: isoString(now), modified_at: isoString(now), scheduled_at: null, first_published_at: null, updated_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updatePage(id: number, f: Omit<PageFields, 'createdBy'>, now: Date, updatedAt?: Date): Promise<void> {
    await this.db.updateTable('pages').set({
      slug: f.slug, title: f.title, body: JSON.stringify(f.body), modified_at: isoString(now),
      ...(updatedAt ? { updated_at: isoString(updatedAt) } : {}),
    }).where('id', '=', id).execute();
  }

  async pageTransition(id: number, from: ArticleStatus[], to: StatusChange, now: Date, scheduledFor?: Date): Promise<boolean> {
    let update = this.db.updateTable('pages').set({
      status: to.status, scheduled_at: iso(to.scheduledAt), first_published_at: iso(to.firstPublishedAt),
      updated_at: iso(to.updatedAt), modified_at: isoString(now),
    }).where('id', '=', id).where('status', 'in', from);
    if (scheduledFor) update = update.where('scheduled_at', '=', isoString(scheduledFor));
    return Number((await update.executeTakeFirst()).numUpdatedRows) === 1;
  }

  async deletePage(id: number): Promise<void> {
    await this.db.deleteFrom('pages').where('id', '=', id).execute();
  }

  async duePages(now: Date): Promise<number[]> {
    const rows = await this.db.selectFrom('pages').select('id')
      .where('status', '=', 'scheduled').where('scheduled_at', '<=', isoString(now)).orderBy('scheduled_at').execute();
    return rows.map((r) => r.id);
  }

  async insertPageRevision(r: { pageId: number; userId: number | null; source: string; changed: string[]; snapshot: PageSnapshot }, now: Date) {
    await this.db.insertInto('page_revisions').values({
      page_id: r.pageId, user_id: r.userId, source: r.source, changed: JSON.stringify(r.changed),
      snapshot: JSON.stringify(r.snapshot), created_at: isoString(now),
    }).execute();
  }

  async pageRevisions(pageId: number): Promise<PageRevision[]> {
    const rows = await this.db.selectFrom('page_revisions as r').leftJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.page_id', 'r.user_id', 'r.source', 'r.changed', 'r.snapshot', 'r.created_at', 'u.name as user_name'])
      .where('r.page_id', '=', pageId).orderBy('r.id', 'desc').execute();
    return rows.map((r) => ({
      id: r.id, pageId: r.page_id, userId: r.user_id, by: r.user_name ?? r.source, source: r.source,
      changed: JSON.parse(r.changed) as string[], snapshot: JSON.parse(r.snapshot) as PageSnapshot, createdAt: toDate(r.created_at),
    }));
  }

  /** The newsroom's list of pages, last saved first (a site has tens of them, not millions). */
  async newsroomPages(q: NewsroomQuery): Promise<Page<StaticPage>> {
    let query = selectPages(this.db);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.createdBy !== undefined) query = query.where('created_by', '=', q.createdBy);
    if (q.text) query = query.where(contains('title', q.text));
    const rows = await query.orderBy('modified_at', 'desc').orderBy('id', 'desc').execute();
    return {
      items: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map(toStaticPage),
      total: rows.length, page: q.page, pageSize: q.pageSize,
    };
  }
}
