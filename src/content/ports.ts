import type { AuditEntry } from '../audit/index.js';
import type { SearchDocument } from '../search/model.js';
import type {
  Agency, Article, ArticleSnapshot, ArticleStatus, ArticleSummary, Correction, Doc, Image, ImageVariant,
  NewsroomSummary, Page, Person, Revision, Section, SectionTrail, ThreadNode, Topic, TopicWithAliases,
} from './model.js';
import type { PersonProfile, ProfileFields, PublicProfile } from './profile-model.js';
import type { PageFields, PageRevision, PageSnapshot, StaticPage } from './page-model.js';
import type { MenuItem, MenuName, MenuRefs, Navigation } from './menus.js';

export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * The narrow port through which the public site reads content: the complete list of what a
 * reader's page may ask of the database. Only published stories come out of the listings.
 */
export interface SiteContent {
  /** The header and footer menus as readers get them (only public targets), with the top-level sections in menu order. */
  navigation(): Promise<Navigation>;
  /** Home's children down to the section with this slug, or null. */
  sectionTrail(slug: string): Promise<SectionTrail | null>;
  /** Every section in tree order (each followed by those below it), for menus and sitemaps. */
  sectionTree(): Promise<Section[]>;
  /** The sections directly below this one, in menu order. */
  subsections(sectionId: number): Promise<Section[]>;
  latest(q: PageRequest): Promise<Page<ArticleSummary>>;
  /** Stories filed in the section or any section below it. */
  sectionArticles(sectionId: number, q: PageRequest): Promise<Page<ArticleSummary>>;
  topicBySlug(slug: string): Promise<Topic | null>;
  topicArticles(topicId: number, q: PageRequest): Promise<Page<ArticleSummary>>;
  personBySlug(slug: string): Promise<Person | null>;
  personArticles(personId: number, q: PageRequest): Promise<Page<ArticleSummary>>;
  /** A person's profile as readers may see it (see PublicProfile), or null. */
  authorProfile(slug: string): Promise<PublicProfile | null>;
  /** Everyone on the staff page (with a team), in its order: team, place in the team, name. */
  staff(): Promise<PublicProfile[]>;
  agencyBySlug(slug: string): Promise<Agency | null>;
  agencyArticles(agencyId: number, q: PageRequest): Promise<Page<ArticleSummary>>;
  /** The article with this slug in whatever status; the site decides what readers may see. */
  articleBySlug(slug: string): Promise<Article | null>;
  articleById(id: number): Promise<Article | null>;
  moreFromSection(article: Pick<Article, 'id' | 'section'>, limit: number): Promise<ArticleSummary[]>;
  /**
   * Published stories related to this one: most shared topics first, then by the words of its
   * headline (full-text), newest first among equals; never itself.
   */
  related(article: Pick<Article, 'id' | 'headline' | 'topics'>, limit: number): Promise<ArticleSummary[]>;
  /** The published stories of a thread, oldest first (a timeline). */
  threadStories(threadId: number): Promise<ArticleSummary[]>;
  /** Months (UTC, "2019-04") that have published stories, newest first, with their latest change. */
  publishedMonths(): Promise<{ month: string; lastModified: Date }[]>;
  /** Published stories first published in [from, to), newest first. */
  publishedBetween(from: Date, to: Date, limit: number): Promise<ArticleSummary[]>;
  /** A published static page, or null (also for a draft, scheduled or unpublished one): what menus and settings link to. */
  pageById(id: number): Promise<StaticPage | null>;
  /** The static page with this slug in whatever status; the site decides what readers may see (404, 410). */
  pageBySlug(slug: string): Promise<StaticPage | null>;
  /** Every published static page, by slug (the pages sitemap). */
  publishedPages(): Promise<StaticPage[]>;
}

export interface NewSection {
  slug: string;
  name: string;
  description?: string;
  parentId?: number | null;
  position?: number;
}

export interface NewImage {
  key: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  sourceUri: string | null;
  variants: ImageVariant[];
}

/** An article's own fields as commands write them (relations are set separately). */
export interface ArticleFields {
  uri: string | null;
  version: string | null;
  versionCreatedAt: Date | null;
  slug: string;
  headline: string;
  standfirst: string;
  body: Doc;
  sectionId: number;
  datelinePlace: string;
  language: string;
  status: ArticleStatus;
  byline: string;
  agencyId: number | null;
  leadImageId: number | null;
  firstPublishedAt: Date | null;
  updatedAt: Date | null;
  /** Only read on insert: the person who started the story. */
  createdBy?: number | null;
}

/** What is stored of a story that came from a source, to compare an incoming version with. */
export interface StoredVersion {
  id: number;
  version: string | null;
  versionCreatedAt: Date | null;
  slug: string;
  firstPublishedAt: Date | null;
  status: ArticleStatus;
}

export interface StatusChange {
  status: ArticleStatus;
  scheduledAt: Date | null;
  firstPublishedAt: Date | null;
  updatedAt: Date | null;
}

export interface NewsroomQuery extends PageRequest {
  status?: ArticleStatus;
  createdBy?: number;
  text?: string;
}

/** Lookups and writes used by commands (import, publish, the newsroom). */
export interface ContentWriter {
  sectionBySlug(slug: string): Promise<Section | null>;
  sections(): Promise<Section[]>;
  createSection(input: NewSection, now: Date): Promise<Section>;
  ensureTopic(name: string, now: Date): Promise<Topic>;
  ensurePerson(name: string, now: Date): Promise<Person>;
  ensureAgency(name: string, now: Date): Promise<Agency>;
  /** Inserts the image, or updates the metadata of the one with the same key. */
  saveImage(input: NewImage, now: Date): Promise<Image>;
  articleIdByUri(uri: string): Promise<StoredVersion | null>;
  /** Whether any image record uses this media key (so its files must stay). */
  imageKeyInUse(key: string): Promise<boolean>;
  slugTaken(slug: string, exceptId?: number): Promise<boolean>;
  insertArticle(fields: ArticleFields, now: Date): Promise<number>;
  updateArticle(id: number, fields: ArticleFields, now: Date): Promise<void>;
  setArticleTopics(articleId: number, topicIds: number[]): Promise<void>;
  setArticlePeople(articleId: number, personIds: number[]): Promise<void>;
  countArticles(): Promise<number>;
  /** The highest story id so far (0 when there is none). */
  maxArticleId(): Promise<number>;
  insertRevision(r: { articleId: number; userId: number | null; source: string; changed: string[]; snapshot: ArticleSnapshot }, now: Date): Promise<void>;
  /** Newest first. */
  revisions(articleId: number): Promise<Revision[]>;
  /** What the newest revision kept, to tell what a save changed. */
  latestSnapshot(articleId: number): Promise<ArticleSnapshot | null>;
  insertCorrection(c: { articleId: number; kind: Correction['kind']; text: string; userId: number | null }, now: Date): Promise<Correction>;
  setUpdatedAt(articleId: number, updatedAt: Date, now: Date): Promise<void>;
  /**
   * Moves the article to a new status only if it is still in one of `from` (and, when given,
   * still scheduled for `scheduledFor`): true when it did.
   */
  transition(articleId: number, from: ArticleStatus[], to: StatusChange, now: Date, scheduledFor?: Date): Promise<boolean>;
  /** Scheduled stories whose time has come. */
  dueScheduled(now: Date): Promise<number[]>;
  newsroomArticles(q: NewsroomQuery): Promise<Page<NewsroomSummary>>;
  imageById(id: number): Promise<Image | null>;
  images(q: PageRequest & { text?: string }): Promise<Page<Image>>;
  updateImageText(id: number, text: { alt: string; caption: string; credit: string }): Promise<void>;
  /** The stories that use an image as their lead picture. */
  imageUsage(id: number): Promise<{ articleId: number; createdBy: number | null; status: ArticleStatus }[]>;
  appendAudit(entry: AuditEntry, now: Date): Promise<void>;
  /**
   * Topic names containing `text`, for autocomplete. With `visibleTo`, only topics of published
   * stories or of that person's own stories (a contributor must not learn others' embargoed subjects).
   */
  topicNames(text: string, limit: number, visibleTo?: number): Promise<string[]>;
  /** Every topic with how many stories carry it and its aliases, by name. */
  topicsWithCounts(): Promise<(TopicWithAliases & { stories: number })[]>;
  /** Every topic with its aliases: what topic suggestion looks for in a text (`visibleTo` as in topicNames). */
  topicLexicon(visibleTo?: number): Promise<TopicWithAliases[]>;
  topicAliases(topicId: number): Promise<string[]>;
  /** Replaces a topic's aliases (each alias names one topic only). */
  setTopicAliases(topicId: number, aliases: string[]): Promise<void>;
  /** The topic an alias belongs to, matched as topic suggestion matches it (case and spacing aside). */
  topicIdByAlias(alias: string): Promise<number | null>;
  topicIdByName(name: string): Promise<number | null>;
  /**
   * The published stories whose words best match these (BM25, at most `limit`), and the topics
   * they carry with how many of them carry each, most first.
   */
  similarStoryTopics(words: string[], limit: number): Promise<{ stories: number; topics: { topic: Topic; stories: number }[] }>;
  topicById(id: number): Promise<Topic | null>;
  renameTopic(id: number, name: string): Promise<void>;
  /** Moves every story from one topic to another, then deletes the first. */
  mergeTopic(fromId: number, intoId: number): Promise<void>;
  updateSection(id: number, fields: { name: string; description: string; position: number }): Promise<void>;
  /** Writes the story's words into the search index (same transaction as the story). */
  indexForSearch(doc: SearchDocument): Promise<void>;
  /** Ids of stories carrying a topic (to reindex them after a rename or merge). */
  articleIdsWithTopic(topicId: number): Promise<number[]>;
  threadNode(id: number): Promise<ThreadNode | null>;
  /** Every story of a thread, whatever its status. */
  threadMembers(threadId: number): Promise<ThreadNode[]>;
  setFollowUp(id: number, followUpOf: number | null): Promise<void>;
  setThread(ids: number[], threadId: number | null): Promise<void>;
  /**
   * Notes that the public pages filed under these surrogate keys changed (sections, topics,
   * pictures: story changes inside a transaction are noted by the store itself).
   */
  recordPageChange(tags: string[], now: Date): Promise<void>;
  /** Article ids in order, a batch at a time (for reindexing). */
  articleIds(afterId: number, limit: number): Promise<number[]>;
  /** A saved menu's items, or null while it has none (readers get the default). */
  menu(name: MenuName): Promise<MenuItem[] | null>;
  /** Saves a menu's items; null forgets it (back to the default). */
  saveMenu(name: MenuName, items: MenuItem[] | null, now: Date): Promise<void>;
  /** Which of these a menu may link to: sections and topics that exist, pages in any status. */
  menuTargets(refs: MenuRefs): Promise<MenuTargetsFound>;
  /** A person with their whole profile (the private address too), or null. */
  personProfile(id: number): Promise<PersonProfile | null>;
  /** People with their profiles, a page at a time: staff first (in staff-page order), then by name. */
  people(q: PageRequest & { text?: string }): Promise<Page<PersonProfile>>;
  /** Ids of the people called exactly this, case aside. */
  peopleNamed(name: string): Promise<number[]>;
  updateProfile(id: number, fields: ProfileFields): Promise<void>;
  /** Replaces the topics a person covers, in this order. */
  setPersonBeat(personId: number, topicIds: number[]): Promise<void>;
  /** The person linked to a newsroom account, if any. */
  personIdOfUser(userId: number): Promise<number | null>;
  userExists(userId: number): Promise<boolean>;
  /** Ids of stories with a person in their byline (to reindex them after a rename). */
  articleIdsOfPerson(personId: number): Promise<number[]>;
  /** People whose profile photo this picture is (its text shows on their pages). */
  personIdsWithPhoto(imageId: number): Promise<number[]>;
  /** A static page in whatever status (the site reads pageById and pageBySlug instead). */
  storedPage(id: number): Promise<StaticPage | null>;
  /** A new draft page; its id. */
  insertPage(fields: PageFields, now: Date): Promise<number>;
  /** Writes a page's text; `updatedAt` moves its "Last updated" (a published page that changed). */
  updatePage(id: number, fields: Omit<PageFields, 'createdBy'>, now: Date, updatedAt?: Date): Promise<void>;
  /** As `transition`, for a static page. */
  pageTransition(id: number, from: ArticleStatus[], to: StatusChange, now: Date, scheduledFor?: Date): Promise<boolean>;
  deletePage(id: number): Promise<void>;
  /** Scheduled pages whose time has come. */
  duePages(now: Date): Promise<number[]>;
  insertPageRevision(r: { pageId: number; userId: number | null; source: string; changed: string[]; snapshot: PageSnapshot }, now: Date): Promise<void>;
  /** Newest first. */
  pageRevisions(pageId: number): Promise<PageRevision[]>;
  /** The newsroom's list of pages, last saved first. */
  newsroomPages(q: NewsroomQuery): Promise<Page<StaticPage>>;
}

export interface MenuTargetsFound {
  sections: Set<string>;
  pages: Set<number>;
  topics: Set<string>;
}

export interface ContentRepository extends SiteContent, ContentWriter {}

/** The repository plus atomic units of work: everything in `fn` lands, or nothing does. */
export interface ContentStore extends ContentRepository {
  transaction<T>(fn: (repo: ContentRepository) => Promise<T>): Promise<T>;
}
