import type { ArticleStatus, Doc } from './model.js';

/**
 * A static page of the site (About us, Contact, Corrections policy...): at `/{slug}`, written in
 * the story editor and through the same workflow, but in no listing, feed, search or news sitemap.
 * Pages follow the stories' statuses, so one policy and one workflow serve both.
 */
export interface StaticPage {
  id: number;
  slug: string;
  title: string;
  body: Doc;
  status: ArticleStatus;
  createdBy: number | null;
  createdAt: Date;
  /** The last save of any kind (the newsroom's list, and stale-edit checks). */
  modifiedAt: Date;
  scheduledAt: Date | null;
  /** First publication; null while never published. */
  publishedAt: Date | null;
  /** What readers see as "Last updated": the last published change (the last save before that). */
  updatedAt: Date;
}

/** What a page revision keeps: every field an editor can change. */
export interface PageSnapshot {
  slug: string;
  title: string;
  body: Doc;
}

export interface PageRevision {
  id: number;
  pageId: number;
  userId: number | null;
  /** A person's name, or "api", "demo"... */
  by: string;
  source: string;
  changed: string[];
  snapshot: PageSnapshot;
  createdAt: Date;
}

/** A page's own fields as commands write them. */
export interface PageFields extends PageSnapshot {
  /** Only read on insert: who started the page. */
  createdBy: number | null;
}
