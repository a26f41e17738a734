import { sql, type Kysely } from 'kysely';
import type { Topic, TopicWithAliases } from '../../content/index.js';
import { termKey } from '../../content/suggest/terms.js';
import type { Database } from '../schema.js';
import { bestMatches } from '../../search/index.js';
import { contains, NewsroomQueries } from './newsroom.js';
import { byText } from '../dialects/engine.js';
import { moveBeats } from './people-writes.js';

type Db = Kysely<Database>;

/** Topics as the newsroom manages them: names, aliases, counts, renames and merges. */
export class TaxonomyQueries extends NewsroomQueries {
  constructor(db: Db) {
    super(db);
  }

  async topicNames(text: string, limit: number, visibleTo?: number): Promise<string[]> {
    let q = this.db.selectFrom('topics').select('name');
    if (text) q = q.where(contains('name', text));
    if (visibleTo !== undefined) q = q.where('id', 'in', this.visibleTopicIds(visibleTo));
    return (await q.orderBy(byText(this.db, 'name')).limit(limit).execute()).map((r) => r.name);
  }

  async topicsWithCounts() {
    const rows = await this.db.selectFrom('topics as t').leftJoin('article_topics as at', 'at.topic_id', 't.id')
      .select(['t.id', 't.slug', 't.name', (eb) => eb.fn.count<number>('at.article_id').as('stories')])
      .groupBy(['t.id', 't.slug', 't.name']).orderBy(byText(this.db, 't.name')).execute();
    const aliases = await this.aliasesByTopic();
    return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, stories: Number(r.stories), aliases: aliases.get(r.id) ?? [] }));
  }

  async topicById(id: number) {
    return (await this.db.selectFrom('topics').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async renameTopic(id: number, name: string): Promise<void> {
    await this.db.updateTable('topics').set({ name }).where('id', '=', id).execute();
  }

  async mergeTopic(fromId: number, intoId: number): Promise<void> {
    const already = this.db.selectFrom('article_topics').select('article_id').where('topic_id', '=', intoId);
    await this.db.updateTable('article_topics').set({ topic_id: intoId })
      .where('topic_id', '=', fromId).where('article_id', 'not in', already).execute();
    await this.db.deleteFrom('article_topics').where('topic_id', '=', fromId).execute();
    await moveBeats(this.db, fromId, intoId);
    // The merged topic's name and aliases become aliases of the one it went into ("ISIS" -> "Islamic State").
    const from = await this.db.selectFrom('topics').select('name').where('id', '=', fromId).executeTakeFirstOrThrow();
    const into = await this.db.selectFrom('topics').select('name').where('id', '=', intoId).executeTakeFirstOrThrow();
    await this.db.updateTable('topic_aliases').set({ topic_id: intoId }).where('topic_id', '=', fromId).execute();
    const taken = await this.topicIdByAlias(from.name);
    if (taken === null && termKey(from.name) !== termKey(into.name)) {
      await this.db.insertInto('topic_aliases').values({ topic_id: intoId, alias: from.name, alias_key: termKey(from.name) }).execute();
    }
    await this.db.deleteFrom('topics').where('id', '=', fromId).execute();
  }

  async topicLexicon(visibleTo?: number): Promise<TopicWithAliases[]> {
    let topics = this.db.selectFrom('topics').select(['id', 'slug', 'name']);
    if (visibleTo !== undefined) topics = topics.where('id', 'in', this.visibleTopicIds(visibleTo));
    const [rows, byTopic] = await Promise.all([topics.orderBy('id').execute(), this.aliasesByTopic()]);
    return rows.map((t) => ({ ...t, aliases: byTopic.get(t.id) ?? [] }));
  }

  /** Every alias, by the topic it names, in the order they were given. */
  private async aliasesByTopic(): Promise<Map<number, string[]>> {
    const rows = await this.db.selectFrom('topic_aliases').select(['topic_id', 'alias']).orderBy('id').execute();
    const byTopic = new Map<number, string[]>();
    for (const a of rows) byTopic.set(a.topic_id, [...(byTopic.get(a.topic_id) ?? []), a.alias]);
    return byTopic;
  }

  /** Topics of published stories or of this person's own: what a contributor may learn exists. */
  private visibleTopicIds(userId: number) {
    return this.db.selectFrom('article_topics as at').innerJoin('articles as a', 'a.id', 'at.article_id')
      .select('at.topic_id').where((eb) => eb.or([eb('a.status', '=', 'published'), eb('a.created_by', '=', userId)]));
  }

  async topicAliases(topicId: number): Promise<string[]> {
    const rows = await this.db.selectFrom('topic_aliases').select('alias').where('topic_id', '=', topicId).orderBy('id').execute();
    return rows.map((r) => r.alias);
  }

  async setTopicAliases(topicId: number, aliases: string[]): Promise<void> {
    await this.db.deleteFrom('topic_aliases').where('topic_id', '=', topicId).execute();
    if (!aliases.length) return;
    await this.db.insertInto('topic_aliases')
      .values(aliases.map((alias) => ({ topic_id: topicId, alias, alias_key: termKey(alias) }))).execute();
  }

  async topicIdByAlias(alias: string): Promise<number | null> {
    const row = await this.db.selectFrom('topic_aliases').select('topic_id').where('alias_key', '=', termKey(alias)).executeTakeFirst();
    return row?.topic_id ?? null;
  }

  async topicIdByName(name: string): Promise<number | null> {
    const row = await this.db.selectFrom('topics').select('id').where(sql<boolean>`lower(name) = ${name.toLowerCase()}`).executeTakeFirst();
    return row?.id ?? null;
  }

  async similarStoryTopics(words: string[], limit: number): Promise<{ stories: number; topics: { topic: Topic; stories: number }[] }> {
    const terms = [...new Set(words.map((w) => w.replace(/"/g, '').trim()).filter(Boolean))];
    if (!terms.length) return { stories: 0, topics: [] };
    const ids = await bestMatches(this.db, terms, limit);
    if (!ids.length) return { stories: 0, topics: [] };
    const rows = await this.db.selectFrom('article_topics as at').innerJoin('topics as t', 't.id', 'at.topic_id')
      .select(['t.id', 't.slug', 't.name', (eb) => eb.fn.countAll<number>().as('n')])
      .where('at.article_id', 'in', ids).groupBy(['t.id', 't.slug', 't.name']).orderBy('n', 'desc').orderBy(byText(this.db, 't.name')).execute();
    return { stories: ids.length, topics: rows.map((r) => ({ topic: { id: r.id, slug: r.slug, name: r.name }, stories: Number(r.n) })) };
  }
}
