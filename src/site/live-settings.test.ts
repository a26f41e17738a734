import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/index.js';
import { LiveSiteSettings } from './live-settings.js';
import { siteSettings } from './settings.js';
import type { Config } from '../config/index.js';

const defaults = defaultSettings({ name: 'Before', tagline: '', timeZone: 'UTC', language: 'en' });
const base = () => siteSettings({ siteName: 'Before', siteDescription: '', siteUrl: 'https://news.example.test', siteLanguage: 'en', timeZone: 'UTC', feedFullText: true } as Config, 'v1');

/** A store whose reads can be held back, and a change counter the test moves. */
function fixture() {
  let stored: unknown = { name: 'Before' };
  let version = 1;
  const held: (() => void)[] = [];
  let holding = false;
  const store = {
    seed: async () => {},
    read: async () => {
      const value = stored;
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return value;
    },
  };
  const live = new LiveSiteSettings(base(), {
    store, version: () => version, defaults, warn: () => {},
    lookups: { imageById: async () => null, pageById: async () => null },
  });
  return {
    live,
    commit(value: unknown) { stored = value; version++; },
    hold() { holding = true; },
    release() { holding = false; held.splice(0).forEach((r) => r()); },
  };
}

describe('live settings', () => {
  it('reads again only when the change counter moved', async () => {
    const f = fixture();
    await f.live.refresh();
    expect(f.live.settings.name).toBe('Before');
    expect(f.live.refresh()).toBeUndefined();
    f.commit({ name: 'After' });
    await f.live.refresh();
    expect(f.live.settings.name).toBe('After');
  });

  it('never lets a request that saw a newer commit render with a read that began before it', async () => {
    const f = fixture();
    await f.live.refresh();
    f.commit({ name: 'Middle' });
    f.hold();
    const first = f.live.refresh();
    // Committed while the first read is in flight (it read "Middle"): the next request must wait for a read after it.
    f.commit({ name: 'After' });
    const second = f.live.refresh();
    expect(second).not.toBe(first);
    f.release();
    await first;
    f.release();
    await second;
    expect(f.live.settings.name).toBe('After');
  });

  it('updates the one settings object in place, stylesheets included', async () => {
    const f = fixture();
    const object = f.live.settings;
    f.commit({ name: 'After', accentColor: '#0b5394', customCss: 'body { margin: 0 }' });
    await f.live.refresh();
    expect(f.live.settings).toBe(object);
    expect(object.accentColor).toBe('#0b5394');
    expect(object.stylesheets).toEqual([f.live.theme.href, f.live.custom!.href]);
    expect(f.live.theme.css).toContain('--dl-accent: #0b5394;');
  });
});
