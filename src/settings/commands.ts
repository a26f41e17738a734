import { createHash } from 'node:crypto';
import { hasRole, type Actor } from '../accounts/index.js';
import { auditEntry } from '../audit/index.js';
import { DatelineError } from '../shared/index.js';
import { requireContrast } from './contrast.js';
import { settingsPatch, standardsFields, storedSettings, type PublicationSettings, type SettingsPatch } from './model.js';
import type { SettingsContext } from './ports.js';

export function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new DatelineError('FORBIDDEN', 'only an admin may change the site settings');
}

/** The first problem of a patch as a 400 naming its field (the API's and the form's one rule). */
function parseSettingsPatch(input: unknown): SettingsPatch {
  const parsed = settingsPatch.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : issue.path.join('.') || 'body';
  throw new DatelineError('INVALID_INPUT', issue.message, { field });
}

/** Readers must be able to read the page: text and links on the background, at WCAG AA. */
function checkColours(next: PublicationSettings, patch: SettingsPatch): void {
  const blame = (fore: 'textColor' | 'accentColor') => (fore in patch ? fore : 'backgroundColor');
  if (!('textColor' in patch || 'accentColor' in patch || 'backgroundColor' in patch)) return;
  const background = { name: 'backgroundColor', value: next.backgroundColor };
  requireContrast({ name: 'textColor', value: next.textColor }, background, blame('textColor'));
  requireContrast({ name: 'accentColor', value: next.accentColor }, background, blame('accentColor'));
}

/** The settings now, as every node reads them. */
export async function currentSettings(ctx: Pick<SettingsContext, 'settings' | 'defaults'>): Promise<PublicationSettings> {
  return storedSettings(await ctx.settings.read(), ctx.defaults);
}

/**
 * An admin changes settings: checked (fields, colour contrast, the share picture exists), then
 * written with an audit entry naming what changed, from what to what; live on every node at once.
 */
export async function changeSettings(ctx: SettingsContext, actor: Actor, input: unknown): Promise<PublicationSettings> {
  requireAdmin(actor);
  const patch = parseSettingsPatch(input);
  await checkReferences(ctx, patch);
  return applySettings(ctx, actor, patch);
}

/** The share picture and the standards pages a patch names must exist: a 400 naming the field. */
async function checkReferences(ctx: SettingsContext, patch: SettingsPatch): Promise<void> {
  if (patch.shareImage != null && !(await ctx.images.imageById(patch.shareImage))) {
    throw new DatelineError('INVALID_INPUT', `no picture #${patch.shareImage} in the media library`, { field: 'shareImage' });
  }
  for (const field of standardsFields) {
    const id = patch[field];
    if (typeof id === 'number' && !(await ctx.pages.storedPage(id))) throw new DatelineError('INVALID_INPUT', `no page #${id}`, { field });
  }
}

/** What the settings would be with this change, checked as a save is, written nowhere (a preview). */
export async function draftSettings(ctx: SettingsContext, actor: Actor, input: unknown): Promise<PublicationSettings> {
  requireAdmin(actor);
  const patch = parseSettingsPatch(input);
  await checkReferences(ctx, patch);
  const next = merged(await currentSettings(ctx), patch);
  checkColours(next, patch);
  return next;
}

function merged(current: PublicationSettings, patch: Partial<PublicationSettings>): PublicationSettings {
  const next: PublicationSettings = { ...current };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  return next;
}

/** Writes a checked patch (also the logo and icon commands'), merged into what is stored now. */
export function applySettings(ctx: SettingsContext, actor: Actor, patch: Partial<PublicationSettings>): Promise<PublicationSettings> {
  return ctx.settings.change((stored) => {
    const current = storedSettings(stored, ctx.defaults);
    const next = merged(current, patch);
    checkColours(next, patch as SettingsPatch);
    const changed = changes(current, next);
    // A first save writes the row even when nothing differs from the defaults: it pins them.
    if (!Object.keys(changed).length && stored !== null) return { result: next };
    return { value: next, audit: auditEntry(actor, 'settings-change', 'settings:site', { changed }), result: next };
  }, ctx.now());
}

/** What an audit entry keeps of a change: from and to, long texts as their size and a fingerprint. */
function changes(before: PublicationSettings, after: PublicationSettings): Record<string, { from: unknown; to: unknown }> {
  const shown = (v: unknown) => (typeof v === 'string' && v.length > 200
    ? `${v.length} characters, sha256 ${createHash('sha256').update(v).digest('hex').slice(0, 12)}` : v);
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof PublicationSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { from: shown(before[key]), to: shown(after[key]) };
  }
  return out;
}
