import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishStory } from './support/factories.js';
import { signIn } from './support/http.js';
import { seedNinjs } from './support/paths.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';
import { bodyFromHtml } from '../src/content/index.js';

const seedHeadline = 'After ‘caliphate’ collapse, ISIS militants head to Afghanistan';

describe('search', () => {
  let site: TestSite;
  const api = async (qs: string) => {
    const r = await get(site, `/api/v1/search?${qs}`);
    expect(r.status, qs).toBe(200);
    return JSON.parse(r.body) as { items: { headline: string; status: string; snippet: { text: string; hit: boolean }[] }[]; total: number; suggestion: string | null };
  };

  beforeAll(async () => {
    site = await startSite('search', { demo: true });
    expect((await site.cli(['import', seedNinjs, '--section', 'global', '--publish'])).code).toBe(0);
    const store = site.dateline.store.content;
    // Stories that share the seed's words, so ranking has something to do.
    await publishStory(store, { headline: 'Afghan farmers count the cost of a dry spring', topics: ['Afghanistan'], sectionSlug: 'global',
      body: bodyFromHtml('<p>In Nangarhar and elsewhere, the attack of drought is spectacular only in its reach.</p>') });
    await publishStory(store, { headline: 'A spectacular harbour fireworks show', sectionSlug: 'culture',
      body: bodyFromHtml('<p>The attack of colour lasted twenty minutes. Joscelyn, a visitor, cheered.</p>') });
    await publishStory(store, { headline: 'Unpublished scoop about Nangarhar pipelines', publish: false, sectionSlug: 'global' });
    await publishStory(store, { headline: 'Story with markup words', sectionSlug: 'science',
      body: bodyFromHtml('<p>Quoted code: &lt;script&gt;alert(1)&lt;/script&gt; in a zanzibarian context.</p>') });
  });
  afterAll(() => site?.close());

  it('finds the seed first for Nangarhar', async () => {
    const r = await api('q=Nangarhar');
    expect(r.items[0]!.headline).toBe(seedHeadline);
    expect(r.total).toBe(2);
  });

  it('finds the seed first for the phrase "spectacular attack"', async () => {
    const r = await api(`q=${encodeURIComponent('"spectacular attack"')}`);
    expect(r.items.map((i) => i.headline)).toEqual([seedHeadline]);
  });

  it('finds the seed first for Joscelyn within the topic afghanistan, and only it', async () => {
    expect((await api('q=Joscelyn')).total).toBe(2);
    const r = await api('q=Joscelyn&topic=afghanistan');
    expect(r.items.map((i) => i.headline)).toEqual([seedHeadline]);
  });

  it('matches word beginnings, ranks headlines above bodies, and can exclude words', async () => {
    const prefix = await api('q=afghan');
    expect(prefix.items[0]!.headline).toBe('Afghan farmers count the cost of a dry spring');
    expect(prefix.total).toBe(2);
    const without = await api(`q=${encodeURIComponent('afghan -drought')}`);
    expect(without.items.map((i) => i.headline)).toEqual([seedHeadline]);
  });

  it('never shows a draft to readers, but shows it to the newsroom', async () => {
    expect((await api('q=pipelines')).total).toBe(0);
    const page = await get(site, '/search?q=pipelines');
    expect(page.body).not.toContain('Unpublished scoop');
    await site.addUser('eda@example.org', 'editor');
    const editor = await signIn(site, 'eda@example.org');
    const r = await fetch(`${site.url}/api/v1/search?q=pipelines&scope=newsroom`, { headers: { cookie: editor.cookie } });
    const json = await r.json();
    expect(json.items.map((i: { headline: string; status: string }) => [i.headline, i.status])).toEqual([['Unpublished scoop about Nangarhar pipelines', 'draft']]);
  });

  it('answers empty, huge and syntax-laden queries cleanly, never with a 500', async () => {
    const queries = ['', ' ', '"', '""', '*', 'NEAR(', 'NEAR(a b', '-', '--', 'a OR', 'AND', 'NOT', ':', 'headline:isis', '(', ')', '^isis', '"unclosed phrase',
      'isis*', '-"', 'x'.repeat(2000), Array.from({ length: 400 }, (_, i) => `w${i}`).join(' '), '\u0000', '💥', '%', '_'];
    for (const q of queries) {
      const page = await get(site, `/search?q=${encodeURIComponent(q)}`);
      expect(page.status, JSON.stringify(q).slice(0, 40)).toBe(200);
      const apiRes = await get(site, `/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(apiRes.status, JSON.stringify(q).slice(0, 40)).toBe(200);
    }
    expect((await api('q=')).total).toBe(0);
  });

  it('suggests a spelling for a misspelt single word', async () => {
    const r = await api('q=Nangarhaar');
    expect(r.total).toBe(0);
    expect(r.suggestion).toBe('nangarhar');
    const page = parseHtml((await get(site, '/search?q=Nangarhaar')).body);
    expect(page.querySelector('.did-you-mean a')!.getAttribute('href')).toBe('/search?q=nangarhar');
  });

  it("readers' suggestions come from published stories", async () => {
    // "pipelines" is only in a draft's headline: a reader must not learn it from "did you mean".
    for (const r of [await api('q=pipelinez'), await api('q=pipelinez&scope=public')]) {
      expect(r.total).toBe(0);
      expect(r.suggestion).toBeNull();
    }
    expect(parseHtml((await get(site, '/search?q=pipelinez')).body).querySelector('.did-you-mean')).toBeNull();
    await site.addUser('sugg@example.org', 'editor');
    const editor = await signIn(site, 'sugg@example.org');
    const res = await fetch(`${site.url}/api/v1/search?q=pipelinez&scope=newsroom`, { headers: { cookie: editor.cookie } });
    expect((await res.json()).suggestion).toBe('pipelines');
  });

  it('shows highlighted snippets with the text escaped', async () => {
    const html = (await get(site, '/search?q=zanzibarian')).body;
    const doc = parseHtml(html);
    expect(doc.querySelector('.snippet mark')!.textContent).toBe('zanzibarian');
    expect(doc.querySelector('.snippet')!.textContent).toContain('<script>alert(1)</script>');
    expect(doc.querySelectorAll('.search-results script').length).toBe(0);
    expect(doc.querySelector('meta[name=robots]')!.getAttribute('content')).toBe('noindex, follow');
  });

  it('filters by section and orders by date on request', async () => {
    const inCulture = await api('q=spectacular&section=culture');
    expect(inCulture.items.map((i) => i.headline)).toEqual(['A spectacular harbour fireworks show']);
    const byDate = await api('q=spectacular&sort=date');
    expect(byDate.items[0]!.headline).toBe('A spectacular harbour fireworks show');
    expect((await get(site, '/api/v1/search?q=isis&from=yesterday')).status).toBe(400);
  });

  it('keeps the index in step with edits and rebuilds it on demand', async () => {
    const store = site.dateline.store.content;
    const story = await publishStory(store, { headline: 'Quokka census begins', sectionSlug: 'science' });
    expect((await api('q=quokka')).total).toBe(1);
    const { updateDraft } = await import('../src/content/index.js');
    await updateDraft({ store, now: () => new Date() }, { kind: 'system', name: 'cli' }, story.articleId, { headline: 'Wallaby census begins' });
    expect((await api('q=quokka')).total).toBe(0);
    expect((await api('q=wallaby')).total).toBe(1);
    const r = await site.cli(['reindex']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^reindexed \d+ stories in/);
    expect((await api('q=wallaby')).total).toBe(1);
  });
});
