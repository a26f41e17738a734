import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, desktop, launchBrowser, phone } from './support/browser.js';
import { tempDataDir } from './support/cli.js';
import { seedNinjs } from './support/paths.js';
import { signIn } from './support/http.js';
import { startSite, type TestSite } from './support/site.js';

const pages = [
  ['home', '/'],
  ['article', '/global/2019/04/30/after-caliphate-collapse-isis-militants-head-to-afghanistan'],
  ['section', '/global'],
  ['topic', '/topic/afghanistan'],
  ['agency', '/agency/afp'],
  ['author', '/author/mara-quinn'],
  ['staff', '/staff'],
  ['not found', '/no-such-page'],
  ['search', '/search?q=afghanistan'],
] as const;

describe('axe-core in Chromium finds no accessibility violations', () => {
  let site: TestSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSite('axe', { demo: true });
    expect((await site.cli(['import', seedNinjs, '--section', 'global', '--publish'])).code).toBe(0);
    // The wire desk with something on it: a second version to compare, and a delivery in quarantine.
    const dir = tempDataDir('axe-wire');
    const seed = JSON.parse(fs.readFileSync(seedNinjs, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(dir, 'v2.json'), JSON.stringify({ ...seed, associations: undefined, version: '2', versioncreated: '2019-04-30T12:00:00Z', headline: 'ISIS militants head to Afghanistan, officials say' }));
    fs.writeFileSync(path.join(dir, 'broken.xml'), '<rss><channel>');
    await site.cli(['import', path.join(dir, 'v2.json'), path.join(dir, 'broken.xml')]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const newsroomPages = [
    ['newsroom sign-in', '/newsroom/sign-in'], ['newsroom stories', '/newsroom'], ['newsroom editor', '/newsroom/articles/1'],
    ['newsroom new story', '/newsroom/articles/new'], ['newsroom media', '/newsroom/media'], ['newsroom revisions', '/newsroom/articles/1/revisions'],
    ['newsroom users', '/newsroom/users'], ['newsroom audit log', '/newsroom/audit'], ['newsroom sections and topics', '/newsroom/taxonomy'],
    ['newsroom wire queue', '/newsroom/wire'], ['newsroom wire item', '/newsroom/wire/1'], ['newsroom wire quarantine', '/newsroom/wire/quarantine'],
    ['newsroom wire sources', '/newsroom/wire/sources'],
    ['newsroom people', '/newsroom/people'], ['newsroom profile', '/newsroom/people/1'],
  ] as const;

  for (const [deviceName, device] of [['desktop', desktop], ['phone', phone]] as const) {
    for (const [name, path] of [...pages, ...newsroomPages]) {
      it(`on the ${name} page (${deviceName})`, async () => {
        // The site's CSP forbids injected scripts, as it should; the audit needs one.
        const context = await browser.newContext({ ...device, bypassCSP: true });
        if (name.startsWith('newsroom') && !name.endsWith('sign-in')) {
          await site.addUser(`admin-${deviceName}-${name.replace(/\W/g, '')}@example.org`, 'admin').catch(() => {});
          const me = await signIn(site, `admin-${deviceName}-${name.replace(/\W/g, '')}@example.org`);
          const [k, v] = me.cookie.split('=') as [string, string];
          await context.addCookies([{ name: k, value: v, url: site.url }]);
        }
        const page = await context.newPage();
        await page.goto(site.url + path);
        if (name === 'newsroom editor') await page.waitForSelector('.ProseMirror');
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);
        await context.close();
      });
    }
  }
});
