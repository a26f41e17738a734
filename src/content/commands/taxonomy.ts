import { hasRole, type Actor } from '../../accounts/model.js';
import { auditEntry } from '../../audit/index.js';
import { DatelineError, fail, slugify } from '../../shared/index.js';
import type { Section } from '../model.js';
import type { ContentRepository } from '../ports.js';
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
  await ctx.store.transaction(async (repo) => {
    await repo.updateSection(section.id, { name, description: (input.description ?? section.description).trim(), position });
    await repo.recordPageChange(['nav', `section:${section.id}`], ctx.now());
  });
  await audited(ctx, actor, 'section-edit', `section:${section.id}`, { slug, name });
  return (await ctx.store.sectionBySlug(slug))!;
}

/** Renames a topic; its address (slug) stays, so links keep working. */
export async function renameTopic(ctx: CommandContext, actor: Actor, id: number, name: string): Promise<void> {
  await editTopic(ctx, actor, id, { name });
}

/**
 * Renames a topic and/or sets the other names it goes by, in one unit of work. Topic suggestion
 * finds the topic by any alias, and a wire keyword spelt as an alias files the story under it.
 * A name or alias that another topic already goes by (compared as matching compares them: case,
 * spacing and punctuation aside) is refused: merge the topics instead. Returns the aliases kept.
 */
export async function editTopic(ctx: CommandContext, actor: Actor, id: number, input: { name?: string; aliases?: string[] }): Promise<string[]> {
  editorsOnly(actor);
  if (input.name === undefined && input.aliases === undefined) throw fail('INVALID_INPUT', 'give a new name, aliases or both', 'name');
  const name = input.name?.trim();
  if (name !== undefined) {
    if (!slugify(name)) throw fail('INVALID_INPUT', 'a topic name needs letters or digits', 'name');
    if (name.length > 120) throw fail('INVALID_INPUT', 'at most 120 characters', 'name');
  }
  const aliases = input.aliases && cleanAliases(input.aliases);
  return ctx.store.transaction(async (repo) => {
    const topic = await repo.topicById(id);
    if (!topic) throw new DatelineError('NOT_FOUND', `no topic with id ${id}`);
    const taken = await namesInUse(repo, id);
    if (name !== undefined && name !== topic.name) {
      const other = taken.get(termKey(name));
      if (other) throw fail('CONFLICT', `"${name}" is already ${other}: merge the topics instead`, 'name');
      await repo.renameTopic(id, name);
      await repo.appendAudit(auditEntry(actor, 'topic-rename', `topic:${id}`, { from: topic.name, to: name }), ctx.now());
    }
    const ownKey = termKey(name ?? topic.name);
    let kept = await repo.topicAliases(id);
    if (aliases) {
      kept = [];
      for (const [key, alias] of aliases) {
        if (key === ownKey) continue;
        const other = taken.get(key);
        if (other) throw fail('CONFLICT', `"${alias}" is already ${other}: merge the topics instead`, 'aliases');
        kept.push(alias);
      }
      await repo.setTopicAliases(id, kept);
      await repo.appendAudit(auditEntry(actor, 'topic-aliases', `topic:${id}`, { topic: name ?? topic.name, aliases: kept }), ctx.now());
    }
    for (const articleId of await repo.articleIdsWithTopic(id)) await indexArticle(repo, articleId);
    await repo.recordPageChange([`topic:${id}`], ctx.now());
    return kept;
  });
}

/** Sets a topic's aliases (see editTopic); returns those kept. */
export function setTopicAliases(ctx: CommandContext, actor: Actor, id: number, aliases: string[]): Promise<string[]> {
  return editTopic(ctx, actor, id, { aliases });
}

export const aliasLimits = { count: 30, length: 120 };

function cleanAliases(aliases: string[]): [string, string][] {
  const clean = [...new Map(aliases.map((a) => a.trim().replace(/\s+/g, ' ')).filter(Boolean).map((a) => [termKey(a), a])).entries()];
  if (clean.length > aliasLimits.count) throw fail('INVALID_INPUT', `at most ${aliasLimits.count} aliases`, 'aliases');
  for (const [key, alias] of clean) {
    if (!key) throw fail('INVALID_INPUT', `"${alias}" has no letters or digits`, 'aliases');
    if (alias.length > aliasLimits.length) throw fail('INVALID_INPUT', `an alias has at most ${aliasLimits.length} characters`, 'aliases');
  }
  return clean;
}

/** The names and aliases every other topic goes by, as matching compares them, with whose they are. */
async function namesInUse(repo: ContentRepository, exceptId: number): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  for (const t of await repo.topicLexicon()) {
    if (t.id === exceptId) continue;
    taken.set(termKey(t.name), `the name of the topic "${t.name}"`);
    for (const a of t.aliases) taken.set(termKey(a), `an alias of "${t.name}"`);
  }
  return taken;
}

/** Folds one topic into another ("ISIS" into "Islamic State"): its stories move, it goes. */
export async function mergeTopic(ctx: CommandContext, actor: Actor, fromId: number, intoId: number): Promise<void> {
  editorsOnly(actor);
  if (fromId === intoId) throw fail('INVALID_INPUT', 'choose another topic to merge into', 'into');
  await ctx.store.transaction(async (repo) => {
    const [from, into] = await Promise.all([repo.topicById(fromId), repo.topicById(intoId)]);
    if (!from || !into) throw new DatelineError('NOT_FOUND', 'no such topic');
    await repo.mergeTopic(fromId, intoId);
    await repo.recordPageChange([`topic:${fromId}`, `topic:${intoId}`], ctx.now());
    for (const articleId of await repo.articleIdsWithTopic(intoId)) await indexArticle(repo, articleId);
    await repo.appendAudit(auditEntry(actor, 'topic-merge', `topic:${intoId}`, { from: from.name, into: into.name }), ctx.now());
  });
}

