import type { Image, SiteContent } from '../content/index.js';
import { iconPath, logoPath } from '../media/index.js';
import { standardsFields, storedSettings, type PublicationSettings, type SettingsStore } from '../settings/index.js';
import { defaultIcons, localeOf, type SiteIcons, type SiteLogo, type SiteSettings } from './settings.js';
import { customStylesheet, themeStylesheet, type Stylesheet } from './theme.js';
import { absolute, jpegNear, mediaPath, pagePath, variantsOf } from './urls.js';

/** What resolving the stored settings reads: the pictures and pages they name. */
export interface SettingsLookups {
  imageById(id: number): Promise<Image | null>;
  pageById: SiteContent['pageById'];
}

export interface LiveSettingsOptions {
  store: Pick<SettingsStore, 'read' | 'seed'>;
  lookups: SettingsLookups;
  /** Moves whenever anything commits, on any node (the page cache's counter, `store.pageChanges.version`). */
  version: () => number;
  /** What a field never set reads as (the environment's values). */
  defaults: PublicationSettings;
  warn: (message: string, err: unknown) => void;
}

/**
 * The site's settings, kept current on every node: before a request is handled, `refresh()`
 * re-reads the stored row when the store's change counter moved since the last read (any
 * commit, this process's or another's; on PostgreSQL a NOTIFY), and updates `settings`, the one
 * object every template, feed and sitemap was given, in place.
 *
 * A read starts only after the counter was seen at its new value, so what it reads includes
 * every commit the page cache has purged for. Run after the page cache's own sync, a page is
 * then never rendered with settings older than the purges the cache has applied: a settings
 * change (recorded with the tag `*`) cannot leave an old page cached behind it.
 */
export class LiveSiteSettings {
  /** The stored settings now in force. */
  stored: PublicationSettings;
  theme: Stylesheet;
  custom: Stylesheet | null = null;
  private seen = Number.NaN;
  private pending: { version: number; done: Promise<void> } | null = null;

  constructor(readonly settings: SiteSettings, private readonly o: LiveSettingsOptions) {
    this.stored = o.defaults;
    this.theme = themeStylesheet(o.defaults);
  }

  get defaults(): PublicationSettings {
    return this.o.defaults;
  }

  /** First start: the environment's values become the stored settings, then they are read. */
  async start(): Promise<void> {
    try {
      await this.o.store.seed(this.o.defaults);
    } catch (err) {
      this.o.warn('could not store the first-start settings', err);
    }
    await this.refresh();
  }

  /** Current after this resolves (or at once, when nothing committed since the last read). */
  refresh(): Promise<void> | void {
    const version = this.o.version();
    if (version === this.seen) return;
    if (this.pending?.version === version) return this.pending.done;
    // Reads are chained: one that began before the latest commit is followed by another.
    const done: Promise<void> = (this.pending?.done ?? Promise.resolve()).then(() => this.load(version)).finally(() => {
      if (this.pending?.done === done) this.pending = null;
    });
    this.pending = { version, done };
    return done;
  }

  private async load(version: number): Promise<void> {
    if (this.seen === version) return;
    try {
      const stored = storedSettings(await this.o.store.read(), this.o.defaults);
      Object.assign(this.settings, await this.resolve(stored, this.settings));
      this.stored = stored;
      this.theme = themeStylesheet(stored);
      this.custom = customStylesheet(stored.customCss);
      this.settings.stylesheets = [this.theme.href, ...(this.custom ? [this.custom.href] : [])];
      this.seen = version;
    } catch (err) {
      // Kept as they were; the next request tries again.
      this.o.warn('could not read the site settings', err);
    }
  }

  /** The site's settings as `stored` would make them (also an unsaved preview's), stylesheets aside. */
  async resolve(stored: PublicationSettings, base: SiteSettings): Promise<SiteSettings> {
    const { lookups } = this.o;
    const [shareImage, logo, standards] = await Promise.all([
      stored.shareImage === null ? null : lookups.imageById(stored.shareImage),
      logoOf(stored, base.url, lookups),
      standardsOf(stored, base.url, lookups),
    ]);
    const share = shareImage ? jpegNear(shareImage, 1200) : undefined;
    return {
      ...base,
      name: stored.name, description: stored.tagline, language: stored.language, locale: localeOf(stored.language), timeZone: stored.timeZone,
      accentColor: stored.accentColor, backgroundColor: stored.backgroundColor,
      logo, icons: iconsOf(stored, base.assetVersion), footerText: stored.footerText, socialAccounts: stored.socialAccounts, standards,
      // A standards page renamed or unpublished changes the organisation markup and the corrections box.
      cacheTags: standardsFields.flatMap((f) => (typeof stored[f] === 'number' ? [`page:${stored[f]}`] : [])),
      shareImage: share && shareImage ? { url: absolute(base.url, mediaPath(share)), width: share.width, height: share.height, alt: shareImage.alt } : null,
    };
  }
}

async function logoOf(s: PublicationSettings, url: string, lookups: SettingsLookups): Promise<SiteLogo | null> {
  if (!s.logo) return null;
  if (s.logo.kind === 'svg') {
    const src = `/media/${logoPath(s.logo.key)}`;
    return { src, width: s.logo.width, height: s.logo.height, sources: [], ld: { url: absolute(url, src), width: s.logo.width, height: s.logo.height } };
  }
  const image = await lookups.imageById(s.logo.imageId);
  const jpeg = image ? jpegNear(image, 640) : undefined;
  if (!image || !jpeg) return null;
  const srcset = (format: 'avif' | 'webp') => variantsOf(image, format).map((v) => `${mediaPath(v)} ${v.width}w`).join(', ');
  return {
    src: mediaPath(jpeg), width: image.width, height: image.height,
    sources: [{ type: 'image/avif', srcset: srcset('avif') }, { type: 'image/webp', srcset: srcset('webp') }],
    ld: { url: absolute(url, mediaPath(jpeg)), width: jpeg.width, height: jpeg.height },
  };
}

function iconsOf(s: PublicationSettings, assetVersion: string): SiteIcons {
  if (!s.icon) return defaultIcons(assetVersion);
  const at = (size: 32 | 180 | 192 | 512) => `/media/${iconPath(s.icon!.key, size)}`;
  return {
    favicon: { href: at(32), type: 'image/png', sizes: '32x32' },
    appleTouch: at(180),
    manifest: [{ src: at(192), sizes: '192x192', type: 'image/png' }, { src: at(512), sizes: '512x512', type: 'image/png' }],
  };
}

/** Page ids become the published page's address; a page not (or no longer) published is left out. */
async function standardsOf(s: PublicationSettings, url: string, lookups: SettingsLookups): Promise<SiteSettings['standards']> {
  const out: SiteSettings['standards'] = {};
  await Promise.all(standardsFields.map(async (field) => {
    const v = s[field];
    if (typeof v === 'string') out[field] = v;
    if (typeof v !== 'number') return;
    const page = await lookups.pageById(v);
    if (page) out[field] = absolute(url, pagePath(page));
  }));
  return out;
}
