import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktop, launchBrowser, phone } from './support/browser.js';
import { seedNinjs } from './support/paths.js';
import { readSeedPage } from './support/seed-page.js';
import { startSite, type TestSite } from './support/site.js';

const seed = readSeedPage();

describe('a reader in Chromium opens the home page and follows the link to the seed story', () => {
  let site: TestSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSite('browse', { demo: true });
    const r = await site.cli(['import', seedNinjs, '--section', 'global', '--publish']);
    expect(r.code).toBe(0);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const [name, device] of [['desktop', desktop], ['phone', phone]] as const) {
    it(`sees the lead photo loaded and its caption (${name})`, async () => {
      const context = await browser.newContext(device);
      const page = await context.newPage();
      const failed: string[] = [];
      // Requests cut short by leaving a page (lazy pictures below the fold) are not failures.
      page.on('requestfailed', (req) => {
        if (req.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${req.url()} ${req.failure()?.errorText}`);
      });
      await page.goto(site.url + '/');
      await page.getByRole('link', { name: seed.headline }).click();
      await page.waitForURL('**/global/2019/04/30/after-caliphate-collapse-isis-militants-head-to-afghanistan');

      expect(await page.locator('h1').textContent()).toBe(seed.headline);
      const img = page.locator('article figure img');
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => {
        const el = document.querySelector('article figure img') as HTMLImageElement | null;
        return !!el && el.complete && el.naturalWidth > 0;
      });
      const natural = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, src: el.currentSrc }));
      expect(natural.w).toBeGreaterThan(0);
      // The browser picks a modern format from the <picture> sources.
      expect(natural.src).toMatch(/\.(avif|webp)$/);
      const caption = page.locator('article figcaption');
      expect(await caption.isVisible()).toBe(true);
      expect((await caption.innerText()).replace(/\s+/g, ' ')).toBe(`${seed.caption} (${seed.credit})`);
      // Nothing on the page sticks out sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(failed).toEqual([]);
      await context.close();
    });
  }
});
