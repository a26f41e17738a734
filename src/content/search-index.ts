import type { SearchDocument } from '../search/model.js';
import { bodyText } from './body.js';
import type { Article } from './model.js';
import type { ContentRepository } from './ports.js';

/** A story's words by field; a topic's aliases are indexed with it, so "ISIS" finds "Islamic State". */
export function searchDocument(a: Article, topicAliases: string[] = []): SearchDocument {
  return {
    id: a.id,
    headline: a.headline,
    topics: [...a.topics.map((t) => t.name), ...topicAliases],
    standfirst: a.standfirst,
    body: bodyText(a.body),
    byline: [...a.people.map((p) => p.name), a.byline, a.agency?.name ?? ''].filter(Boolean).join(' · '),
    captions: a.leadImage ? [a.leadImage.caption, a.leadImage.alt].filter(Boolean).join(' · ') : '',
  };
}

/** Re-reads the story and writes its words into the index (in the caller's transaction). */
export async function indexArticle(repo: ContentRepository, id: number): Promise<void> {
  const a = await repo.articleById(id);
  if (a) await indexStory(repo, a);
}

export async function indexStory(repo: ContentRepository, a: Article): Promise<void> {
  const aliases = (await Promise.all(a.topics.map((t) => repo.topicAliases(t.id)))).flat();
  await repo.indexForSearch(searchDocument(a, aliases));
}

/** Rebuilds the whole index, a batch at a time, reporting progress. */
export async function reindexAll(
  store: ContentRepository & { transaction<T>(fn: (r: ContentRepository) => Promise<T>): Promise<T> },
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const total = await store.countArticles();
  let done = 0;
  let after = 0;
  for (;;) {
    const ids = await store.articleIds(after, 500);
    if (!ids.length) break;
    await store.transaction(async (repo) => {
      for (const id of ids) await indexArticle(repo, id);
    });
    done += ids.length;
    after = ids.at(-1)!;
    onProgress(done, total);
  }
  return done;
}
