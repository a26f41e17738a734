import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signIn, type Client } from './support/http.js';
import { password, startSite, type TestSite } from './support/site.js';

const hostileBody = [
  '<p onclick="window.__pwned=1">Click <a href="javascript:window.__pwned=2">me</a> or <a href="data:text/html,<script>parent.__pwned=3</script>">this</a>.</p>',
  '<img src="x" onerror="window.__pwned=4"><script>window.__pwned=5</script><iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
  '<svg onload="window.__pwned=7"><a xlink:href="javascript:window.__pwned=8">svg</a></svg>',
  '<p>Unclosed <b>bold <i>and italic</p><div><p>nested</div></span></p>',
  '<a href="https://example.org/" onmouseover="window.__pwned=9">A good link</a>',
].join('');

async function inert(page: Page): Promise<void> {
  const report = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}@${a.name}`)),
    badUrls: [...document.querySelectorAll('[href], [src], [action], [formaction], [srcdoc]')]
      .flatMap((el) => ['href', 'src', 'action', 'formaction', 'srcdoc'].map((n) => el.getAttribute(n) ?? ''))
      .filter((v) => /^\s*(javascript|data|vbscript):|<script/i.test(v)),
    frames: document.querySelectorAll('iframe, object, embed').length,
    pageScripts: [...document.scripts].filter((s) => s.type !== 'application/ld+json' && !s.src.includes('/newsroom/assets/')).length,
  }));
  expect(report).toEqual({ pwned: null, handlers: [], badUrls: [], frames: 0, pageScripts: 0 });
}

describe('hostile input saved through the API and the editor form', () => {
  let site: TestSite;
  let browser: Browser;
  let editor: Client;
  let apiStory: { id: number; url: string };
  let formStory: number;

  beforeAll(async () => {
    site = await startSite('newsroom-hostile', { sections: ['Global'] });
    await site.addUser('eda@example.org', 'editor');
    editor = await signIn(site, 'eda@example.org');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('refuses what is too big or broken with a clear 4xx', async () => {
    const long = await editor.api('POST', '/articles', { headline: 'h'.repeat(5000), section: 'global' });
    expect(long.status).toBe(400);
    expect(long.json.error.field).toBe('headline');
    const tooMany = await editor.api('POST', '/articles', { headline: 'ok', section: 'global', topics: Array.from({ length: 500 }, (_, i) => `t${i}`) });
    expect(tooMany.status).toBe(400);
    const form = await fetch(`${site.url}/newsroom/articles`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: editor.csrf, headline: 'x'.repeat(5000), section: 'global', bodyHtml: '<p>kept</p>' }).toString(),
    });
    expect(form.status).toBe(400);
    const html = await form.text();
    expect(html).toContain('Not saved: headline: at most 300 characters');
    // What was typed comes back in the form, so nothing is lost.
    expect(html).toContain('&lt;p&gt;kept&lt;/p&gt;');
  });

  it('accepts scripts, handlers and javascript:/data: URLs only as inert text or not at all', async () => {
    const created = await editor.api('POST', '/articles', {
      headline: '<img src=x onerror="window.__pwned=10">Headline', standfirst: '<script>window.__pwned=11</script>Standfirst',
      section: 'global', bodyHtml: hostileBody, topics: ['<b onclick=alert(1)>Tag</b>'], byline: '<svg onload=alert(1)>',
    });
    expect(created.status).toBe(201);
    expect(created.json.bodyHtml).not.toMatch(/onclick|onerror|onload|javascript:|data:|<script|<iframe|<svg/i);
    const published = await editor.api('POST', `/articles/${created.json.id}/status`, { status: 'published' });
    apiStory = { id: created.json.id, url: published.json.url };
    const form = await fetch(`${site.url}/newsroom/articles`, {
      method: 'POST', redirect: 'manual',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: editor.csrf, headline: '"><script>window.__pwned=12</script>', section: 'global', bodyHtml: hostileBody, topics: 'Safe' }).toString(),
    });
    expect(form.status).toBe(303);
    formStory = Number(/articles\/(\d+)/.exec(form.headers.get('location')!)![1]);
  });

  it('runs nothing in Chromium: public page, preview and the editor itself', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${site.url}/newsroom/sign-in`);
    await page.fill('#email', 'eda@example.org');
    await page.fill('#password', password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${site.url}/newsroom`);
    for (const path of [apiStory.url, `/newsroom/articles/${apiStory.id}/preview`, `/newsroom/articles/${apiStory.id}`, `/newsroom/articles/${formStory}`, '/newsroom']) {
      const res = await page.goto(site.url + path);
      expect(res?.status(), path).toBe(200);
      if (path.startsWith('/newsroom/articles/') && !path.endsWith('preview')) await page.waitForSelector('.ProseMirror');
      for (const link of await page.locator('main a').all()) await link.hover().catch(() => {});
      await inert(page);
    }
    await page.goto(site.url + apiStory.url);
    expect(await page.locator('h1').textContent()).toBe('<img src=x onerror="window.__pwned=10">Headline');
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
