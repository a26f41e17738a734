import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialects/engine.js';
import { pageChannel } from '../dialects/postgres.js';
import { isoString } from '../../shared/index.js';
import type { Database } from '../schema.js';
import { menuChangeTags } from './menus.js';

type Db = Kysely<Database>;

/**
 * What the public pages showing a story are tagged with: the story itself, its section and the
 * sections above it (their listings include it), its topics, people, agency and thread.
 */
async function storyTags(db: Db, id: number, parent: Map<number, number | null>): Promise<{ published: boolean; tags: string[] } | null> {
  const a = await db.selectFrom('articles').select(['status', 'section_id', 'agency_id', 'thread_id']).where('id', '=', id).executeTakeFirst();
  if (!a) return null;
  const [topics, people] = await Promise.all([
    db.selectFrom('article_topics').select('topic_id').where('article_id', '=', id).execute(),
    db.selectFrom('article_people').select('person_id').where('article_id', '=', id).execute(),
  ]);
  const tags = [`article:${id}`];
  for (let s: number | null | undefined = a.section_id, hops = 0; s != null && hops < 50; s = parent.get(s), hops++) tags.push(`section:${s}`);
  tags.push(...topics.map((t) => `topic:${t.topic_id}`), ...people.map((p) => `person:${p.person_id}`));
  if (a.agency_id !== null) tags.push(`agency:${a.agency_id}`);
  if (a.thread_id !== null) tags.push(`thread:${a.thread_id}`);
  return { published: a.status === 'published', tags };
}

/**
 * Collects the stories a unit of work writes, with their tags before the first write, and on
 * commit records one change naming the pages they were or are on. Drafts never reach a public
 * page, so a story unpublished before and after changes nothing.
 */
export class PageChangeTracker {
  private readonly before = new Map<number, Awaited<ReturnType<typeof storyTags>>>();
  /** Each section's parent, read once per unit of work (the tree rarely changes inside one). */
  private parents: Promise<Map<number, number | null>> | null = null;

  constructor(private readonly db: Db) {}

  private tagsOf(id: number) {
    this.parents ??= this.db.selectFrom('sections').select(['id', 'parent_id']).execute()
      .then((rows) => new Map(rows.map((r) => [r.id, r.parent_id])));
    return this.parents.then((parents) => storyTags(this.db, id, parents));
  }

  async touch(ids: number[]): Promise<void> {
    for (const id of ids) if (!this.before.has(id)) this.before.set(id, await this.tagsOf(id));
  }

  inserted(id: number): void {
    if (!this.before.has(id)) this.before.set(id, null);
  }

  async flush(now: Date): Promise<void> {
    const tags = new Set<string>();
    for (const [id, before] of this.before) {
      const after = await this.tagsOf(id);
      if (!before?.published && !after?.published) continue;
      for (const t of [...(before?.tags ?? []), ...(after?.tags ?? []), 'home', 'sitemap']) tags.add(t);
    }
    this.before.clear();
    if (tags.size) await recordPageChange(this.db, [...tags], now);
  }
}

/**
 * On PostgreSQL every node's caches hear of it by NOTIFY, sent when the transaction commits;
 * a change made outside one gets its own (the node's own caches count commits).
 */
export async function recordPageChange(db: Db, tags: string[], now: Date): Promise<void> {
  if (!tags.length) return;
  if (!tags.includes('nav') && !tags.includes('*')) tags = [...tags, ...(await menuChangeTags(db, tags))];
  const write = async (trx: Db) => {
    await trx.insertInto('page_changes').values({ at: isoString(now), tags: [...new Set(tags)].join(' ') }).execute();
    if (isPostgres(trx)) await sql`select pg_notify(${pageChannel}, '')`.execute(trx);
  };
  await (db.isTransaction || !isPostgres(db) ? write(db) : db.transaction().execute(write));
}

/** The article writes of a repository and how to find the stories each one touches. */
const articleWrites: Record<string, (args: unknown[]) => number[]> = {
  updateArticle: (a) => [a[0] as number],
  setArticleTopics: (a) => [a[0] as number],
  setArticlePeople: (a) => [a[0] as number],
  setUpdatedAt: (a) => [a[0] as number],
  transition: (a) => [a[0] as number],
  setFollowUp: (a) => [a[0] as number],
  setThread: (a) => a[0] as number[],
  insertCorrection: (a) => [(a[0] as { articleId: number }).articleId],
};

/** The repository of a unit of work, with its article writes reported to the tracker first. */
export function trackingWrites<T extends object>(repo: T, tracker: PageChangeTracker): T {
  return new Proxy(repo, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const ids = typeof prop === 'string' ? articleWrites[prop] : undefined;
      if (prop === 'insertArticle') {
        return async (...args: unknown[]) => {
          const id = await (value as (...a: unknown[]) => Promise<number>).apply(target, args);
          tracker.inserted(id);
          return id;
        };
      }
      if (!ids) return (value as (...a: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        await tracker.touch(ids(args));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** The change log as page caches read it. */
export class PageChangeLog {
  /**
   * `version` changes whenever anything commits to the database, from this process or another:
   * a cache asks the log for changes only when it moved.
   */
  constructor(private readonly db: Db, readonly version: () => number) {}

  /** Changes after `afterId`, oldest first. */
  async since(afterId: number, limit = 1000): Promise<{ id: number; tags: string[] }[]> {
    const rows = await this.db.selectFrom('page_changes').select(['id', 'tags']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, tags: r.tags.split(' ') }));
  }

  async latest(): Promise<number> {
    const r = await this.db.selectFrom('page_changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    return Number(r?.id ?? 0);
  }

  /** Drops changes older than `before` (every cache has long applied them), keeping the newest. */
  async prune(before: Date): Promise<void> {
    const newest = await this.latest();
    await this.db.deleteFrom('page_changes').where('at', '<', isoString(before)).where('id', '<', newest).execute();
  }
}
