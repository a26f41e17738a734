import { sql, type Kysely } from 'kysely';
import type { AuditEntry } from '../../audit/index.js';
import type {
  ArticleSnapshot, ArticleStatus, Correction, Image, NewsroomQuery, NewsroomSummary, Page, PageRequest, Revision,
  StatusChange,
} from '../../content/index.js';
import { isoString, toDate } from '../../shared/index.js';
import { KyselyAuditLog } from '../audit.js';
import type { Database } from '../schema.js';
import { toImage, toSummary, type SummaryRow } from './mappers.js';
import { SiteReads, summaryColumns } from './reads.js';

type Db = Kysely<Database>;

/** Case-insensitive "contains" with LIKE's wildcards taken literally, the same on both engines. */
export function contains(column: string, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
const imageColumns = ['id', 'key', 'mime', 'width', 'height', 'alt', 'caption', 'credit', 'source_uri', 'variants'] as const;

/** The newsroom's queries and writes: revisions, corrections, workflow, the story list, media. */
export class NewsroomQueries extends SiteReads {
  constructor(db: Db) {
    super(db);
  }

  async insertRevision(r: { articleId: number; userId: number | null; source: string; changed: string[]; snapshot: ArticleSnapshot }, now: Date) {
    await this.db.insertInto('revisions').values({
      article_id: r.articleId, user_id: r.userId, source: r.source, changed: JSON.stringify(r.changed),
      snapshot: JSON.stringify(r.snapshot), created_at: isoString(now),
    }).execute();
  }

  async revisions(articleId: number): Promise<Revision[]> {
    const rows = await this.db.selectFrom('revisions as r').leftJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'r.article_id', 'r.user_id', 'r.source', 'r.changed', 'r.snapshot', 'r.created_at', 'u.name as user_name'])
      .where('r.article_id', '=', articleId).orderBy('r.id', 'desc').execute();
    return rows.map((r) => ({
      id: r.id, articleId: r.article_id, userId: r.user_id, by: r.user_name ?? r.source, source: r.source,
      changed: JSON.parse(r.changed) as string[], snapshot: JSON.parse(r.snapshot) as ArticleSnapshot, createdAt: toDate(r.created_at),
    }));
  }

  async latestSnapshot(articleId: number): Promise<ArticleSnapshot | null> {
    const r = await this.db.selectFrom('revisions').select('snapshot').where('article_id', '=', articleId)
      .orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r ? (JSON.parse(r.snapshot) as ArticleSnapshot) : null;
  }

  async insertCorrection(c: { articleId: number; kind: Correction['kind']; text: string; userId: number | null }, now: Date): Promise<Correction> {
    const r = await this.db.insertInto('corrections').values({
      article_id: c.articleId, kind: c.kind, text: c.text, user_id: c.userId, created_at: isoString(now),
    }).returning(['id', 'kind', 'text', 'created_at']).executeTakeFirstOrThrow();
    return { id: r.id, kind: r.kind as Correction['kind'], text: r.text, createdAt: toDate(r.created_at) };
  }

  async setUpdatedAt(articleId: number, updatedAt: Date, now: Date): Promise<void> {
    await this.db.updateTable('articles').set({ updated_at: isoString(updatedAt), modified_at: isoString(now) })
      .where('id', '=', articleId).execute();
  }

  async transition(articleId: number, from: ArticleStatus[], to: StatusChange, now: Date, scheduledFor?: Date): Promise<boolean> {
    const iso = (d: Date | null) => (d ? isoString(d) : null);
    let update = this.db.updateTable('articles').set({
      status: to.status,
      scheduled_at: iso(to.scheduledAt),
      first_published_at: iso(to.firstPublishedAt),
      updated_at: iso(to.updatedAt),
      modified_at: isoString(now),
    }).where('id', '=', articleId).where('status', 'in', from);
    if (scheduledFor) update = update.where('scheduled_at', '=', isoString(scheduledFor));
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async dueScheduled(now: Date): Promise<number[]> {
    const rows = await this.db.selectFrom('articles').select('id')
      .where('status', '=', 'scheduled').where('scheduled_at', '<=', isoString(now)).orderBy('scheduled_at').execute();
    return rows.map((r) => r.id);
  }

  async newsroomArticles(q: NewsroomQuery): Promise<Page<NewsroomSummary>> {
    let query = this.db.selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('images as i', 'i.id', 'a.lead_image_id');
    if (q.status) query = query.where('a.status', '=', q.status);
    if (q.createdBy !== undefined) query = query.where('a.created_by', '=', q.createdBy);
    if (q.text) query = query.where(contains('a.headline', q.text));
    const [rows, count] = await Promise.all([
      query.select(summaryColumns).select(['a.status', 'a.created_by', 'a.scheduled_at', 'a.modified_at'])
        .orderBy('a.modified_at', 'desc').orderBy('a.id', 'desc')
        .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({
        ...toSummary(r as SummaryRow), status: r.status as ArticleStatus, createdBy: r.created_by,
        scheduledAt: toDate(r.scheduled_at), modifiedAt: toDate(r.modified_at),
      })),
      total: Number(count.n), page: q.page, pageSize: q.pageSize,
    };
  }

  async imageById(id: number): Promise<Image | null> {
    const r = await this.db.selectFrom('images').select(imageColumns).where('id', '=', id).executeTakeFirst();
    return r ? toImage(r) : null;
  }

  async images(q: PageRequest & { text?: string }): Promise<Page<Image>> {
    let query = this.db.selectFrom('images');
    if (q.text) {
      const text = q.text;
      query = query.where((eb) => eb.or([contains('caption', text), contains('credit', text), contains('alt', text)]));
    }
    const [rows, count] = await Promise.all([
      query.select(imageColumns).orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toImage), total: Number(count.n), page: q.page, pageSize: q.pageSize };
  }

  async imageUsage(id: number) {
    const rows = await this.db.selectFrom('articles').select(['id', 'created_by', 'status']).where('lead_image_id', '=', id).execute();
    return rows.map((r) => ({ articleId: r.id, createdBy: r.created_by, status: r.status as ArticleStatus }));
  }

  async updateImageText(id: number, text: { alt: string; caption: string; credit: string }): Promise<void> {
    await this.db.updateTable('images').set(text).where('id', '=', id).execute();
  }

  async threadNode(id: number) {
    const row = await this.db.selectFrom('articles').select(['id', 'follow_up_of', 'thread_id']).where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, followUpOf: row.follow_up_of, threadId: row.thread_id } : null;
  }

  async threadMembers(threadId: number) {
    const rows = await this.db.selectFrom('articles').select(['id', 'follow_up_of', 'thread_id']).where('thread_id', '=', threadId).execute();
    return rows.map((r) => ({ id: r.id, followUpOf: r.follow_up_of, threadId: r.thread_id }));
  }

  async setFollowUp(id: number, followUpOf: number | null): Promise<void> {
    await this.db.updateTable('articles').set({ follow_up_of: followUpOf }).where('id', '=', id).execute();
  }

  async setThread(ids: number[], threadId: number | null): Promise<void> {
    if (ids.length) await this.db.updateTable('articles').set({ thread_id: threadId }).where('id', 'in', ids).execute();
  }

  async updateSection(id: number, fields: { name: string; description: string; position: number }): Promise<void> {
    await this.db.updateTable('sections').set(fields).where('id', '=', id).execute();
  }

  appendAudit(entry: AuditEntry, now: Date): Promise<void> {
    return new KyselyAuditLog(this.db).append(entry, now);
  }
}
