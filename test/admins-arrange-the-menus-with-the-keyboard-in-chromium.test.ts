import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, desktop, launchBrowser } from './support/browser.js';
import { signIn } from './support/http.js';
import { get, parseHtml, password, startSite, type TestSite } from './support/site.js';



/** The accessible text of the focused element, as a screen reader would read the button. */
const focused = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());

/** Presses Enter on the focused button and waits for the page the form's answer loads. */
async function pressAndReload(page: Page): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await page.waitForFunction(() => document.activeElement?.tagName === 'BUTTON');
}

/** Presses Tab until the control named `name` has the focus (as a keyboard user would). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('in Chromium, with the keyboard alone, an admin moves a header item up and saves', () => {
  let site: TestSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSite('menus-keyboard', { sections: ['Global', 'Politics', 'Sport'] });
    await site.addUser('ada@example.org', 'admin', 'Ada Admin');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('moves "Sport" up twice, keeping the focus on it, saves, and readers get the new order', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${site.url}/newsroom/sign-in?next=/newsroom/menus`);
    await page.fill('#email', 'ada@example.org');
    await page.fill('#password', password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/newsroom/menus`);

    await tabTo(page, 'Move up “Sport”');
    await pressAndReload(page);
    // The page came back with Sport one place up, and the focus still on its button.
    expect(await focused(page)).toBe('Move up “Sport”');
    await pressAndReload(page);
    expect(await page.locator('form[action="/newsroom/menus/header"] input[name="label"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)))
      .toEqual(['Home', 'Sport', 'Global', 'Politics']);

    await tabTo(page, 'Save the header menu');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/newsroom\/menus\?ok=Header%20menu%20saved/);
    expect(await page.locator('.nr-flash-ok').textContent()).toBe('Header menu saved');

    const nav = parseHtml((await get(site, '/')).body).querySelector('nav[aria-label="Sections"]')!;
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Home', 'Sport', 'Global', 'Politics']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a header item\'s sub-items with the keyboard on the site, and both pages pass axe-core', async () => {
    const admin = await signIn(site, 'ada@example.org');
    const put = await admin.api('PUT', '/menus/header', { items: [
      { label: 'Home', url: '/' },
      { label: 'World', section: 'global', children: [{ label: 'Politics', section: 'politics' }, { label: 'Elsewhere', url: 'https://elsewhere.example/' }] },
      { label: 'Sport', section: 'sport' },
    ] });
    expect(put.status).toBe(200);
    // The site's CSP forbids injected scripts, as it should; the audit needs one.
    const context = await browser.newContext({ ...desktop, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/sport`);
    expect(await page.locator('nav[aria-label="Sections"] a:has-text("Politics")').isVisible()).toBe(false);
    await tabTo(page, 'More in World');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Politics');
    expect(await page.locator('nav[aria-label="Sections"] a:has-text("Politics")').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const [name, value] = admin.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: site.url }]);
    await page.goto(`${site.url}/newsroom/menus`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
