import { hasRole, type Actor } from '../../accounts/model.js';
import { auditEntry } from '../../audit/index.js';
import { DatelineError, fail, slugify } from '../../shared/index.js';
import type { Section } from '../model.js';
import { createSection, type SectionInput } from './create-section.js';
import { indexArticle } from '../search-index.js';
import { termKey } from '../suggest/terms.js';
import type { CommandContext } from './save-article.js';

/** Sections and topics are the editors' to manage. */
function editorsOnly(actor: Actor): void {
  if (!hasRole(actor, 'editor')) throw new DatelineError('FORBIDDEN', 'only an editor may manage sections and topics');
}

const audited = (ctx: CommandContext, actor: Actor, action: string, subject: string, detail: Record<string, unknown>) =>
  ctx.store.appendAudit(auditEntry(actor, action, subject, detail), ctx.now());

export async function addSection(ctx: CommandContext, actor: Actor, input: SectionInput): Promise<Section> {
  editorsOnly(actor);
  const section = await createSection(ctx, input);
  await audited(ctx, actor, 'section-add', `section:${section.id}`, { slug: section.slug, name: section.name });
  return section;
}

export async function editSection(ctx: CommandContext, actor: Actor, slug: string, input: { name?: string; description?: string; position?: number }): Promise<Section> {
  editorsOnly(actor);
  const section = await ctx.store.sectionBySlug(slug);
  if (!section) throw new DatelineError('NOT_FOUND', `no section "${slug}"`);
  const name = (input.name ?? section.name).trim();
  if (!name) throw fail('INVALID_INPUT', 'a section needs a name', 'name');
  const position = input.position ?? section.position;
  if (!Number.isInteger(position)) throw fail('INVALID_INPUT', 'a whole number', 'position');
  await ctx.store.updateSection(section.id, { name, description: (input.description ?? section.description).trim(), position });
  await audited(ctx, actor, 'section-edit', `section:${section.id}`, { slug, name });
  return (await ctx.store.sectionBySlug(slug))!;
}

/** Renames a topic; its address (slug) stays, so links keep working. */
export async function renameTopic(ctx: CommandContext, actor: Actor, id: number, name: string): Promise<void> {
  editorsOnly(actor);
  const topic = await ctx.store.topicById(id);
  if (!topic) throw new DatelineError('NOT_FOUND', `no topic with id ${id}`);
  const clean = name.trim();
  if (!slugify(clean)) throw fail('INVALID_INPUT', 'a topic name needs letters or digits', 'name');
  if (clean.length > 120) throw fail('INVALID_INPUT', 'at most 120 characters', 'name');
  await ctx.store.transaction(async (repo) => {
    await repo.renameTopic(id, clean);
    for (const articleId of await repo.articleIdsWithTopic(id)) await indexArticle(repo, articleId);
  });
  await audited(ctx, actor, 'topic-rename', `topic:${id}`, { from: topic.name, to: clean });
}

/** Folds one topic into another ("ISIS" into "Islamic State"): its stories move, it goes. */
export async function mergeTopic(ctx: CommandContext, actor: Actor, fromId: number, intoId: number): Promise<void> {
  editorsOnly(actor);
  if (fromId === intoId) throw fail('INVALID_INPUT', 'choose another topic to merge into', 'into');
  await ctx.store.transaction(async (repo) => {
    const [from, into] = await Promise.all([repo.topicById(fromId), repo.topicById(intoId)]);
    if (!from || !into) throw new DatelineError('NOT_FOUND', 'no such topic');
    await repo.mergeTopic(fromId, intoId);
    for (const articleId of await repo.articleIdsWithTopic(intoId)) await indexArticle(repo, articleId);
    await repo.appendAudit(auditEntry(actor, 'topic-merge', `topic:${intoId}`, { from: from.name, into: into.name }), ctx.now());
  });
}

export const aliasLimits = { count: 30, length: 120 };

/**
 * Sets the other names a topic goes by. Topic suggestion finds the topic by any of them, and a
 * wire keyword spelt as an alias files the story under the topic. An alias that is another
 * topic's name or alias is refused: merge the topics instead.
 */
export async function setTopicAliases(ctx: CommandContext, actor: Actor, id: number, aliases: string[]): Promise<string[]> {
  editorsOnly(actor);
  const clean = [...new Map(aliases.map((a) => a.trim().replace(/\s+/g, ' ')).filter(Boolean).map((a) => [termKey(a), a])).entries()];
  if (clean.length > aliasLimits.count) throw fail('INVALID_INPUT', `at most ${aliasLimits.count} aliases`, 'aliases');
  return ctx.store.transaction(async (repo) => {
    const topic = await repo.topicById(id);
    if (!topic) throw new DatelineError('NOT_FOUND', `no topic with id ${id}`);
    const kept: string[] = [];
    for (const [key, alias] of clean) {
      if (!key) throw fail('INVALID_INPUT', `"${alias}" has no letters or digits`, 'aliases');
      if (alias.length > aliasLimits.length) throw fail('INVALID_INPUT', `an alias has at most ${aliasLimits.length} characters`, 'aliases');
      if (key === termKey(topic.name)) continue;
      const named = await repo.topicIdByName(alias);
      if (named !== null && named !== id) throw fail('CONFLICT', `"${alias}" is the name of another topic: merge that topic into this one instead`, 'aliases');
      const owner = await repo.topicIdByAlias(alias);
      if (owner !== null && owner !== id) {
        const other = await repo.topicById(owner);
        throw fail('CONFLICT', `"${alias}" is already an alias of "${other?.name ?? owner}"`, 'aliases');
      }
      kept.push(alias);
    }
    await repo.setTopicAliases(id, kept);
    for (const articleId of await repo.articleIdsWithTopic(id)) await indexArticle(repo, articleId);
    await repo.appendAudit(auditEntry(actor, 'topic-aliases', `topic:${id}`, { topic: topic.name, aliases: kept }), ctx.now());
    return kept;
  });
}
