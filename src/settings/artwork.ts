import type { Actor } from '../accounts/index.js';
import { storeIcon, storeSvgLogo } from '../media/index.js';
import { DatelineError } from '../shared/index.js';
import { applySettings, requireAdmin } from './commands.js';
import type { PublicationSettings } from './model.js';
import type { SettingsContext } from './ports.js';
import { sanitizeSvg } from './svg.js';

/** An SVG is told from its bytes: markup whose first element is <svg> (after a prolog or comments). */
export function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*(?:<\?xml[\s\S]*?\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)*<svg[\s>]/i.test(head);
}

/** The logo becomes a drawing: sanitised, kept in the media store, shown by every page. */
export async function setSvgLogo(ctx: SettingsContext, actor: Actor, bytes: Buffer): Promise<PublicationSettings> {
  requireAdmin(actor);
  const clean = sanitizeSvg(bytes);
  const key = await storeSvgLogo(ctx.media, clean.svg);
  return applySettings(ctx, actor, { logo: { kind: 'svg', key, width: clean.width, height: clean.height } });
}

/** The logo becomes a picture of the media library (its responsive variants). */
export async function setImageLogo(ctx: SettingsContext, actor: Actor, imageId: number): Promise<PublicationSettings> {
  requireAdmin(actor);
  if (!(await ctx.images.imageById(imageId))) throw new DatelineError('INVALID_INPUT', `no picture #${imageId} in the media library`, { field: 'logo' });
  return applySettings(ctx, actor, { logo: { kind: 'image', imageId } });
}

/** The square icon: favicon, apple-touch-icon and the manifest's icons, made from one file. */
export async function setIcon(ctx: SettingsContext, actor: Actor, bytes: Buffer): Promise<PublicationSettings> {
  requireAdmin(actor);
  if (!bytes.length) throw new DatelineError('INVALID_INPUT', 'the file is empty', { field: 'file' });
  const svg = looksLikeSvg(bytes);
  const key = await storeIcon(ctx.media, svg ? Buffer.from(sanitizeSvg(bytes).svg) : bytes, { svg });
  return applySettings(ctx, actor, { icon: { key } });
}
