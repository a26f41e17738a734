import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishStory } from './support/factories.js';
import { seedNinjs } from './support/paths.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';

const seedPath = '/global/2019/04/30/after-caliphate-collapse-isis-militants-head-to-afghanistan';

describe('related stories on the article page', () => {
  let site: TestSite;

  beforeAll(async () => {
    site = await startSite('related', { sections: ['Global', 'Culture'] });
    expect((await site.cli(['import', seedNinjs, '--section', 'global', '--publish'])).code).toBe(0);
    const store = site.dateline.store.content;
    await publishStory(store, { headline: 'Kabul talks stall', topics: ['Afghanistan'], sectionSlug: 'global' });
    await publishStory(store, { headline: 'Border trade resumes', topics: ['Afghanistan', 'Pakistan', 'isis'], sectionSlug: 'global' });
    await publishStory(store, { headline: 'Militants retreat in the east', sectionSlug: 'culture' });
    await publishStory(store, { headline: 'Unrelated cookery column', sectionSlug: 'culture' });
    await publishStory(store, { headline: 'Draft about Afghanistan', topics: ['Afghanistan'], publish: false });
  });
  afterAll(() => site?.close());

  it('lists stories sharing the most topics first, then those sharing headline words, never drafts or itself', async () => {
    const doc = parseHtml((await get(site, seedPath)).body);
    const titles = [...doc.querySelectorAll('aside.related h3 a')].map((a) => a.textContent);
    expect(titles).toEqual(['Border trade resumes', 'Kabul talks stall', 'Militants retreat in the east']);
    const more = [...doc.querySelectorAll('aside.more:not(.related) h3 a')].map((a) => a.textContent);
    for (const t of titles) expect(more).not.toContain(t);
  });

  it('describes the publisher with its logo and the site search on the home page', async () => {
    const doc = parseHtml((await get(site, '/')).body);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld.find((x: { '@type': string }) => x['@type'] === 'NewsMediaOrganization').logo.url).toBe('https://news.example.test/assets/logo.png');
    expect(ld.find((x: { '@type': string }) => x['@type'] === 'WebSite').potentialAction.target).toBe('https://news.example.test/search?q={search_term_string}');
  });
});
