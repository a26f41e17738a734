import type { CommandContext } from '../content/index.js';
import type { MediaStorage } from '../media/index.js';
import type { SiteSettings } from '../site/index.js';
import type { Store } from '../store/index.js';
import type { Auth } from './auth/auth.js';

/** What the newsroom's UI and API are given by the composition root. */
export interface NewsroomDeps {
  store: Store;
  media: MediaStorage;
  auth: Auth;
  settings: SiteSettings;
  now: () => Date;
}

export const commandContext = (d: NewsroomDeps): CommandContext => ({ store: d.store.content, now: d.now });
