import { sql, type Kysely } from 'kysely';
import type {
  Agency, ArticleFields, ArticleStatus, ContentRepository, Image, MenuItem, MenuName, MenuRefs, MenuTargetsFound, NewImage, NewSection, Person,
  Section, Topic,
} from '../../content/index.js';
import { isoString, slugify, toDate, uniqueSlug } from '../../shared/index.js';
import type { Database } from '../schema.js';
import { toAgency, toImage, toPerson, toSection, toTopic } from './mappers.js';
import { indexDocument } from '../../search/index.js';
import type { SearchDocument } from '../../search/model.js';
import { PageWrites } from './pages.js';
import { recordPageChange } from './page-changes.js';
import { menuTargets, saveMenu, savedMenu } from './menus.js';
import { personProfile } from './people.js';
import {
  articleIdsOfPerson, people, personIdOfUser, personIdsWithPhoto, setPersonBeat, updateProfile, userExists,
} from './people-writes.js';
import type { Page, PageRequest, PersonProfile, ProfileFields } from '../../content/index.js';

type Db = Kysely<Database>;

/** The full repository: the site's reads plus the lookups and writes commands need. */
export class KyselyContentRepository extends PageWrites implements ContentRepository {
  constructor(db: Db) {
    super(db);
  }

  async sectionBySlug(slug: string): Promise<Section | null> {
    const row = await this.db.selectFrom('sections')
      .select(['id', 'slug', 'name', 'description', 'parent_id', 'position'])
      .where('slug', '=', slug).executeTakeFirst();
    return row ? toSection(row) : null;
  }

  sections(): Promise<Section[]> {
    return this.allSections();
  }

  async createSection(input: NewSection, now: Date): Promise<Section> {
    const row = await this.db.insertInto('sections').values({
      slug: input.slug,
      name: input.name,
      description: input.description ?? '',
      parent_id: input.parentId ?? null,
      position: input.position ?? 0,
      created_at: isoString(now),
    }).returning(['id', 'slug', 'name', 'description', 'parent_id', 'position']).executeTakeFirstOrThrow();
    return toSection(row);
  }

  /** A topic by name, else by alias ("ISIS" files under "Islamic State"), else a new one. */
  async ensureTopic(name: string, now: Date): Promise<Topic> {
    if ((await this.topicIdByName(name)) === null) {
      const aliased = await this.topicIdByAlias(name);
      if (aliased !== null) return (await this.topicById(aliased))!;
    }
    return toTopic(await this.ensureNamed('topics', name, now));
  }

  async peopleNamed(name: string): Promise<number[]> {
    const rows = await this.db.selectFrom('people').select('id').where(sql<boolean>`lower(name) = lower(${name})`).execute();
    return rows.map((r) => r.id);
  }

  async ensurePerson(name: string, now: Date): Promise<Person> {
    const row = await this.ensureNamed('people', name, now);
    const full = await this.db.selectFrom('people').select(['id', 'slug', 'name', 'bio']).where('id', '=', row.id).executeTakeFirstOrThrow();
    return toPerson(full);
  }

  async ensureAgency(name: string, now: Date): Promise<Agency> {
    const row = await this.ensureNamed('agencies', name, now);
    const full = await this.db.selectFrom('agencies').select(['id', 'slug', 'name', 'url']).where('id', '=', row.id).executeTakeFirstOrThrow();
    return toAgency(full);
  }

  /**
   * Finds by name, case aside (a renamed topic keeps its old slug), else by the slug of the name
   * (so "ISIS" and "isis" are one topic), else creates it.
   */
  private async ensureNamed(table: 'topics' | 'people' | 'agencies', name: string, now: Date) {
    const slug = slugify(name) || 'untitled';
    const byName = await this.db.selectFrom(table).select(['id', 'slug', 'name'])
      .where(sql<boolean>`lower(name) = ${name.toLowerCase()}`).orderBy('id').executeTakeFirst();
    if (byName) return byName;
    const existing = await this.db.selectFrom(table).select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
    if (existing) return existing;
    return this.db.insertInto(table).values({ slug, name, created_at: isoString(now) })
      .returning(['id', 'slug', 'name']).executeTakeFirstOrThrow();
  }

  async saveImage(input: NewImage, now: Date): Promise<Image> {
    const values = {
      mime: input.mime,
      width: input.width,
      height: input.height,
      alt: input.alt,
      caption: input.caption,
      credit: input.credit,
      source_uri: input.sourceUri,
      variants: JSON.stringify(input.variants),
    };
    const columns = ['id', 'key', 'mime', 'width', 'height', 'alt', 'caption', 'credit', 'source_uri', 'variants'] as const;
    const existing = await this.db.selectFrom('images').select('id').where('key', '=', input.key).executeTakeFirst();
    const row = existing
      ? await this.db.updateTable('images').set(values).where('id', '=', existing.id).returning(columns).executeTakeFirstOrThrow()
      : await this.db.insertInto('images').values({ ...values, key: input.key, created_at: isoString(now) })
        .returning(columns).executeTakeFirstOrThrow();
    return toImage(row);
  }

  async articleIdByUri(uri: string) {
    const row = await this.db.selectFrom('articles')
      .select(['id', 'version', 'version_created_at', 'slug', 'first_published_at', 'status'])
      .where('uri', '=', uri).executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      version: row.version,
      slug: row.slug,
      versionCreatedAt: toDate(row.version_created_at),
      firstPublishedAt: toDate(row.first_published_at),
      status: row.status as ArticleStatus,
    };
  }

  async imageKeyInUse(key: string): Promise<boolean> {
    return (await this.db.selectFrom('images').select('id').where('key', '=', key).executeTakeFirst()) !== undefined;
  }

  async slugTaken(slug: string, exceptId?: number): Promise<boolean> {
    let q = this.db.selectFrom('articles').select('id').where('slug', '=', slug);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  }

  recordPageChange(tags: string[], now: Date): Promise<void> {
    return recordPageChange(this.db, tags, now);
  }

  menu(name: MenuName): Promise<MenuItem[] | null> {
    return savedMenu(this.db, name);
  }

  saveMenu(name: MenuName, items: MenuItem[] | null, now: Date): Promise<void> {
    return saveMenu(this.db, name, items, now);
  }

  menuTargets(refs: MenuRefs): Promise<MenuTargetsFound> {
    return menuTargets(this.db, refs);
  }

  async insertArticle(fields: ArticleFields, now: Date): Promise<number> {
    const slug = await uniqueSlug(fields.slug, (s) => this.slugTaken(s));
    const row = await this.db.insertInto('articles')
      .values({ ...articleRow({ ...fields, slug }, now), created_at: isoString(now), created_by: fields.createdBy ?? null })
      .returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updateArticle(id: number, fields: ArticleFields, now: Date): Promise<void> {
    await this.db.updateTable('articles').set(articleRow(fields, now)).where('id', '=', id).execute();
  }

  async setArticleTopics(articleId: number, topicIds: number[]): Promise<void> {
    await this.db.deleteFrom('article_topics').where('article_id', '=', articleId).execute();
    const rows = unique(topicIds).map((topic_id, position) => ({ article_id: articleId, topic_id, position }));
    if (rows.length) await this.db.insertInto('article_topics').values(rows).execute();
  }

  async setArticlePeople(articleId: number, personIds: number[]): Promise<void> {
    await this.db.deleteFrom('article_people').where('article_id', '=', articleId).execute();
    const rows = unique(personIds).map((person_id, position) => ({ article_id: articleId, person_id, position }));
    if (rows.length) await this.db.insertInto('article_people').values(rows).execute();
  }

  indexForSearch(doc: SearchDocument): Promise<void> {
    return indexDocument(this.db, doc);
  }

  async articleIdsWithTopic(topicId: number): Promise<number[]> {
    return (await this.db.selectFrom('article_topics').select('article_id').where('topic_id', '=', topicId).execute()).map((r) => r.article_id);
  }

  async articleIds(afterId: number, limit: number): Promise<number[]> {
    return (await this.db.selectFrom('articles').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute()).map((r) => r.id);
  }

  personProfile(id: number): Promise<PersonProfile | null> {
    return personProfile(this.db, id);
  }

  people(q: PageRequest & { text?: string }): Promise<Page<PersonProfile>> {
    return people(this.db, q);
  }

  updateProfile(id: number, fields: ProfileFields): Promise<void> {
    return updateProfile(this.db, id, fields);
  }

  setPersonBeat(personId: number, topicIds: number[]): Promise<void> {
    return setPersonBeat(this.db, personId, topicIds);
  }

  personIdOfUser(userId: number): Promise<number | null> {
    return personIdOfUser(this.db, userId);
  }

  userExists(userId: number): Promise<boolean> {
    return userExists(this.db, userId);
  }

  articleIdsOfPerson(personId: number): Promise<number[]> {
    return articleIdsOfPerson(this.db, personId);
  }

  personIdsWithPhoto(imageId: number): Promise<number[]> {
    return personIdsWithPhoto(this.db, imageId);
  }

  async maxArticleId(): Promise<number> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  async countArticles(): Promise<number> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

const unique = (ids: number[]) => [...new Set(ids)];

/** A story's own columns as written (without created_at/created_by, set on insert only). */
export function articleRow(f: ArticleFields, now: Date) {
  const iso = (d: Date | null) => (d ? isoString(d) : null);
  return {
    uri: f.uri,
    version: f.version,
    version_created_at: iso(f.versionCreatedAt),
    slug: f.slug,
    headline: f.headline,
    standfirst: f.standfirst,
    body: JSON.stringify(f.body),
    section_id: f.sectionId,
    dateline_place: f.datelinePlace,
    language: f.language,
    status: f.status,
    byline: f.byline,
    agency_id: f.agencyId,
    lead_image_id: f.leadImageId,
    first_published_at: iso(f.firstPublishedAt),
    updated_at: iso(f.updatedAt),
    modified_at: isoString(now),
  };
}
