import { actorId, type Actor } from '../../accounts/model.js';
import { slugify } from '../../shared/index.js';
import type { ArticleFields, ContentRepository } from '../ports.js';
import { changedFields, snapshotOf } from '../revisions.js';
import type { Article } from '../model.js';
import { indexStory } from '../search-index.js';

export interface PersistArgs {
  existingId: number | null;
  fields: ArticleFields;
  topics: string[];
  people: string[];
  actor: Actor;
  /** Where the save came from: "newsroom", "api", "wire", "restore", "demo". */
  source: string;
  now: Date;
}

/**
 * Writes an article and its topics and people, then keeps a revision of what changed.
 * Runs inside the caller's transaction; every save path (wire, newsroom, API) comes through here.
 */
export async function persistArticle(repo: ContentRepository, a: PersistArgs): Promise<{ id: number; changed: string[]; article: Article }> {
  const id = a.existingId ?? (await repo.insertArticle({ ...a.fields, createdBy: actorId(a.actor) }, a.now));
  if (a.existingId !== null) await repo.updateArticle(id, a.fields, a.now);
  await repo.setArticleTopics(id, await ensureAll(a.topics, (n) => repo.ensureTopic(n, a.now)));
  await repo.setArticlePeople(id, await ensureAll(a.people, (n) => repo.ensurePerson(n, a.now)));
  const article = (await repo.articleById(id))!;
  const snapshot = snapshotOf(article);
  const changed = changedFields(await repo.latestSnapshot(id), snapshot);
  if (changed.length) {
    await repo.insertRevision({ articleId: id, userId: actorId(a.actor), source: a.source, changed, snapshot }, a.now);
    await indexStory(repo, article);
  }
  return { id, changed, article };
}

async function ensureAll(names: string[], ensure: (name: string) => Promise<{ id: number }>): Promise<number[]> {
  const ids: number[] = [];
  // A name with no letters or digits ("\">") cannot make a page of its own: leave it out.
  for (const name of names.map((n) => n.trim()).filter((n) => slugify(n))) ids.push((await ensure(name)).id);
  return ids;
}
