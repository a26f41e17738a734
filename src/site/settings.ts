import type { Config } from '../config/index.js';
import type { SiteContent } from '../content/index.js';

/** What the public site needs to know: its name, address and the content port. Nothing more. */
export interface SiteSettings {
  name: string;
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
}

export interface SiteContext {
  content: SiteContent;
  settings: SiteSettings;
}

export function siteSettings(config: Config, assetVersion: string): SiteSettings {
  return {
    name: config.siteName,
    description: config.siteDescription,
    url: config.siteUrl,
    language: config.siteLanguage,
    timeZone: config.timeZone,
    locale: config.siteLanguage === 'en' ? 'en-GB' : config.siteLanguage,
    pageSize: 20,
    assetVersion,
    feedFullText: config.feedFullText,
  };
}
