import type { AccountContext } from '../accounts/index.js';
import type { CommandContext } from '../content/index.js';
import type { MediaStorage } from '../media/index.js';
import type { LiveSiteSettings, SiteSettings } from '../site/index.js';
import type { SettingsContext } from '../settings/index.js';
import type { Store } from '../store/index.js';
import type { Auth } from './auth/auth.js';

/** What the newsroom's UI and API are given by the composition root. */
export interface NewsroomDeps {
  store: Store;
  media: MediaStorage;
  auth: Auth;
  settings: SiteSettings;
  /** The live settings behind `settings` (what is stored, the stylesheets, previews). */
  look: LiveSiteSettings;
  now: () => Date;
  /** Default lifetime of a new API token, in days (API_TOKEN_DAYS). */
  apiTokenDays: number;
}

export const commandContext = (d: NewsroomDeps): CommandContext => ({ store: d.store.content, now: d.now });

export const settingsContext = (d: NewsroomDeps): SettingsContext =>
  ({ settings: d.store.siteSettings, images: d.store.content, pages: d.store.content, media: d.media, defaults: d.look.defaults, now: d.now });

export const accountContext = (d: NewsroomDeps): AccountContext =>
  ({ accounts: d.store.accounts, audit: d.store.audit, now: d.now, tokenDays: d.apiTokenDays });
