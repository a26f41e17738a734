import type { Actor } from '../accounts/index.js';
import { auditEntry } from '../audit/index.js';
import { setImageText, type Image } from '../content/index.js';
import { storeImage } from '../media/index.js';
import { DatelineError } from '../shared/index.js';
import type { NewsroomDeps } from './context.js';

export const maxUploadBytes = 25 * 1024 * 1024;

/** Files an uploaded picture: type checked from its bytes, variants made, record saved, use audited. */
export async function uploadImage(
  deps: NewsroomDeps, actor: Actor, bytes: Buffer, text: { alt: string; caption: string; credit: string },
): Promise<Image> {
  if (!bytes.length) throw new DatelineError('INVALID_INPUT', 'the file is empty', { field: 'file' });
  const stored = await storeImage(deps.media, bytes, { ...text, sourceUri: null });
  try {
    return await deps.store.content.transaction(async (repo) => {
      const image = await repo.saveImage(stored.image, deps.now());
      await repo.appendAudit(auditEntry(actor, 'image-upload', `image:${image.id}`), deps.now());
      return image;
    });
  } catch (e) {
    if (stored.created) await deps.media.removeFolder(stored.image.key);
    throw e;
  }
}

export async function editImageText(
  deps: NewsroomDeps, actor: Actor, id: number, text: { alt?: string; caption?: string; credit?: string },
): Promise<Image> {
  return deps.store.content.transaction(async (repo) => {
    const image = await repo.imageById(id);
    if (!image) throw new DatelineError('NOT_FOUND', `no image with id ${id}`);
    await setImageText(repo, actor, id, { alt: text.alt ?? image.alt, caption: text.caption ?? image.caption, credit: text.credit ?? image.credit }, deps.now());
    return (await repo.imageById(id))!;
  });
}
