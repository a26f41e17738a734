import type { Config } from '../config/index.js';
import type { SiteContent } from '../content/index.js';
import type { StandardsField } from '../settings/index.js';

/** The masthead's logo: an SVG drawing, or a picture with its responsive variants. */
export interface SiteLogo {
  src: string;
  width: number;
  height: number;
  /** AVIF and WebP srcsets for a <picture> (a raster logo). */
  sources: { type: string; srcset: string }[];
  /** Absolute address for JSON-LD (a JPEG for a raster logo), and its size. */
  ld: { url: string; width: number; height: number };
}

/** The links to the site's icons: the admin's square icon, or Dateline's. */
export interface SiteIcons {
  favicon: { href: string; type: string; sizes?: string };
  appleTouch: string;
  manifest: { src: string; sizes: string; type: string }[];
}

/**
 * What the public site needs to know: its name, address and look. One object, updated in place
 * when an admin changes the settings (see live-settings.ts), so every template reads it as is.
 */
export interface SiteSettings {
  name: string;
  /** The tagline, also the home page's description. */
  description: string;
  /** Origin without trailing slash. */
  url: string;
  language: string;
  timeZone: string;
  /** Locale for dates: "en" reads "30 April 2019". */
  locale: string;
  pageSize: number;
  assetVersion: string;
  /** Feeds carry whole stories (true) or summaries. */
  feedFullText: boolean;
  accentColor: string;
  backgroundColor: string;
  /** After site.css, in order: the theme (colours, fonts), then the admin's custom CSS. */
  stylesheets: string[];
  logo: SiteLogo | null;
  icons: SiteIcons;
  footerText: string;
  socialAccounts: string[];
  /** The standards pages chosen, as absolute addresses (a page not published is left out). */
  standards: Partial<Record<StandardsField, string>>;
  /** Surrogate keys of the pages the settings link to (`page:3`): pages showing the links are filed under them too. */
  cacheTags: string[];
  /** og:image of pages without a picture of their own. */
  shareImage: { url: string; width: number; height: number; alt: string } | null;
}

export interface SiteContext {
  content: SiteContent;
  settings: SiteSettings;
}

export const localeOf = (language: string) => (language === 'en' ? 'en-GB' : language);

/** Dateline's own icons (static files, so their addresses carry the release's asset version). */
export const defaultIcons = (v: string): SiteIcons => ({
  favicon: { href: `/assets/favicon.svg?v=${v}`, type: 'image/svg+xml' },
  appleTouch: `/assets/icon-180.png?v=${v}`,
  manifest: [{ src: `/assets/icon-192.png?v=${v}`, sizes: '192x192', type: 'image/png' }, { src: `/assets/icon-512.png?v=${v}`, sizes: '512x512', type: 'image/png' }],
});

/** The settings before the stored ones are read: the environment's (first-start defaults). */
export function siteSettings(config: Config, assetVersion: string): SiteSettings {
  return {
    name: config.siteName,
    description: config.siteDescription,
    url: config.siteUrl,
    language: config.siteLanguage,
    timeZone: config.timeZone,
    locale: localeOf(config.siteLanguage),
    pageSize: 20,
    assetVersion,
    feedFullText: config.feedFullText,
    accentColor: '#9b1c1c',
    backgroundColor: '#fffdf8',
    stylesheets: [],
    logo: null,
    icons: defaultIcons(assetVersion),
    footerText: '',
    socialAccounts: [],
    standards: {},
    cacheTags: [],
    shareImage: null,
  };
}
