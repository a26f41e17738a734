import { hasRole, type Actor } from '../../accounts/model.js';
import { auditEntry } from '../../audit/index.js';
import { DatelineError, fail, slugify } from '../../shared/index.js';
import type { Section } from '../model.js';
import { createSection, type SectionInput } from './create-section.js';
import { indexArticle } from '../search-index.js';
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
