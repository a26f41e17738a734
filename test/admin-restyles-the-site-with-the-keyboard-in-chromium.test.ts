import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, desktop, launchBrowser } from './support/browser.js';
import { publishStory } from './support/factories.js';
import { signIn } from './support/http.js';
import { startSite, type TestSite } from './support/site.js';

const accent = '#0b5394';
const accentRgb = 'rgb(11, 83, 148)';

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, o: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (o.max ?? 120); i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(o.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${selector} with the keyboard`);
}

/** Replaces the focused field's text by typing, as a person would. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}


const colourOf = (target: Page | Frame, selector: string) => target.locator(selector).first().evaluate((el) => getComputedStyle(el).color);

/**
 * An admin restyles the site with the keyboard alone: each step below continues on the same page
 * (menu editing, D's part of issue 14, adds its steps between "preview" and "save").
 */
describe('an admin restyles the site with the keyboard alone, in Chromium', () => {
  let site: TestSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let articlePath: string;

  beforeAll(async () => {
    site = await startSite('restyle-keyboard', { sections: ['Global'] });
    await site.addUser('admin@example.org', 'admin', 'Ada Admin');
    const story = await publishStory(site.dateline.store.content, { headline: 'Harbour bridge reopens after repairs', topics: ['Harbour'] });
    const admin = await signIn(site, 'admin@example.org');
    articlePath = (await admin.api('GET', `/articles/${story.articleId}`)).json.url;
    browser = await launchBrowser();
    // The audit needs an injected script, which the site's CSP rightly forbids.
    context = await browser.newContext({ ...desktop, bypassCSP: true });
    const [name, value] = admin.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: site.url }]);
    page = await context.newPage();
    await page.goto(`${site.url}/newsroom/settings`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('reaches the settings from the newsroom menu', async () => {
    await page.goto(`${site.url}/newsroom`);
    await tabTo(page, 'a[href="/newsroom/settings"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/newsroom/settings`);
    expect(await page.locator('h1').textContent()).toBe('Site settings');
  });

  it('shows a colour pair readers could not read beside the field, with its contrast', async () => {
    await tabTo(page, '#accentColor');
    await retype(page, '#ffee00');
    // Enter in a field presses the form's first button: Preview, which never saves.
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.locator('#accentColor').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#accentColor-error').textContent()).toMatch(/^accentColor and backgroundColor have a contrast of 1\.\d\d:1; at least 4\.5:1 is needed$/);
    expect(await page.locator('#accentColor').inputValue()).toBe('#ffee00');
  });

  it('changes the accent colour and previews it before saving', async () => {
    await tabTo(page, '#accentColor');
    await retype(page, accent);
    // The picker follows the typed colour (the form's script).
    expect(await page.locator('#accentColorPicker').inputValue()).toBe(accent);
    await tabTo(page, 'button[value="preview"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const frame = await (await page.waitForSelector('iframe.nr-preview-frame')).contentFrame();
    await frame!.waitForSelector('.kicker');
    expect(await colourOf(frame!, '.kicker')).toBe(accentRgb);
    // Not saved: readers still see the old accent.
    const reader = await context.newPage();
    await reader.goto(site.url);
    expect(await colourOf(reader, '.kicker')).not.toBe(accentRgb);
    await reader.close();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('saves, and the public pages show the new accent', async () => {
    await tabTo(page, 'button[value="save"]');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Space')]);
    expect(await page.locator('.nr-flash-ok').textContent()).toMatch(/Settings saved/);
    expect(await page.locator('#accentColor').inputValue()).toBe(accent);
    await page.goto(site.url);
    expect(await colourOf(page, '.kicker')).toBe(accentRgb);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--dl-accent').trim())).toBe(accent);
  });

  it('leaves axe-core nothing to report on the restyled home and article pages', async () => {
    for (const path of ['/', articlePath]) {
      await page.goto(site.url + path);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--dl-accent').trim())).toBe(accent);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });

  it('leaves axe-core nothing to report on a dark restyle either, corrections box and search box included', async () => {
    const admin = await signIn(site, 'admin@example.org');
    const story = (await admin.api('GET', '/articles?status=published')).json.items[0];
    expect((await admin.api('POST', `/articles/${story.id}/corrections`, { text: 'An earlier version gave the wrong date.' })).status).toBe(201);
    const dark = await admin.api('PATCH', '/settings', { textColor: '#eeeeee', backgroundColor: '#14181f', accentColor: '#ffb86b', fontPairing: 'editorial' });
    expect(dark.status, JSON.stringify(dark.json)).toBe(200);
    for (const path of ['/', articlePath]) {
      await page.goto(site.url + path);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 24, 31)');
      expect(await axeViolations(page), path).toEqual([]);
    }
    // The pairing's fonts are loaded, from the site itself.
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
    });
    expect(loaded).toContain('Playfair Display Variable');
    const fontRequests = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.woff2') || n.includes('.woff2?')));
    expect(fontRequests.length).toBeGreaterThan(0);
    for (const url of fontRequests) expect(url.startsWith(`${site.url}/assets/fonts/`), url).toBe(true);
  });
});
