import { z } from 'zod';
import { fontPairingIds, type FontPairingId } from './fonts.js';

/** The standards pages of schema.org's NewsMediaOrganization, each a page of the site or an address. */
export const standardsFields = [
  'publishingPrinciples', 'correctionsPolicy', 'ethicsPolicy', 'masthead',
  'ownershipFundingInfo', 'actionableFeedbackPolicy', 'diversityPolicy',
] as const;
export type StandardsField = (typeof standardsFields)[number];

/** A static page of the site (its id) or an absolute https address. */
export type StandardsLink = number | string | null;

/** A logo drawn from an SVG the admin sent (sanitised, in the media store) or a picture of the media library. */
export type LogoChoice =
  | { kind: 'svg'; key: string; width: number; height: number }
  | { kind: 'image'; imageId: number };

/** What the publication is called and looks like, as stored (one row every node reads). */
export interface PublicationSettings extends Record<StandardsField, StandardsLink> {
  name: string;
  tagline: string;
  logo: LogoChoice | null;
  /** A square icon's PNGs in the media store (`<key>/icon-<size>.png`). */
  icon: { key: string } | null;
  accentColor: string;
  textColor: string;
  backgroundColor: string;
  fontPairing: FontPairingId;
  /** A media-library picture: og:image of pages that have none of their own. */
  shareImage: number | null;
  socialAccounts: string[];
  footerText: string;
  timeZone: string;
  language: string;
  customCss: string;
}

/** The look Dateline has out of the box (site.css carries the same values). */
const defaultLook = { accentColor: '#9b1c1c', textColor: '#1a1a1a', backgroundColor: '#fffdf8', fontPairing: 'system' } as const;

/** What the environment says (SITE_NAME, ...): the settings of a first start. */
export interface FirstStartDefaults {
  name: string;
  tagline: string;
  timeZone: string;
  language: string;
}

export function defaultSettings(d: FirstStartDefaults): PublicationSettings {
  return {
    name: d.name, tagline: d.tagline, logo: null, icon: null, ...defaultLook, shareImage: null,
    socialAccounts: [], footerText: '', timeZone: d.timeZone, language: d.language, customCss: '',
    ...(Object.fromEntries(standardsFields.map((f) => [f, null])) as Record<StandardsField, null>),
  };
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const hex = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb, such as #9b1c1c').transform((s) => s.toLowerCase());
const httpsUrl = z.string().trim().max(2000).refine((v) => {
  try {
    return new URL(v).protocol === 'https:';
  } catch {
    return false;
  }
}, 'an absolute https address, such as https://example.org/about');
const standardsLink = z.union([z.number().int().positive(), httpsUrl], { error: 'a page id or an absolute https address' }).nullable();

/** What an admin may change (PATCH /settings, the newsroom form): every field optional, unknown ones refused. */
export const settingsPatch = z.strictObject({
  name: z.string().trim().min(1, 'the publication needs a name').max(120, 'at most 120 characters'),
  tagline: z.string().trim().max(300, 'at most 300 characters'),
  accentColor: hex,
  textColor: hex,
  backgroundColor: hex,
  fontPairing: z.enum(fontPairingIds, { error: `one of ${fontPairingIds.join(', ')}` }),
  shareImage: z.number().int().positive().nullable(),
  socialAccounts: z.array(httpsUrl).max(20, 'at most 20 accounts'),
  footerText: z.string().trim().max(1000, 'at most 1000 characters'),
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/London'),
  language: z.string().trim().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a language tag such as en or pt-BR'),
  customCss: z.string().max(100_000, 'at most 100,000 characters'),
  /** Only null: a logo or icon is sent as a file (POST /settings/logo, /settings/icon); null removes it. */
  logo: z.null({ error: 'upload a logo with POST /settings/logo; null removes it' }),
  icon: z.null({ error: 'upload an icon with POST /settings/icon; null removes it' }),
  ...(Object.fromEntries(standardsFields.map((f) => [f, standardsLink])) as Record<StandardsField, typeof standardsLink>),
}, { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown setting ${issue.keys.join(', ')}` : undefined) }).partial();

export type SettingsPatch = z.infer<typeof settingsPatch>;

/**
 * The stored row read leniently: a field that is missing (a release added it) or no longer valid
 * takes its default, so a bad value never takes the site down.
 */
export function storedSettings(raw: unknown, defaults: PublicationSettings): PublicationSettings {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: PublicationSettings = { ...defaults };
  for (const key of Object.keys(settingsPatch.shape) as (keyof SettingsPatch)[]) {
    if (!(key in value) || key === 'logo' || key === 'icon') continue;
    const parsed = settingsPatch.shape[key].safeParse(value[key]);
    if (parsed.success && parsed.data !== undefined) (out as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  out.logo = logoChoice.safeParse(value.logo).data ?? null;
  out.icon = iconChoice.safeParse(value.icon).data ?? null;
  return out;
}

const mediaKey = z.string().regex(/^[0-9a-f]{32}$/);
const logoChoice = z.union([
  z.object({ kind: z.literal('svg'), key: mediaKey, width: z.number().positive(), height: z.number().positive() }),
  z.object({ kind: z.literal('image'), imageId: z.number().int().positive() }),
]);
const iconChoice = z.object({ key: mediaKey });
