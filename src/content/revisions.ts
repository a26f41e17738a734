import type { Article, ArticleSnapshot } from './model.js';

export function snapshotOf(a: Article): ArticleSnapshot {
  return {
    slug: a.slug,
    headline: a.headline,
    standfirst: a.standfirst,
    body: a.body,
    sectionSlug: a.section.slug,
    topics: a.topics.map((t) => t.name),
    people: a.people.map((p) => p.name),
    agency: a.agency?.name ?? null,
    byline: a.byline,
    datelinePlace: a.datelinePlace,
    language: a.language,
    leadImageId: a.leadImage?.id ?? null,
  };
}

/** The snapshot fields that differ, in a stable order (all of them against nothing). */
export function changedFields(before: ArticleSnapshot | null, after: ArticleSnapshot): string[] {
  const keys = Object.keys(after) as (keyof ArticleSnapshot)[];
  if (!before) return keys;
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
