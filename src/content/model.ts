/** The newsroom's nouns, as the rest of Dateline sees them (never as database rows). */

/** A ProseMirror/Tiptap JSON node: the structured body of an article. */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: DocMark[];
}

export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface Doc extends DocNode {
  type: 'doc';
  content: DocNode[];
}

export const articleStatuses = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export interface Section {
  id: number;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
  position: number;
}

export interface Topic {
  id: number;
  slug: string;
  name: string;
}

/** A topic with the other names it goes by ("ISIS", "IS" for "Islamic State"). */
export interface TopicWithAliases extends Topic {
  aliases: string[];
}

export interface Person {
  id: number;
  slug: string;
  name: string;
  bio: string;
}

export interface Agency {
  id: number;
  slug: string;
  name: string;
  url: string | null;
}

export type ImageFormat = 'avif' | 'webp' | 'jpeg';

export interface ImageVariant {
  width: number;
  height: number;
  format: ImageFormat;
  /** Path under the media root, e.g. `3fa1.../640.webp`. */
  path: string;
  bytes: number;
}

export interface Image {
  id: number;
  /** Content hash of the original bytes: names its folder in the media store and dedupes uploads. */
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

/** What listings need: enough for a headline, a teaser, a link and a thumbnail. */
export interface ArticleSummary {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  section: Pick<Section, 'id' | 'slug' | 'name'>;
  firstPublishedAt: Date;
  updatedAt: Date;
  leadImage: Image | null;
}

export interface Correction {
  id: number;
  /** A correction fixes an error; an update adds news. Both are shown to readers. */
  kind: 'correction' | 'update';
  text: string;
  createdAt: Date;
}

/** What a revision keeps: every field an editor can change, in the form the editor sees it. */
export interface ArticleSnapshot {
  slug: string;
  headline: string;
  standfirst: string;
  body: Doc;
  sectionSlug: string;
  topics: string[];
  people: string[];
  agency: string | null;
  byline: string;
  datelinePlace: string;
  language: string;
  leadImageId: number | null;
}

export interface Revision {
  id: number;
  articleId: number;
  userId: number | null;
  /** Who saved it: a person's name, or "wire", "cli", "demo". */
  by: string;
  source: string;
  /** Names of the snapshot fields that differ from the revision before. */
  changed: string[];
  snapshot: ArticleSnapshot;
  createdAt: Date;
}

export interface Article extends ArticleSummary {
  uri: string | null;
  version: string | null;
  versionCreatedAt: Date | null;
  body: Doc;
  status: ArticleStatus;
  language: string;
  datelinePlace: string;
  /** The byline as delivered or typed, for when no person record fits (e.g. "Staff and agencies"). */
  byline: string;
  people: Person[];
  agency: Agency | null;
  topics: Topic[];
  createdAt: Date;
  modifiedAt: Date;
  createdBy: number | null;
  scheduledAt: Date | null;
  /** First publication time; null while the story has never been published. */
  publishedAt: Date | null;
  corrections: Correction[];
  /** The story this one follows up, when an editor linked it to one. */
  followUpOf: number | null;
  /** The first story of the thread this one belongs to (its own id for the first). */
  threadId: number | null;
}

/** A story's place in a thread: what an editor's "follow-up of" link builds on. */
export interface ThreadNode {
  id: number;
  followUpOf: number | null;
  threadId: number | null;
}

/** A row of the newsroom's story list: any status. */
export interface NewsroomSummary extends ArticleSummary {
  status: ArticleStatus;
  createdBy: number | null;
  scheduledAt: Date | null;
  modifiedAt: Date;
}

/** Where an article lives in the site tree, from Home down to its own section. */
export type SectionTrail = Section[];

export interface Page<T> {
  items: T[];
  /** Exact up to the listing limit; past it, the limit + 1 with `totalIsAtLeast`. */
  total: number;
  totalIsAtLeast?: boolean;
  page: number;
  pageSize: number;
}

/**
 * Listings page back this far (500 pages of 20 is 10,000 stories): counting and skipping further
 * costs every reader of page 1 at a million stories. Older stories are in search and the sitemaps.
 */
export const maxListingPages = 500;

export const pageCount = (p: Page<unknown>): number => Math.min(maxListingPages, Math.max(1, Math.ceil(p.total / p.pageSize)));
