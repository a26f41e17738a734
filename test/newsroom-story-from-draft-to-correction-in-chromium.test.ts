import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInputValue } from '../src/newsroom/ui/forms.js';
import { launchBrowser } from './support/browser.js';
import { seedDir } from './support/paths.js';
import { password, startSite, type TestSite } from './support/site.js';

async function signInAs(page: Page, site: TestSite, email: string): Promise<void> {
  await page.goto(`${site.url}/newsroom`);
  expect(page.url()).toContain('/newsroom/sign-in');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${site.url}/newsroom`);
}

describe('in Chromium: a contributor writes, an editor schedules, the site publishes, a reader sees the correction', () => {
  let site: TestSite;
  let browser: Browser;
  let storyUrl: string;
  let storyId: string;
  const headline = 'Harbour ferry returns after a winter of repairs';

  beforeAll(async () => {
    site = await startSite('newsroom-flow', { demo: true, env: { SCHEDULER_INTERVAL_MS: '250' } });
    await site.addUser('rita@example.org', 'contributor', 'Rita Reporter');
    await site.addUser('eda@example.org', 'editor', 'Eda Editor');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('a contributor writes a story with a picture and two topics, and submits it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await signInAs(page, site, 'rita@example.org');
    await page.click('text=New story');
    await page.fill('#headline', headline);
    await page.fill('#standfirst', 'The blue ferry is back on the water from Monday.');
    await page.click('.ProseMirror');
    await page.keyboard.type('The Northbay harbour ferry will run again from Monday, the Northbay port authority said.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('“We missed it,” said one commuter.');
    await page.selectOption('#section', 'politics');
    await page.fill('#topics', 'Transport');
    // The text names Northbay twice: it is offered as a topic, and one click adds it.
    await page.click('button:has-text("Suggest topics")');
    await page.click('.nr-chip:has-text("Northbay")');
    expect(await page.inputValue('#topics')).toBe('Transport, Northbay');
    await page.fill('#leadImageAlt', 'A ferry at the quay');
    await page.fill('#leadImageCaption', 'The ferry at the east quay');
    await page.fill('#leadImageCredit', 'Rita Reporter');
    await page.setInputFiles('#leadImageFile', path.join(seedDir, 'lead.jpg'));
    await page.waitForFunction(() => (document.querySelector('#leadImage') as HTMLSelectElement).value !== '');
    await page.click('button.nr-primary:has-text("Save")');
    await page.waitForURL(/\/newsroom\/articles\/\d+\?ok=Saved/);
    storyId = /articles\/(\d+)/.exec(page.url())![1]!;
    expect(await page.locator('.nr-flash-ok').textContent()).toBe('Saved');
    expect(await page.inputValue('#topics')).toBe('Transport, Northbay');
    expect(await page.locator('.nr-lead-preview').count()).toBe(1);
    // A contributor has no publish button; submitting is theirs.
    expect(await page.locator('button:has-text("Publish now")').count()).toBe(0);
    await page.click('button:has-text("Submit for review")');
    await page.waitForURL(/ok=Now%20in%20review/);
    expect(await page.locator('.nr-badge').first().textContent()).toBe('In review');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the editor schedules it a few seconds ahead; it appears on the home page by itself', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, site, 'eda@example.org');
    await page.goto(`${site.url}/newsroom/articles/${storyId}`);
    const at = new Date(Date.now() + 3000);
    await page.fill('#at', `${localInputValue(at, 'UTC')}:${String(at.getUTCSeconds()).padStart(2, '0')}`);
    await page.click('button:has-text("Schedule")');
    await page.waitForURL(/ok=Now%20scheduled/);
    const reader = await browser.newPage();
    await reader.goto(`${site.url}/`);
    expect(await reader.locator(`a:has-text("${headline}")`).count()).toBe(0);
    const deadline = Date.now() + 15_000;
    while ((await reader.locator(`a:has-text("${headline}")`).count()) === 0) {
      expect(Date.now(), 'the story should appear by itself').toBeLessThan(deadline);
      await reader.waitForTimeout(300);
      await reader.reload();
    }
    await reader.click(`a:has-text("${headline}")`);
    storyUrl = reader.url();
    expect(await reader.locator('h1').textContent()).toBe(headline);
    expect(await reader.locator('.story-topics a').allTextContents()).toEqual(['Transport', 'Northbay']);
    await reader.waitForFunction(() => (document.querySelector('article figure img') as HTMLImageElement)?.naturalWidth > 0);
    expect((await reader.locator('figcaption').innerText()).replace(/\s+/g, ' ')).toBe('The ferry at the east quay (Rita Reporter)');
    await reader.close();
    await context.close();
  });

  it('the editor adds a correction and a reader sees it, with the publication time unchanged', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, site, 'eda@example.org');
    await page.goto(`${site.url}/newsroom/articles/${storyId}`);
    await page.fill('#correction-text', 'An earlier version gave the wrong day for the first crossing.');
    await page.click('button:has-text("Add to the story")');
    await page.waitForURL(/ok=Correction%20added/);
    const reader = await browser.newPage();
    await reader.goto(storyUrl);
    const box = reader.locator('aside.corrections');
    expect(await box.isVisible()).toBe(true);
    expect(await box.innerText()).toContain('An earlier version gave the wrong day for the first crossing.');
    const published = await reader.locator('.story-head time').first().getAttribute('datetime');
    const ld = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!)[0];
    expect(ld.datePublished).toBe(published);
    expect(new Date(ld.dateModified).getTime()).toBeGreaterThan(new Date(ld.datePublished).getTime());
    await reader.close();
    await context.close();
  });

  it('autosaves a draft and warns before leaving with unsaved changes', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, site, 'rita@example.org');
    await page.click('text=New story');
    await page.fill('#headline', 'A draft that saves itself');
    await page.click('button.nr-primary:has-text("Save")');
    await page.waitForURL(/ok=Saved/);
    const id = /articles\/(\d+)/.exec(page.url())![1]!;
    await page.click('.ProseMirror');
    await page.keyboard.type('Typed, never saved by hand.');
    await page.waitForSelector('text=/Draft saved at/', { timeout: 15_000 });
    const stored = await site.dateline.store.content.articleById(Number(id));
    expect(JSON.stringify(stored!.body)).toContain('Typed, never saved by hand.');
    await page.fill('#standfirst', 'Changed, not yet saved');
    let warned = '';
    page.once('dialog', (d) => {
      warned = d.type();
      void d.dismiss();
    });
    await page.click('a:has-text("Stories")').catch(() => {});
    await page.waitForTimeout(300);
    expect(warned).toBe('beforeunload');
    expect(page.url()).toContain(`/newsroom/articles/${id}`);
    await context.close();
  });

  it('shows each revision and restores an earlier one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, site, 'eda@example.org');
    await page.goto(`${site.url}/newsroom/articles/${storyId}`);
    await page.fill('#headline', `${headline}, at last`);
    await page.click('button.nr-primary:has-text("Save")');
    await page.waitForURL(/ok=Saved/);
    await page.click('a:has-text("Revisions")');
    const rows = page.locator('table.nr-table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('Eda Editor');
    await rows.last().locator('a:has-text("Compare with current")').click();
    expect(await page.locator('.nr-diff ins').first().textContent()).toContain('at last');
    await page.click('button:has-text("Restore this revision")');
    await page.waitForURL(/ok=Revision%20restored/);
    expect(await page.inputValue('#headline')).toBe(headline);
    await context.close();
  });
});
