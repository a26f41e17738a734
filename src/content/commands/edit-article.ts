import type { Actor } from '../../accounts/model.js';
import { DatelineError, fail, slugify, uniqueSlug } from '../../shared/index.js';
import type { Article, ArticleSnapshot, ArticleStatus } from '../model.js';
import { snapshotOf } from '../revisions.js';
import { setImageText } from './image-text.js';
import { mayEdit } from '../policies.js';
import type { ArticleFields, ContentRepository } from '../ports.js';
import { persistArticle } from './persist-article.js';
import { requireSection, type CommandContext } from './save-article.js';

/**
 * Everything an editor can set on a story (status apart: that is the workflow's): the fields a
 * revision keeps, the picture's text typed with it, and the slug until first publication.
 */
export type DraftInput = Omit<ArticleSnapshot, 'slug'> & {
  /** Alt text, caption and credit of the lead image, edited with the story (applied to that picture only). */
  leadImageText?: { alt: string; caption: string; credit: string; forImageId: number };
  /** Editable until the story is first published. */
  slug?: string;
};

export const limits = { headline: 300, standfirst: 1000, topics: 30, name: 120, bodyJson: 2_000_000, correction: 4000 };

function validate(input: Partial<DraftInput>): void {
  if (input.headline !== undefined) {
    if (!input.headline.trim()) throw fail('INVALID_INPUT', 'a headline is required', 'headline');
    if (input.headline.length > limits.headline) throw fail('INVALID_INPUT', `at most ${limits.headline} characters`, 'headline');
  }
  if (input.standfirst !== undefined && input.standfirst.length > limits.standfirst) {
    throw fail('INVALID_INPUT', `at most ${limits.standfirst} characters`, 'standfirst');
  }
  if (input.topics && input.topics.length > limits.topics) throw fail('INVALID_INPUT', `at most ${limits.topics} topics`, 'topics');
  for (const [field, names] of [['topics', input.topics], ['people', input.people]] as const) {
    if (names?.some((n) => n.length > limits.name)) throw fail('INVALID_INPUT', `each name at most ${limits.name} characters`, field);
  }
  if (input.language !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.language)) {
    throw fail('INVALID_INPUT', 'a language code such as en or pt-BR', 'language');
  }
  if (input.slug !== undefined && !/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(input.slug)) {
    throw fail('INVALID_INPUT', 'lower-case letters, digits and single hyphens', 'slug');
  }
  if (input.body && JSON.stringify(input.body).length > limits.bodyJson) throw fail('TOO_LARGE', 'the body is too long', 'body');
}

async function fieldsFor(repo: ContentRepository, input: DraftInput, base: { status: ArticleStatus; slug: string; article: Article | null }, now: Date): Promise<ArticleFields> {
  const section = await requireSection(repo, input.sectionSlug).catch((e: DatelineError) => {
    throw fail('INVALID_INPUT', e.message, 'section');
  });
  if (input.leadImageId !== null && !(await repo.imageById(input.leadImageId))) {
    throw fail('INVALID_INPUT', `no image with id ${input.leadImageId}`, 'leadImage');
  }
  const a = base.article;
  return {
    uri: a?.uri ?? null,
    version: a?.version ?? null,
    versionCreatedAt: a?.versionCreatedAt ?? null,
    slug: base.slug,
    headline: input.headline.trim(),
    standfirst: input.standfirst.trim(),
    body: input.body,
    sectionId: section.id,
    datelinePlace: input.datelinePlace.trim(),
    language: input.language,
    status: base.status,
    byline: input.byline.trim(),
    agencyId: input.agency?.trim() ? (await repo.ensureAgency(input.agency.trim(), now)).id : null,
    leadImageId: input.leadImageId,
    firstPublishedAt: a?.publishedAt ?? null,
    // Moved to now by updateDraft only when something readers see changed.
    updatedAt: a?.publishedAt ? a.updatedAt : null,
  };
}

/** The picture text typed with the story goes to the picture it was typed for, and only that one. */
async function applyImageText(repo: ContentRepository, actor: Actor, input: DraftInput, now: Date): Promise<void> {
  const t = input.leadImageText;
  if (t && input.leadImageId !== null && t.forImageId === input.leadImageId) await setImageText(repo, actor, t.forImageId, t, now);
}

/** A story that is (or is about to be) public keeps alt text on its lead picture. */
async function checkAlt(repo: ContentRepository, status: ArticleStatus, leadImageId: number | null): Promise<void> {
  if (leadImageId === null || (status !== 'published' && status !== 'scheduled')) return;
  const image = await repo.imageById(leadImageId);
  if (image && !image.alt.trim()) throw fail('INVALID_INPUT', 'the lead image needs alt text while the story is public or scheduled', 'leadImage.alt');
}

export async function createDraft(ctx: CommandContext, actor: Actor, input: DraftInput, source = 'newsroom'): Promise<Article> {
  validate(input);
  const now = ctx.now();
  return ctx.store.transaction(async (repo) => {
    // A taken slug becomes the next free one (-2, -3...), whoever holds it: a refusal would tell
    // a contributor that a draft they may not see exists under that name.
    const wanted = input.slug ?? (slugify(input.headline) || 'story');
    await applyImageText(repo, actor, input, now);
    const fields = await fieldsFor(repo, input, { status: 'draft', slug: wanted, article: null }, now);
    return (await persistArticle(repo, { existingId: null, fields, topics: input.topics, people: input.people, actor, source, now })).article;
  });
}

export async function updateDraft(
  ctx: CommandContext, actor: Actor, id: number, patch: Partial<DraftInput>, source = 'newsroom', baseModifiedAt?: Date,
): Promise<Article> {
  validate(patch);
  const now = ctx.now();
  return ctx.store.transaction(async (repo) => {
    const article = await repo.articleById(id);
    if (!article) throw new DatelineError('NOT_FOUND', `no story with id ${id}`);
    if (!mayEdit(actor, article)) throw new DatelineError('FORBIDDEN', 'you may not edit this story');
    // Saving over a newer version (another tab, another editor) would silently undo their work.
    if (baseModifiedAt && baseModifiedAt.getTime() !== article.modifiedAt.getTime()) {
      throw new DatelineError('CONFLICT', 'the story was changed elsewhere since you opened it; reload to see the changes (your text is kept here)', { field: 'baseModifiedAt' });
    }
    const input: DraftInput = { ...draftOf(article), ...patch };
    let slug = article.slug;
    if (patch.slug !== undefined && patch.slug !== article.slug) {
      if (article.publishedAt) throw fail('CONFLICT', 'the slug cannot change once the story has been published', 'slug');
      slug = await uniqueSlug(patch.slug, (s) => repo.slugTaken(s, id));
    }
    await applyImageText(repo, actor, input, now);
    await checkAlt(repo, article.status, input.leadImageId);
    const fields = await fieldsFor(repo, input, { status: article.status, slug, article }, now);
    const saved = await persistArticle(repo, { existingId: id, fields, topics: input.topics, people: input.people, actor, source, now });
    // A published story that really changed shows when it was last updated (dateModified too).
    if (!(article.publishedAt && article.status === 'published' && saved.changed.length)) return saved.article;
    await repo.setUpdatedAt(id, now, now);
    return (await repo.articleById(id))!;
  });
}

/** The editable fields of a stored story: its snapshot, less the slug. */
export function draftOf(a: Article): DraftInput {
  const { slug: _slug, ...draft } = snapshotOf(a);
  return draft;
}
