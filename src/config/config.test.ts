import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', siteUrl: 'http://127.0.0.1:3000', siteName: 'Dateline', timeZone: 'UTC' });
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.databaseFile).toBe(path.resolve('./data/dateline.sqlite'));
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every documented variable', () => {
    const c = loadConfig({
      PORT: '8080', HOST: '0.0.0.0', DATELINE_DATA: '/srv/news', SITE_URL: 'https://news.example.com/', SITE_NAME: 'The Courier',
      SITE_TIMEZONE: 'Europe/London', DATELINE_DEMO: 'false',
    });
    expect(c).toMatchObject({
      port: 8080, host: '0.0.0.0', dataDir: '/srv/news', mediaDir: '/srv/news/media', siteUrl: 'https://news.example.com',
      siteName: 'The Courier', timeZone: 'Europe/London', demoContent: false,
    });
    expect(loadConfig({ DATELINE_DATA: '/srv/news', DATELINE_MEDIA: '/mnt/shared/media' }).mediaDir).toBe('/mnt/shared/media');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT: /);
    expect(() => loadConfig({ SITE_URL: 'news.example.com' })).toThrow(/^SITE_URL: SITE_URL must be an absolute URL/);
    expect(() => loadConfig({ SITE_TIMEZONE: 'Mars/Olympus' })).toThrow(/^SITE_TIMEZONE: /);
  });
});
