import type { Kysely } from 'kysely';
import { isMenuName, menuRefs, resolveMenu } from '../../content/index.js';
import type { LiveTargets, MenuItem, MenuName, MenuRefs, MenuTargetsFound, Navigation, Section } from '../../content/index.js';
import { isoString } from '../../shared/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

async function savedMenus(db: Db): Promise<Map<MenuName, MenuItem[]>> {
  const rows = await db.selectFrom('menus').select(['name', 'items']).execute();
  return new Map(rows.filter((r) => isMenuName(r.name)).map((r) => [r.name as MenuName, JSON.parse(r.items) as MenuItem[]]));
}

export async function savedMenu(db: Db, name: MenuName): Promise<MenuItem[] | null> {
  return (await savedMenus(db)).get(name) ?? null;
}

export async function saveMenu(db: Db, name: MenuName, items: MenuItem[] | null, now: Date): Promise<void> {
  if (!items) {
    await db.deleteFrom('menus').where('name', '=', name).execute();
    return;
  }
  const values = { items: JSON.stringify(items), updated_at: isoString(now) };
  await db.insertInto('menus').values({ name, ...values }).onConflict((oc) => oc.column('name').doUpdateSet(values)).execute();
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** Published stories of a topic: does it have a page readers can open? */
const publishedOfTopic = (db: Db, topicId: number, limit: number) =>
  db.selectFrom('article_topics as at').innerJoin('articles as a', 'a.id', 'at.article_id')
    .select('a.id').where('at.topic_id', '=', topicId).where('a.status', '=', 'published').limit(limit).execute();

/** The targets readers may be sent to: published pages, topics with a published story. */
async function liveTargets(db: Db, refs: MenuRefs, sections: Section[]): Promise<LiveTargets> {
  const pageIds = unique(refs.pages);
  const topicSlugs = unique(refs.topics);
  const [pages, topics] = await Promise.all([
    pageIds.length ? db.selectFrom('pages').select(['id', 'slug']).where('id', 'in', pageIds).where('status', '=', 'published').execute() : [],
    topicSlugs.length
      ? db.selectFrom('topics as t').select(['t.id', 't.slug']).where('t.slug', 'in', topicSlugs)
        .where((eb) => eb.exists(eb.selectFrom('article_topics as at').innerJoin('articles as a', 'a.id', 'at.article_id')
          .select('a.id').whereRef('at.topic_id', '=', 't.id').where('a.status', '=', 'published')))
        .execute()
      : [],
  ]);
  return {
    sections: new Map(sections.map((s) => [s.slug, s])),
    pages: new Map(pages.map((p) => [p.id, p])),
    topics: new Map(topics.map((t) => [t.slug, t])),
  };
}

/** The menus of a public page, from every section (read once by the caller) and the saved menus. */
export async function navigation(db: Db, allSections: Section[]): Promise<Navigation> {
  const sections = allSections.filter((s) => s.parentId === null);
  const saved = await savedMenus(db);
  if (!saved.size) return { sections, header: null, footer: null };
  const live = await liveTargets(db, menuRefs([...saved.values()].flat()), allSections);
  const resolved = (name: MenuName) => {
    const items = saved.get(name);
    return items ? resolveMenu(items, live) : null;
  };
  return { sections, header: resolved('header'), footer: resolved('footer') };
}

/** Which of these exist at all (pages in any status: a draft may be put in a menu before it goes out). */
export async function menuTargets(db: Db, refs: MenuRefs): Promise<MenuTargetsFound> {
  const [sections, pages, topics] = await Promise.all([
    refs.sections.length ? db.selectFrom('sections').select('slug').where('slug', 'in', unique(refs.sections)).execute() : [],
    refs.pages.length ? db.selectFrom('pages').select('id').where('id', 'in', unique(refs.pages)).execute() : [],
    refs.topics.length ? db.selectFrom('topics').select('slug').where('slug', 'in', unique(refs.topics)).execute() : [],
  ]);
  return { sections: new Set(sections.map((s) => s.slug)), pages: new Set(pages.map((p) => p.id)), topics: new Set(topics.map((t) => t.slug)) };
}

const idsTagged = (tags: string[], kind: 'page' | 'topic') =>
  tags.filter((t) => t.startsWith(`${kind}:`)).map((t) => Number(t.slice(kind.length + 1))).filter(Number.isInteger);

/**
 * `nav` when a change to pages or topics may change what the saved menus show, so that every
 * page (they all show the menus) is rendered again: a page the menus link (its address or its
 * being public); a topic they link whose last published story came or went (one or none left
 * now: a topic without one has no page), or that was merged away. Any other story saved under
 * a linked topic leaves the menus, and the cache, alone.
 */
export async function menuChangeTags(db: Db, tags: string[]): Promise<string[]> {
  const pageIds = idsTagged(tags, 'page');
  const topicIds = idsTagged(tags, 'topic');
  if (!pageIds.length && !topicIds.length) return [];
  const saved = await savedMenus(db);
  if (!saved.size) return [];
  const refs = menuRefs([...saved.values()].flat());
  if (pageIds.some((id) => refs.pages.includes(id))) return ['nav'];
  const slugs = unique(refs.topics);
  if (!topicIds.length || !slugs.length) return [];
  const linked = await db.selectFrom('topics').select(['id', 'slug']).where('slug', 'in', slugs).execute();
  if (linked.length < slugs.length) {
    const still = await db.selectFrom('topics').select('id').where('id', 'in', unique(topicIds)).execute();
    if (still.length < unique(topicIds).length) return ['nav'];
  }
  for (const t of linked.filter((l) => topicIds.includes(l.id))) {
    if ((await publishedOfTopic(db, t.id, 2)).length < 2) return ['nav'];
  }
  return [];
}
