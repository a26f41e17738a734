import type {
  Agency, Article, ArticleStatus, ArticleSummary, Doc, Image, ImageVariant, Page, Person, Section,
  SectionTrail, Topic,
} from './model.js';

export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * The narrow port through which the public site reads content: the complete list of what a
 * reader's page may ask of the database. Only published stories come out of the listings.
 */
export interface SiteContent {
  /** Top-level sections in menu order. */
  navigation(): Promise<Section[]>;
  /** Home's children down to the section with this slug, or null. */
  sectionTrail(slug: string): Promise<SectionTrail | null>;
  /** The sections directly below this one, in menu order. */
  subsections(sectionId: number): Promise<Section[]>;
  latest(q: PageRequest): Promise<Page<ArticleSummary>>;
  /** Stories filed in the section or any section below it. */
  sectionArticles(sectionId: number, q: PageRequest): Promise<Page<ArticleSummary>>;
  topicBySlug(slug: string): Promise<Topic | null>;
  topicArticles(topicId: number, q: PageRequest): Promise<Page<ArticleSummary>>;
  personBySlug(slug: string): Promise<Person | null>;
  personArticles(personId: number, q: PageRequest): Promise<Page<ArticleSummary>>;
  agencyBySlug(slug: string): Promise<Agency | null>;
  agencyArticles(agencyId: number, q: PageRequest): Promise<Page<ArticleSummary>>;
  /** The article with this slug in whatever status; the site decides what readers may see. */
  articleBySlug(slug: string): Promise<Article | null>;
  moreFromSection(article: Pick<Article, 'id' | 'section'>, limit: number): Promise<ArticleSummary[]>;
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
  articleIdByUri(uri: string): Promise<{ id: number; versionCreatedAt: Date | null; slug: string; firstPublishedAt: Date | null; status: ArticleStatus } | null>;
  articleById(id: number): Promise<Article | null>;
  slugTaken(slug: string, exceptId?: number): Promise<boolean>;
  insertArticle(fields: ArticleFields, now: Date): Promise<number>;
  updateArticle(id: number, fields: ArticleFields, now: Date): Promise<void>;
  setArticleTopics(articleId: number, topicIds: number[]): Promise<void>;
  setArticlePeople(articleId: number, personIds: number[]): Promise<void>;
  countArticles(): Promise<number>;
}

export interface ContentRepository extends SiteContent, ContentWriter {}

/** The repository plus atomic units of work: everything in `fn` lands, or nothing does. */
export interface ContentStore extends ContentRepository {
  transaction<T>(fn: (repo: ContentRepository) => Promise<T>): Promise<T>;
}
