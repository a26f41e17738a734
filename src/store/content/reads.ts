import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { maxListingPages } from '../../content/index.js';
import type {
  Agency, Article, ArticleSummary, Correction, Navigation, Page, PageRequest, Person, Section, SectionTrail, SiteContent, StaticPage, Topic,
} from '../../content/index.js';
import type { PublicProfile } from '../../content/index.js';
import { toDate } from '../../shared/index.js';
import type { Database } from '../schema.js';
import { nearbyMatches } from '../../search/index.js';
import { byText, isPostgres } from '../dialects/engine.js';
import {
  asStatus, parseDoc, toAgency, toPerson, toSection, toSummary, toTopic, type SummaryRow,
} from './mappers.js';
import { pageBySlug, publishedPageById, publishedPages } from './page-reads.js';
import { navigation } from './menus.js';
import { authorProfile, staff } from './people.js';

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

  async navigation(): Promise<Navigation> {
    return navigation(this.db, await this.allSections());
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
    return this.linkedPage('article_topics', 'topic_id', topicId, q);
  }

  async personBySlug(slug: string): Promise<Person | null> {
    const row = await this.db.selectFrom('people').select(['id', 'slug', 'name', 'bio']).where('slug', '=', slug).executeTakeFirst();
    return row ? toPerson(row) : null;
  }

  personArticles(personId: number, q: PageRequest): Promise<Page<ArticleSummary>> {
    return this.linkedPage('article_people', 'person_id', personId, q);
  }

  authorProfile(slug: string): Promise<PublicProfile | null> {
    return authorProfile(this.db, slug);
  }

  staff(): Promise<PublicProfile[]> {
    return staff(this.db);
  }

  /**
   * A topic's or person's stories. Two ways to find a page of them, chosen by what each costs: a
   * topic on a fifth of a million stories is found fastest by walking all stories newest first
   * and keeping its own (twenty rows are found within a hundred); a rare one by taking its few
   * links and sorting them. Counts stop at the listing limit.
   */
  private async linkedPage(table: 'article_topics' | 'article_people', column: 'topic_id' | 'person_id', id: number, q: PageRequest): Promise<Page<ArticleSummary>> {
    const limit = maxListingPages * q.pageSize;
    const key = column as 'topic_id';
    const [links, newest] = await Promise.all([
      this.db.selectFrom(this.db.selectFrom(table).select('article_id').where(key, '=', id).limit(limit + 1).as('l'))
        .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
      this.db.selectFrom('articles').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst().then((r) => Number(r?.id ?? 0)),
    ]);
    // Rows walked newest first to reach the page (links past the limit: at least 1 % of all
    // stories), against sorting every link.
    const walked = (q.page * q.pageSize * newest) / Math.max(1, links);
    const filter = links > limit || walked < links
      ? (w: ArticleFilter) => w.where((eb) => eb.exists(eb.selectFrom(table).select('article_id').where(key, '=', id).whereRef('article_id', '=', 'a.id')))
      : (w: ArticleFilter) => w.where('a.id', 'in', this.db.selectFrom(table).select('article_id').where(key, '=', id));
    if (links <= limit) {
      // Published ones among few links: counted from the links (CROSS JOIN keeps them the outer loop).
      const total = async () => Number((await this.db.selectFrom(`${table} as l` as 'article_topics as l').crossJoin('articles as a')
        .whereRef('a.id', '=', 'l.article_id').where(`l.${key}`, '=', id).where('a.status', '=', 'published')
        .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return this.page(filter, q, { total });
    }
    // Past the limit the links are not counted against the stories (each status read is a row
    // read: 10,000 of them took a quarter of a second): "at least" the limit while the page has
    // stories; an empty page (links of drafts) counts only the pages before it, so it is a 404.
    const page = await this.page(filter, q, { total: async () => limit + 1 });
    return page.items.length ? page : { ...page, total: (q.page - 1) * q.pageSize, totalIsAtLeast: false };
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
      const rows = await this.byIds(ids).select(summaryColumns).select('a.status').execute();
      const byId = new Map(rows.filter((r) => r.status === 'published').map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
    };
    // Best candidates first, read a few at a time until enough are published: reading a story's
    // status reads its row, body and all (a few ms for three hundred candidates).
    const takeRanked = async (ranked: number[]) => {
      for (let from = 0; found.length < limit && from < ranked.length && from < 64; from += limit * 2) {
        take(await inOrder(ranked.slice(from, from + limit * 2)));
      }
    };
    const topicIds = article.topics.slice(0, 8).map((t) => t.id);
    if (topicIds.length) await takeRanked(await this.sharingTopics(article, topicIds));
    const words = [...new Set(wordsOf(article.headline).filter((w) => w.length >= 4))].slice(0, 12);
    if (found.length < limit && words.length) await takeRanked(await this.sharingWords(article, words));
    return found;
  }

  /**
   * Stories whose headline, topics or standfirst share the most of `words` (any of them), among
   * those filed just before and after this one; latest filed first among equals, published or
   * not (the caller keeps the published). Ranking every match by BM25 cost a tenth of a second at
   * a million stories (common words match most of them); in filing order the text index stops
   * after the first matches. Only the columns stored before the body are read.
   */
  private async sharingWords(article: Pick<Article, 'id'>, words: string[]): Promise<number[]> {
    const ids = (await Promise.all([
      nearbyMatches(this.db, words, article.id, 'before', 150), nearbyMatches(this.db, words, article.id, 'after', 50),
    ])).flat();
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('articles').select(['id', 'headline', 'standfirst']).where('id', 'in', ids).execute();
    const score = (r: { headline: string; standfirst: string }) => {
      const head = new Set(wordsOf(r.headline));
      const stand = new Set(wordsOf(r.standfirst));
      return words.reduce((n, w) => n + (head.has(w) ? 2 : 0) + (stand.has(w) ? 1 : 0), 0);
    };
    const scored = new Map(rows.map((r) => [r.id, score(r)]));
    return [...scored.keys()].sort((a, b) => scored.get(b)! - scored.get(a)! || b - a);
  }

  /**
   * Stories sharing the most of `topicIds`, latest filed first among equals (published or not:
   * the caller keeps the published). Candidates are,
   * per topic, the stories filed just before and after this one: a topic on 200,000 stories
   * would otherwise be grouped in full for every page.
   */
  private async sharingTopics(article: Pick<Article, 'id'>, topicIds: number[]): Promise<number[]> {
    const links = (topicId: number, direction: 'before' | 'after') => this.db.selectFrom('article_topics').select('article_id')
      .where('topic_id', '=', topicId).where('article_id', direction === 'before' ? '<' : '>', article.id)
      .orderBy('article_id', direction === 'before' ? 'desc' : 'asc').limit(direction === 'before' ? 60 : 20).execute();
    const lists = await Promise.all(topicIds.flatMap((t) => [links(t, 'before'), links(t, 'after')]));
    const shared = new Map<number, number>();
    for (const list of lists) for (const { article_id: id } of list) shared.set(id, (shared.get(id) ?? 0) + 1);
    // Most topics shared first; among equals the latest filed (ids follow filing order).
    return [...shared.keys()].sort((a, b) => shared.get(b)! - shared.get(a)! || b - a);
  }

  async publishedMonths(): Promise<{ month: string; lastModified: Date }[]> {
    // SQLite keeps timestamps as ISO text: the month is its first seven characters.
    const month = isPostgres(this.db) ? sql<string>`to_char(first_published_at at time zone 'UTC', 'YYYY-MM')` : sql<string>`substr(first_published_at, 1, 7)`;
    const rows = await this.db.selectFrom('articles')
      .select([month.as('month'), sql<string>`max(coalesce(updated_at, first_published_at))`.as('last')])
      .where('status', '=', 'published').groupBy(month).orderBy('month', 'desc').execute();
    return rows.map((r) => ({ month: r.month, lastModified: toDate(r.last) }));
  }

  async publishedBetween(from: Date, to: Date, limit: number): Promise<ArticleSummary[]> {
    const rows = await this.published()
      .where('a.first_published_at', '>=', from.toISOString()).where('a.first_published_at', '<', to.toISOString())
      .select(summaryColumns).orderBy('a.first_published_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
    return rows.map((r) => toSummary(r as SummaryRow));
  }

  pageById(id: number): Promise<StaticPage | null> {
    return publishedPageById(this.db, id);
  }

  pageBySlug(slug: string): Promise<StaticPage | null> {
    return pageBySlug(this.db, slug);
  }

  publishedPages(): Promise<StaticPage[]> {
    return publishedPages(this.db);
  }

  protected async allSections(): Promise<Section[]> {
    const rows = await this.db.selectFrom('sections')
      .select(['id', 'slug', 'name', 'description', 'parent_id', 'position'])
      .orderBy('position').orderBy(byText(this.db, 'name')).execute();
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

  /**
   * Stories by id, whatever their status (callers keep the published ones): with a condition on
   * the status too, SQLite may walk the status index, a million rows, instead of the ids.
   */
  private byIds(ids: number[]) {
    return this.db.selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('images as i', 'i.id', 'a.lead_image_id')
      .where('a.id', 'in', ids);
  }

  private published() {
    return this.db.selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('images as i', 'i.id', 'a.lead_image_id')
      .where('a.status', '=', 'published');
  }

  /**
   * A page of published stories matching `filter` (conditions on `a`, the articles), newest
   * first, with the total. The page's ids come from the articles alone (an index walk, however
   * deep the page), then their summaries; the total is counted on the articles alone too, and
   * only up to the listing limit: a listing of a million stories costs a count of ten thousand.
   */
  private async page(
    filter: (q: ArticleFilter) => ArticleFilter, q: PageRequest, o: { total?: () => Promise<number> } = {},
  ): Promise<Page<ArticleSummary>> {
    const limit = maxListingPages * q.pageSize;
    const articles = () => this.db.selectFrom('articles as a').where('a.status', '=', 'published') as unknown as ArticleFilter;
    const counted = () => this.db.selectFrom(filter(articles()).select('a.id').limit(limit + 1).as('c'))
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
    const [ids, total] = await Promise.all([
      filter(articles()).select('a.id').orderBy('a.first_published_at', 'desc').orderBy('a.id', 'desc')
        .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute().then((rows) => rows.map((r) => r.id)),
      (o.total ?? counted)(),
    ]);
    // Read again by id: a story withdrawn between the two reads is left out.
    const rows = ids.length ? await this.byIds(ids).select(summaryColumns).select('a.status').execute() : [];
    const byId = new Map(rows.filter((r) => r.status === 'published').map((r) => [r.id, toSummary(r as SummaryRow)]));
    return {
      items: ids.map((id) => byId.get(id)!).filter(Boolean), page: q.page, pageSize: q.pageSize,
      ...(total > limit ? { total: limit, totalIsAtLeast: true } : { total }),
    };
  }
}

/** A text's words as related stories compare them: lower case, split at anything not a letter or digit. */
const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u);

/** A query over the articles (as `a`) that a listing narrows with conditions of its own. */
type ArticleFilter = SelectQueryBuilder<Database & { a: Database['articles'] }, 'a', object>;

function descendantIds(all: Section[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) {
    for (const s of all) if (s.parentId === ids[i] && !ids.includes(s.id)) ids.push(s.id);
  }
  return ids;
}
