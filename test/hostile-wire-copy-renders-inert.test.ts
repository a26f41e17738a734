import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { tempDataDir } from './support/cli.js';
import { seedDir } from './support/paths.js';
import { startSite, type TestSite } from './support/site.js';

/** Every trick a hostile or broken feed might carry, in every field that reaches a page. */
const hostileItem = {
  uri: 'urn:test:hostile:1',
  type: 'text',
  firstcreated: '2024-03-01T10:00:00Z',
  versioncreated: '2024-03-01T10:00:00Z',
  language: 'en',
  headline: 'Breaking <script>window.__pwned="headline";alert(1)</script><img src=x onerror="window.__pwned=\'headline-img\'">news',
  description_text: '<b onmouseover="window.__pwned=\'summary\'">Summary</b> text',
  byline: '<img src=x onerror="window.__pwned=\'byline\'">Jane Roe',
  located: '<svg onload="window.__pwned=\'located\'">Kabul',
  copyrightholder: 'Evil <script>window.__pwned="agency"</script>Wire',
  keywords: ['<script>window.__pwned="kw"</script>Security', '"><img src=x onerror="window.__pwned=\'kw2\'">'],
  body_html: [
    '<p onclick="window.__pwned=\'p\'">First <a href="javascript:window.__pwned=\'js-link\'">click me</a>',
    ' and <a href="  JaVaScRiPt:window.__pwned=\'mixed-case\'">this</a>',
    ' and <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data</a>.</p>',
    '<img src="x" onerror="window.__pwned=\'img\'">',
    '<script>window.__pwned="script"</script>',
    '<iframe src="javascript:window.__pwned=\'iframe\'"></iframe>',
    '<svg><script>window.__pwned="svg-script"</script><circle onload="window.__pwned=\'svg\'"/></svg>',
    '<p style="background:url(javascript:alert(1))">Styled paragraph</p>',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">Go</button></form>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<p><a href="https://example.org/ok" onmouseover="window.__pwned=\'hover\'">A fine link</a></p>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=\'mxss\'">',
  ].join(''),
  associations: {
    featuremedia: {
      uri: 'urn:test:hostile:1:picture',
      type: 'picture',
      headline: 'Alt <img src=x onerror="window.__pwned=\'alt\'">text',
      description_text: 'Caption <script>window.__pwned="caption"</script><img src=x onerror="window.__pwned=\'caption-img\'">here',
      byline: 'AFP <svg onload="window.__pwned=\'credit\'">Photo',
      renditions: { original: { href: 'lead.jpg', mimetype: 'image/jpeg' } },
    },
  },
};

async function assertInert(page: Page): Promise<void> {
  const report = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
      scripts: [...document.scripts].map((s) => s.type),
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}@${a.name}`)),
      badUrls: all.flatMap((el) => ['href', 'src', 'action', 'formaction', 'data']
        .map((n) => el.getAttribute(n)).filter((v): v is string => !!v && /^\s*(javascript|data|vbscript):/i.test(v))),
      dangerous: all.filter((el) => ['IFRAME', 'OBJECT', 'EMBED', 'FORM', 'svg', 'SVG', 'MATH', 'math', 'STYLE'].includes(el.tagName))
        // The site's own search box is the one form a page may have.
        .filter((el) => !(el.tagName === 'FORM' && el.getAttribute('action') === '/search'))
        .map((el) => el.tagName),
      styled: all.filter((el) => el.hasAttribute('style')).length,
    };
  });
  expect(report).toEqual({
    pwned: null,
    scripts: report.scripts.map(() => 'application/ld+json'),
    handlers: [],
    badUrls: [],
    dangerous: [],
    styled: 0,
  });
}

describe('a wire item full of scripts, event handlers and javascript: links', () => {
  let site: TestSite;
  let browser: Browser;
  let articleUrl: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    site = await startSite('hostile', { sections: ['Global'] });
    const dir = tempDataDir('hostile-item');
    fs.copyFileSync(path.join(seedDir, 'lead.jpg'), path.join(dir, 'lead.jpg'));
    fs.writeFileSync(path.join(dir, 'hostile.json'), JSON.stringify(hostileItem));
    const r = await site.cli(['import', path.join(dir, 'hostile.json'), '--section', 'global', '--publish']);
    expect(r.stderr).toBe('');
    articleUrl = /at (https:\S+)/.exec(r.stdout)![1]!.replace('https://news.example.test', site.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const [name, url] of [['article', () => articleUrl], ['home', () => `${site.url}/`], ['topic', () => `${site.url}/topic/security`]] as const) {
    it(`leaves nothing active on the ${name} page in Chromium`, async () => {
      const page = await browser.newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const res = await page.goto(url());
      expect(res?.status()).toBe(200);
      await page.hover('body');
      await page.locator('main a').first().hover();
      await page.waitForTimeout(100);
      await assertInert(page);
      expect(dialogs).toEqual([]);
      await page.close();
    });
  }

  it('keeps the words, as plain text', async () => {
    const page = await browser.newPage();
    await page.goto(articleUrl);
    expect(await page.locator('h1').textContent()).toBe('Breaking news');
    expect(await page.locator('.standfirst').textContent()).toBe('Summary text');
    expect(await page.locator('figcaption').innerText()).toBe('Caption here (AFP Photo)');
    expect(await page.locator('.story-topics a').allTextContents()).toEqual(['Security']);
    const links = await page.locator('.story-body a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toContainEqual(['A fine link', 'https://example.org/ok']);
    for (const [text, href] of links) if (text !== 'A fine link') expect(href, String(text)).toBeNull();
    expect(await page.locator('.story-body').innerText()).toContain('Styled paragraph');
    await page.close();
  });
});
