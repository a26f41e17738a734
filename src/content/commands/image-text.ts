import type { Actor } from '../../accounts/model.js';
import { auditEntry } from '../../audit/index.js';
import { DatelineError, fail } from '../../shared/index.js';
import { mayEditImageText } from '../policies.js';
import type { ContentRepository } from '../ports.js';

export interface ImageText {
  alt: string;
  caption: string;
  credit: string;
}

/**
 * Changes a picture's alt text, caption and credit, in the caller's transaction. Unchanged text
 * writes nothing; a published or scheduled story's picture keeps its alt text; who may is checked.
 */
export async function setImageText(repo: ContentRepository, actor: Actor, id: number, text: ImageText, now: Date): Promise<void> {
  const image = await repo.imageById(id);
  if (!image) throw new DatelineError('NOT_FOUND', `no image with id ${id}`);
  const next = { alt: text.alt.trim(), caption: text.caption.trim(), credit: text.credit.trim() };
  if (next.alt === image.alt && next.caption === image.caption && next.credit === image.credit) return;
  const usage = await repo.imageUsage(id);
  if (!mayEditImageText(actor, usage)) {
    throw new DatelineError('FORBIDDEN', 'this picture is used by a story you may not edit: ask an editor to change its text');
  }
  if (!next.alt && usage.some((u) => u.status === 'published' || u.status === 'scheduled')) {
    throw fail('INVALID_INPUT', 'a picture used by a published or scheduled story needs alt text', 'leadImage.alt');
  }
  await repo.updateImageText(id, next);
  const shown = [
    ...usage.filter((u) => u.status === 'published').map((u) => `article:${u.articleId}`),
    // A profile photo's alt text is on its person's author page and the staff page.
    ...(await repo.personIdsWithPhoto(id)).map((p) => `person:${p}`),
  ];
  if (shown.length) await repo.recordPageChange(shown, now);
  await repo.appendAudit(auditEntry(actor, 'image-edit', `image:${id}`, next), now);
}
