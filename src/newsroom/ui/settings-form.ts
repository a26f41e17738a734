import { standardsFields, type PublicationSettings } from '../../settings/index.js';
import { field, type FormBody } from './forms.js';

/** The colour settings; each has a text field, a colour picker and the value the form was loaded with. */
export const colourFields = ['accentColor', 'textColor', 'backgroundColor'] as const;

/** What the settings form shows: every field as text. */
export type SettingsFormValues = Record<string, string>;

/** The stored settings as the form's fields. */
export function formValues(s: PublicationSettings): SettingsFormValues {
  const v: SettingsFormValues = {
    name: s.name, tagline: s.tagline, footerText: s.footerText, language: s.language, timeZone: s.timeZone,
    fontPairing: s.fontPairing, shareImage: s.shareImage === null ? '' : String(s.shareImage),
    socialAccounts: s.socialAccounts.join('\n'), customCss: s.customCss,
  };
  for (const c of colourFields) v[c] = v[`${c}Picker`] = v[`${c}Was`] = s[c];
  for (const f of standardsFields) {
    const link = s[f];
    v[f] = typeof link === 'number' ? `page:${link}` : typeof link === 'string' ? 'url' : '';
    v[`${f}Url`] = typeof link === 'string' ? link : '';
  }
  return v;
}

/** The posted form, as typed (shown again beside an error). */
export function postedValues(body: FormBody): SettingsFormValues {
  return Object.fromEntries(Object.keys(body).map((k) => [k, field(body, k)]));
}

/**
 * Without a script both a colour's text field and its picker are sent: the one the admin changed
 * from the loaded value wins (the text field when both were).
 */
function colourFrom(v: SettingsFormValues, name: string): string {
  const was = v[`${name}Was`] ?? '';
  const text = (v[name] ?? '').trim();
  const picked = (v[`${name}Picker`] ?? '').trim();
  if (text.toLowerCase() !== was.toLowerCase()) return text;
  return picked || text;
}

/** The form's fields -> a settings patch (checked by the same schema as the API's). */
export function patchFromForm(v: SettingsFormValues): Record<string, unknown> {
  const patch: Record<string, unknown> = {
    name: v.name ?? '', tagline: v.tagline ?? '', footerText: v.footerText ?? '', language: v.language ?? '', timeZone: v.timeZone ?? '',
    fontPairing: v.fontPairing ?? '', customCss: v.customCss ?? '',
    shareImage: v.shareImage ? Number(v.shareImage) : null,
    socialAccounts: (v.socialAccounts ?? '').split(/\s*\n\s*/).map((u) => u.trim()).filter(Boolean),
  };
  for (const c of colourFields) patch[c] = colourFrom(v, c);
  for (const f of standardsFields) {
    const choice = v[f] ?? '';
    patch[f] = choice.startsWith('page:') ? Number(choice.slice(5)) : choice === 'url' ? (v[`${f}Url`] ?? '').trim() : null;
  }
  return patch;
}
