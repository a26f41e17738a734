import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. Timestamps are written as UTC ISO 8601 text; PostgreSQL
 * stores them as timestamptz and the store reads them back as the same ISO strings (dialects/postgres.ts).
 */
export interface Database {
  sections: SectionTable;
  topics: TopicTable;
  people: PersonTable;
  person_beats: PersonBeatTable;
  agencies: AgencyTable;
  images: ImageTable;
  articles: ArticleTable;
  article_topics: ArticleTopicTable;
  topic_aliases: TopicAliasTable;
  page_changes: PageChangeTable;
  article_people: ArticlePersonTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  revisions: RevisionTable;
  corrections: CorrectionTable;
  audit_log: AuditTable;
  article_search: ArticleSearchTable;
  article_search_vocab: { term: string; doc: number; cnt: number };
  search_documents: SearchDocumentTable;
  settings: { key: string; value: string };
  wire_sources: WireSourceTable;
  wire_items: WireItemTable;
  wire_versions: WireVersionTable;
  wire_quarantine: WireQuarantineTable;
  wire_alerts: WireAlertTable;
  pages: PageTable;
  menus: MenuTable;
  page_revisions: PageRevisionTable;
}

/** The FTS5 table (SQLite): rowid is the article id. */
export interface ArticleSearchTable {
  rowid: number;
  headline: string;
  topics: string;
  standfirst: string;
  body: string;
  byline: string;
  /** The lead picture's caption and alt text: readers see them on the page. */
  captions: string;
}

/** PostgreSQL's search index: the same text (snippets are cut from it), its weighted tsvector and length. */
export interface SearchDocumentTable extends Omit<ArticleSearchTable, 'rowid'> {
  id: number;
  document: string;
  head: string;
  words: number;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface SessionTable {
  /** sha256 of the cookie's token: a stolen database does not yield live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  label: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  /** Null only for a token loaded from an export of a release before 0009. */
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface RevisionTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  /** "newsroom", "api", "wire", "restore", "demo" */
  source: string;
  /** JSON array of the field names that changed. */
  changed: string;
  snapshot: string;
  created_at: Timestamp;
}

export interface CorrectionTable {
  id: Generated<number>;
  article_id: number;
  kind: string;
  text: string;
  user_id: number | null;
  created_at: Timestamp;
}

export interface AuditTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  ip: string | null;
}

type Timestamp = string | Date;

export interface SectionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  parent_id: number | null;
  position: number;
  created_at: Timestamp;
}

export interface TopicTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: Timestamp;
}

export interface PersonTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string;
  created_at: Timestamp;
  /** Staff profile (0011): the newsroom account that is this person's, one at most. */
  user_id: Generated<number | null>;
  photo_id: Generated<number | null>;
  job_title: Generated<string>;
  /** JSON array of http(s) URLs. */
  links: Generated<string>;
  email: Generated<string>;
  /** 1: readers may see `email`. */
  email_public: Generated<number>;
  /** The staff page's group ('' : not on it), the group's place there, the person's place in it. */
  team: Generated<string>;
  team_position: Generated<number>;
  staff_position: Generated<number>;
}

/** The topics a person covers, in order (0011). */
export interface PersonBeatTable {
  person_id: number;
  topic_id: number;
  position: number;
}

export interface AgencyTable {
  id: Generated<number>;
  slug: string;
  name: string;
  url: string | null;
  created_at: Timestamp;
}

export interface ImageTable {
  id: Generated<number>;
  key: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  source_uri: string | null;
  /** JSON array of ImageVariant. */
  variants: string;
  created_at: Timestamp;
  created_by: Generated<number | null>;
}

export interface ArticleTable {
  id: Generated<number>;
  uri: string | null;
  version: string | null;
  version_created_at: Timestamp | null;
  slug: string;
  headline: string;
  standfirst: string;
  /** JSON of the body document. */
  body: string;
  section_id: number;
  dateline_place: string;
  language: string;
  status: string;
  byline: string;
  agency_id: number | null;
  lead_image_id: number | null;
  first_published_at: Timestamp | null;
  updated_at: Timestamp | null;
  created_at: Timestamp;
  modified_at: Timestamp;
  created_by: Generated<number | null>;
  scheduled_at: Generated<Timestamp | null>;
  /** The story this one follows up (an editor's link). */
  follow_up_of: Generated<number | null>;
  /** The first story of its thread, when it is in one (itself, for the first). */
  thread_id: Generated<number | null>;
}

export interface TopicAliasTable {
  id: Generated<number>;
  topic_id: number;
  alias: string;
  alias_key: string;
}

export interface ArticleTopicTable {
  article_id: number;
  topic_id: number;
  position: number;
}

export interface ArticlePersonTable {
  article_id: number;
  person_id: number;
  position: number;
}

export interface PageChangeTable {
  id: Generated<number>;
  at: Timestamp;
  /** Space-separated surrogate keys. */
  tags: string;
}

export interface WireSourceTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: string;
  location: string;
  token_hash: string | null;
  interval_seconds: number;
  section_slug: string | null;
  topics: string;
  mode: string;
  picture_hosts: string;
  enabled: number;
  poll_etag: string | null;
  poll_modified: string | null;
  next_run_at: Timestamp | null;
  last_run_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
}

export interface WireItemTable {
  id: Generated<number>;
  uri: string;
  source_id: number | null;
  format: string;
  item_type: string;
  version: string | null;
  version_created_at: Timestamp | null;
  first_created_at: Timestamp | null;
  received_at: Timestamp;
  updated_at: Timestamp;
  headline: string;
  agency: string;
  urgency: number | null;
  language: string | null;
  pub_status: string;
  embargoed_until: Timestamp | null;
  section_slug: string | null;
  latest_version_id: number;
  version_count: number;
  article_id: number | null;
  filing: string | null;
  applied_version_id: number | null;
}

export interface WireVersionTable {
  id: Generated<number>;
  item_id: number;
  version: string | null;
  version_created_at: Timestamp | null;
  received_at: Timestamp;
  digest: string;
  file_name: string;
  content: string;
}

export interface WireQuarantineTable {
  id: Generated<number>;
  source_id: number | null;
  file_name: string;
  received_at: Timestamp;
  reason: string;
  bytes: Buffer;
  size: number;
  digest: string;
  released_at: Timestamp | null;
  outcome: string | null;
}

export interface WireAlertTable {
  id: Generated<number>;
  at: Timestamp;
  kind: string;
  item_id: number;
  article_id: number | null;
  message: string;
  acknowledged_at: Timestamp | null;
  acknowledged_by: number | null;
}

/** Static pages (0010): the stories' workflow columns, without section, taxonomy or pictures. */
export interface PageTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** JSON of the body document. */
  body: string;
  status: string;
  created_by: number | null;
  created_at: Timestamp;
  modified_at: Timestamp;
  scheduled_at: Timestamp | null;
  first_published_at: Timestamp | null;
  updated_at: Timestamp | null;
}

export interface PageRevisionTable {
  id: Generated<number>;
  page_id: number;
  user_id: number | null;
  source: string;
  /** JSON array of the field names that changed. */
  changed: string;
  snapshot: string;
  created_at: Timestamp;
}

/** Saved menus (0012): `header`, `footer`; items as JSON in the API's shape. */
export interface MenuTable {
  name: string;
  items: string;
  updated_at: Timestamp;
}
