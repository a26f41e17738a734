import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type {
  Agency, Article, ArticleSummary, Correction, Page, PageRequest, Person, Section, SectionTrail, SiteContent, Topic,
} from '../../content/index.js';
import { toDate } from '../../shared/index.js';
import type { Database } from '../schema.js';
import {
  asStatus, parseDoc, toAgency, toPerson, toSection, toSummary, toTopic, type SummaryRow,
} from './mappers.js';

type Db = Kysely<Database>;

export const summaryColumns = [
  'a.id', 'a.slug', 'a.headline', 'a.standfirst', 'a.first_published_at', 'a.updated_at', 'a.created_at',
  's.id as section_id', 's.slug as section_slug', 's.name as section_name',
  'i.id as image_id', 'i.key as image_key', 'i.mime as image_mime', 'i.width as image_width',
  'i.height as image_height', 'i.alt as image_alt', 'i.caption as image_caption',
  'i.credit as image_credit', 'i.source_uri as image_source_uri', 'i.variants as image_variants',
] as const;

/** The site's read queries, written once in Kysely for every dialect. */
export class SiteReads implements SiteContent {
  constructor(protected readonly db: Db) {}

  async navigation(): Promise<Section[]> {
    return (await this.allSections()).filter((s) => s.parentId === null);
  }

  async sectionTrail(slug: string): Promise<SectionTrail | null> {
    const all = await this.allSections();
    const byId = new Map(all.map((s) => [s.id, s]));
    let current = all.find((s) => s.slug === slug);
    if (!current) return null;
    const trail: Section[] = [];
    while (current && trail.length < 16) {
      trail.unshift(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    return trail;
  }

  async sectionTree(): Promise<Section[]> {
    const all = await this.allSections();
    const below = (parentId: number | null): Section[] =>
      all.filter((s) => s.parentId === parentId).flatMap((s) => [s, ...below(s.id)]);
    return below(null);
  }

  async subsections(sectionId: number): Promise<Section[]> {
    return (await this.allSections()).filter((s) => s.parentId === sectionId);
  }

  latest(q: PageRequest): Promise<Page<ArticleSummary>> {
    return this.page((w) => w, q);
  }

  async sectionArticles(sectionId: number, q: PageRequest): Promise<Page<ArticleSummary>> {
    const ids = descendantIds(await this.allSections(), sectionId);
    return this.page((w) => w.where('a.section_id', 'in', ids), q);
  }

  async topicBySlug(slug: string): Promise<Topic | null> {
    const row = await this.db.selectFrom('topics').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
    return row ? toTopic(row) : null;
  }

  topicArticles(topicId: number, q: PageRequest): Promise<Page<ArticleSummary>> {
    const linked = this.db.selectFrom('article_topics').select('article_id').where('topic_id', '=', topicId);
    return this.page((w) => w.where('a.id', 'in', linked), q);
  }

  async personBySlug(slug: string): Promise<Person | null> {
    const row = await this.db.selectFrom('people').select(['id', 'slug', 'name', 'bio']).where('slug', '=', slug).executeTakeFirst();
    return row ? toPerson(row) : null;
  }

  personArticles(personId: number, q: PageRequest): Promise<Page<ArticleSummary>> {
    const linked = this.db.selectFrom('article_people').select('article_id').where('person_id', '=', personId);
    return this.page((w) => w.where('a.id', 'in', linked), q);
  }

  async agencyBySlug(slug: string): Promise<Agency | null> {
    const row = await this.db.selectFrom('agencies').select(['id', 'slug', 'name', 'url']).where('slug', '=', slug).executeTakeFirst();
    return row ? toAgency(row) : null;
  }

  agencyArticles(agencyId: number, q: PageRequest): Promise<Page<ArticleSummary>> {
    return this.page((w) => w.where('a.agency_id', '=', agencyId), q);
  }

  async articleBySlug(slug: string): Promise<Article | null> {
    const row = await this.db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
    return row ? this.articleById(row.id) : null;
  }

  async articleById(id: number): Promise<Article | null> {
    const row = await this.db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('images as i', 'i.id', 'a.lead_image_id')
      .leftJoin('agencies as g', 'g.id', 'a.agency_id')
      .select(summaryColumns)
      .select([
        'a.uri', 'a.version', 'a.body', 'a.status', 'a.language', 'a.dateline_place', 'a.byline', 'a.modified_at',
        'a.created_by', 'a.scheduled_at', 'a.version_created_at', 'a.follow_up_of', 'a.thread_id',
        'g.id as agency_id', 'g.slug as agency_slug', 'g.name as agency_name', 'g.url as agency_url',
      ])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const [topics, people, corrections] = await Promise.all([this.topicsOf(id), this.peopleOf(id), this.correctionsOf(id)]);
    return {
      ...toSummary(row as SummaryRow),
      uri: row.uri,
      version: row.version,
      versionCreatedAt: toDate(row.version_created_at),
      body: parseDoc(row.body),
      status: asStatus(row.status),
      language: row.language,
      datelinePlace: row.dateline_place,
      byline: row.byline,
      agency: row.agency_id === null ? null
        : toAgency({ id: row.agency_id, slug: row.agency_slug!, name: row.agency_name!, url: row.agency_url }),
      people,
      topics,
      createdAt: toDate(row.created_at),
      modifiedAt: toDate(row.modified_at),
      createdBy: row.created_by,
      scheduledAt: toDate(row.scheduled_at),
      publishedAt: toDate(row.first_published_at),
      corrections,
      followUpOf: row.follow_up_of,
      threadId: row.thread_id,
    };
  }

  async threadStories(threadId: number): Promise<ArticleSummary[]> {
    const rows = await this.published().where('a.thread_id', '=', threadId).select(summaryColumns)
      .orderBy('a.first_published_at').orderBy('a.id').limit(500).execute();
    return rows.map((r) => toSummary(r as SummaryRow));
  }

  private async correctionsOf(articleId: number): Promise<Correction[]> {
    const rows = await this.db.selectFrom('corrections').select(['id', 'kind', 'text', 'created_at'])
      .where('article_id', '=', articleId).orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind as Correction['kind'], text: r.text, createdAt: toDate(r.created_at) }));
  }

  async moreFromSection(article: Pick<Article, 'id' | 'section'>, limit: number): Promise<ArticleSummary[]> {
    const rows = await this.published()
      .where('a.section_id', '=', article.section.id)
      .where('a.id', '!=', article.id)
      .select(summaryColumns)
      .orderBy('a.first_published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => toSummary(r as SummaryRow));
  }

  async related(article: Pick<Article, 'id' | 'headline' | 'topics'>, limit: number): Promise<ArticleSummary[]> {
    const found: ArticleSummary[] = [];
    const seen = new Set([article.id]);
    const take = (rows: unknown[]) => {
      for (const r of rows) {
        const s = toSummary(r as SummaryRow);
        if (found.length < limit && !seen.has(s.id)) {
          seen.add(s.id);
          found.push(s);
        }
      }
    };
    // Each step asks its own small question first (which ids), then reads those stories: joined in
    // one query, SQLite would walk every published story to answer it.
    const inOrder = async (ids: number[]) => {
      if (!ids.length) return [];
      const rows = await this.published().where('a.id', 'in', ids).select(summaryColumns).execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
    };
    const topicIds = article.topics.map((t) => t.id);
    if (topicIds.length) {
      // CROSS JOIN: start from the topics' links (few) rather than from every published story.
      const shared = await this.db.selectFrom('article_topics as at').crossJoin('articles as a').whereRef('a.id', '=', 'at.article_id')
        .select(['at.article_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('at.topic_id', 'in', topicIds).where('at.article_id', '!=', article.id).where('a.status', '=', 'published')
        .groupBy(['at.article_id', 'a.first_published_at']).orderBy('n', 'desc').orderBy('a.first_published_at', 'desc')
        .limit(limit + 1).execute();
      take(await inOrder(shared.map((r) => r.article_id)));
    }
    const words = [...new Set(article.headline.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4))].slice(0, 12);
    if (found.length < limit && words.length) {
      // Sharing headline words (any of them), ranked by BM25 over headline and body.
      const match = words.map((w) => `"${w}"`).join(' OR ');
      // The text query alone first (it ranks fastest on its own), then those stories' summaries.
      const ranked = (await this.db.selectFrom('article_search').select('rowid').where(sql<boolean>`article_search match ${match}`)
        .orderBy(sql`bm25(article_search, 10.0, 6.0, 3.0, 1.0, 2.0, 4.0)`).limit(limit * 5 + 1).execute()).map((r) => r.rowid);
      take(await inOrder(ranked));
    }
    return found;
  }

  async publishedMonths(): Promise<{ month: string; lastModified: Date }[]> {
    // Timestamps are ISO text here: the month is its first seven characters (PostgreSQL: to_char).
    const rows = await this.db.selectFrom('articles')
      .select([sql<string>`substr(first_published_at, 1, 7)`.as('month'), sql<string>`max(coalesce(updated_at, first_published_at))`.as('last')])
      .where('status', '=', 'published').groupBy(sql`substr(first_published_at, 1, 7)`).orderBy('month', 'desc').execute();
    return rows.map((r) => ({ month: r.month, lastModified: toDate(r.last) }));
  }

  async publishedBetween(from: Date, to: Date, limit: number): Promise<ArticleSummary[]> {
    const rows = await this.published()
      .where('a.first_published_at', '>=', from.toISOString()).where('a.first_published_at', '<', to.toISOString())
      .select(summaryColumns).orderBy('a.first_published_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
    return rows.map((r) => toSummary(r as SummaryRow));
  }

  protected async allSections(): Promise<Section[]> {
    const rows = await this.db.selectFrom('sections')
      .select(['id', 'slug', 'name', 'description', 'parent_id', 'position'])
      .orderBy('position').orderBy('name').execute();
    return rows.map(toSection);
  }

  private async topicsOf(articleId: number): Promise<Topic[]> {
    const rows = await this.db.selectFrom('article_topics as at')
      .innerJoin('topics as t', 't.id', 'at.topic_id')
      .select(['t.id', 't.slug', 't.name'])
      .where('at.article_id', '=', articleId).orderBy('at.position').execute();
    return rows.map(toTopic);
  }

  private async peopleOf(articleId: number): Promise<Person[]> {
    const rows = await this.db.selectFrom('article_people as ap')
      .innerJoin('people as p', 'p.id', 'ap.person_id')
      .select(['p.id', 'p.slug', 'p.name', 'p.bio'])
      .where('ap.article_id', '=', articleId).orderBy('ap.position').execute();
    return rows.map(toPerson);
  }

  private published() {
    return this.db.selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('images as i', 'i.id', 'a.lead_image_id')
      .where('a.status', '=', 'published');
  }

  /**
   * A page of published stories matching `filter` (conditions on `a`, the articles), newest
   * first, with the total. The total is counted on the articles alone: joined to sections and
   * pictures, the count cost five times as much.
   */
  private async page(filter: (q: ArticleFilter) => ArticleFilter, q: PageRequest): Promise<Page<ArticleSummary>> {
    const counted = filter(this.db.selectFrom('articles as a').where('a.status', '=', 'published'));
    const listed = filter(this.published() as unknown as ArticleFilter) as unknown as ReturnType<SiteReads['published']>;
    const [rows, count] = await Promise.all([
      listed.select(summaryColumns)
        .orderBy('a.first_published_at', 'desc').orderBy('a.id', 'desc')
        .limit(q.pageSize).offset((q.page - 1) * q.pageSize)
        .execute(),
      counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => toSummary(r as SummaryRow)), total: Number(count.n), page: q.page, pageSize: q.pageSize };
  }
}

/** A query over the articles (as `a`) that a listing narrows with conditions of its own. */
type ArticleFilter = SelectQueryBuilder<Database & { a: Database['articles'] }, 'a', object>;

function descendantIds(all: Section[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) {
    for (const s of all) if (s.parentId === ids[i] && !ids.includes(s.id)) ids.push(s.id);
  }
  return ids;
}
