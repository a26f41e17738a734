import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type Dateline } from '../src/app/index.js';
import { loadConfig } from '../src/config/index.js';
import { corpusStory, reporters } from '../src/demo/corpus/index.js';
import { dateline, tempDataDir } from './support/cli.js';
import { parseHtml } from './support/site.js';
import { dataEnv, query, testEngine } from './support/database.js';

describe('dateline generate', () => {
  const dataDir = tempDataDir('generate');
  const env = dataEnv(dataDir);
  let first: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    first = await dateline(['generate', '--articles', '1500', '--pictures', '2', '--seed', '7'], env);
  });

  const one = <T>(sql: string) => query(dataDir, sql)[0] as T;
  const all = <T>(sql: string) => query(dataDir, sql) as T[];

  it('writes N stories and says so in one line', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^generated 1500 stories in [\d.]+ s \(\d+\/s\); database \d+ MB\n$/);
    expect(one<{ n: number }>('select count(*) n from articles').n).toBe(1500);
    expect(one<{ n: number }>("select count(distinct slug) n from articles").n).toBe(1500);
  });

  it('files them under sections and subsections, with topics, reporters and agencies', () => {
    const bySection = all<{ slug: string; n: number }>('select s.slug, count(*) n from articles a join sections s on s.id = a.section_id group by s.slug');
    expect(bySection.length).toBeGreaterThanOrEqual(12);
    expect(bySection.find((s) => s.slug === 'europe')!.n).toBeGreaterThan(30);
    const parent = one<{ parent: string }>("select p.slug parent from sections s join sections p on p.id = s.parent_id where s.slug = 'markets'");
    expect(parent.parent).toBe('business');
    // Every story has a topic; some topics are far commoner than others, as in a real archive.
    expect(one<{ n: number }>('select count(*) n from articles where id not in (select article_id from article_topics)').n).toBe(0);
    const topicCounts = all<{ n: number }>('select count(*) n from article_topics group by topic_id order by n desc').map((r) => r.n);
    expect(topicCounts[0]!).toBeGreaterThan(10 * topicCounts.at(-1)!);
    const agencyShare = one<{ n: number }>('select count(*) n from articles where agency_id is not null').n / 1500;
    expect(agencyShare).toBeGreaterThan(0.3);
    expect(agencyShare).toBeLessThan(0.6);
    expect(one<{ n: number }>('select count(distinct person_id) n from article_people').n).toBeGreaterThan(100);
  });

  it('spreads dates over years, mixes lengths, shares pictures and leaves a few drafts', () => {
    const span = one<{ first: string; last: string }>("select min(first_published_at) first, max(first_published_at) last from articles");
    expect(Date.parse(span.last) - Date.parse(span.first)).toBeGreaterThan(9 * 365 * 86_400_000);
    expect(Date.parse(span.last)).toBeLessThanOrEqual(Date.now());
    const lengths = all<{ n: number }>('select length(body) n from articles order by n').map((r) => r.n);
    expect(lengths.at(-1)! / lengths[0]!).toBeGreaterThan(5);
    expect(one<{ n: number }>('select count(distinct lead_image_id) n from articles where lead_image_id is not null').n).toBe(2);
    expect(one<{ n: number }>('select count(*) n from articles where lead_image_id is not null').n).toBeGreaterThan(800);
    const statuses = Object.fromEntries(all<{ status: string; n: number }>('select status, count(*) n from articles group by status').map((r) => [r.status, r.n]));
    expect(statuses.published).toBeGreaterThan(1400);
    expect(statuses.draft).toBeGreaterThan(0);
  });

  it('indexes every story for search', () => {
    const index = testEngine === 'postgres' ? 'search_documents' : 'article_search';
    expect(one<{ n: number }>(`select count(*) n from ${index}`).n).toBe(1500);
    const headline = one<{ headline: string }>('select headline from articles where id = 700').headline;
    const word = headline.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w))!;
    const hits = all<{ rowid: number }>(testEngine === 'postgres'
      ? `select id rowid from search_documents where document @@ to_tsquery('simple', '${word.toLowerCase()}')`
      : `select rowid from article_search where article_search match '"${word}"'`).map((r) => r.rowid);
    expect(hits).toContain(700);
  });

  it('makes the same stories from the same seed, and continues the numbering on a second run', async () => {
    const plan = { count: 1500, first: 0, seed: 7, end: new Date(), years: 10, pictures: 2, reporters: reporters(400, 7) };
    expect(one<{ headline: string }>('select headline from articles where id = 42').headline).toBe(corpusStory(plan, 41).headline);
    const again = await dateline(['generate', '--articles', '20', '--pictures', '2', '--seed', '7'], env);
    expect(again.code).toBe(0);
    expect(one<{ n: number }>('select count(*) n from articles').n).toBe(1520);
    expect(one<{ n: number }>('select count(distinct slug) n from articles').n).toBe(1520);
  });

  it('refuses a missing or impossible count with a one-line reason, its usage and exit code 2', async () => {
    for (const args of [[], ['--articles', '0'], ['--articles', 'many'], ['--articles', '5', '--years', '0']]) {
      const r = await dateline(['generate', ...args], dataEnv(tempDataDir('generate-bad')));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^dateline generate: --(articles|years) .+\nUsage: dateline generate --articles N/);
    }
  });

  it('serves generated stories on the site: article, section and search', async () => {
    const app: Dateline = await build(loadConfig({ ...env, LOG_LEVEL: 'silent', PORT: '0', DATELINE_DEMO: 'false' }), { logger: false, worker: false });
    try {
      const url = await app.app.listen({ port: 0, host: '127.0.0.1' });
      const home = parseHtml(await (await fetch(url + '/')).text());
      const link = home.querySelector('main a[href^="/"][href*="/20"]')!.getAttribute('href')!;
      const article = await fetch(url + link);
      expect(article.status).toBe(200);
      const page = parseHtml(await article.text());
      expect(page.querySelector('h1')!.textContent!.length).toBeGreaterThan(10);
      expect(page.querySelectorAll('article p').length).toBeGreaterThan(1);
      expect((await fetch(url + '/europe')).status).toBe(200);
      const search = await fetch(url + '/search?q=' + encodeURIComponent('government'));
      expect(parseHtml(await search.text()).querySelectorAll('main li a').length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
