import type { Actor } from '../accounts/index.js';
import { looksLikeSvg, requireAdmin, setImageLogo, setSvgLogo, type PublicationSettings } from '../settings/index.js';
import { DatelineError } from '../shared/index.js';
import { settingsContext, type NewsroomDeps } from './context.js';
import { uploadImage } from './media.js';

/**
 * A logo file from the newsroom or the API: an SVG is sanitised and kept as a drawing; a picture
 * goes through the media library (type checked from its bytes, responsive variants).
 */
export async function uploadLogo(deps: NewsroomDeps, actor: Actor, bytes: Buffer): Promise<PublicationSettings> {
  requireAdmin(actor);
  if (!bytes.length) throw new DatelineError('INVALID_INPUT', 'the file is empty', { field: 'file' });
  const ctx = settingsContext(deps);
  if (looksLikeSvg(bytes)) return setSvgLogo(ctx, actor, bytes);
  const image = await uploadImage(deps, actor, bytes, { alt: `${deps.look.stored.name} logo`, caption: '', credit: '' });
  return setImageLogo(ctx, actor, image.id);
}
