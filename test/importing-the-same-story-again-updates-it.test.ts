import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './support/cli.js';
import { seedDir, seedNinjs } from './support/paths.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';
import { snapshotDataDir } from './support/snapshot.js';

const seedItem = JSON.parse(fs.readFileSync(seedNinjs, 'utf8')) as Record<string, unknown>;
const articlePath = '/global/2019/04/30/after-caliphate-collapse-isis-militants-head-to-afghanistan';

describe('importing an item with a uri that is already stored', () => {
  let site: TestSite;
  let dir: string;
  const write = (name: string, item: object) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(item));
    return file;
  };

  beforeAll(async () => {
    site = await startSite('reimport', { sections: ['Global', 'Politics'] });
    dir = tempDataDir('reimport-items');
    fs.copyFileSync(path.join(seedDir, 'lead.jpg'), path.join(dir, 'lead.jpg'));
  });
  afterAll(() => site?.close());

  it('the same file twice leaves one article, one picture and one of each topic', async () => {
    expect((await site.cli(['import', seedNinjs, '--section', 'global', '--publish'])).stdout).toMatch(/^created: /);
    const once = snapshotDataDir(site.dataDir);
    const again = await site.cli(['import', seedNinjs, '--section', 'global', '--publish']);
    // A repeat of a stored version changes nothing at all.
    expect(again.stdout).toMatch(/^unchanged: article 1 /);
    expect(again.stdout).toMatch(/^imported 0, updated 0, unchanged 1, quarantined 0 /m);
    const twice = snapshotDataDir(site.dataDir);
    expect(twice.tables.articles).toHaveLength(1);
    expect(twice.tables.images).toHaveLength(1);
    expect(twice.tables.topics).toHaveLength(4);
    expect(twice.tables.article_topics).toHaveLength(4);
    expect(twice.media).toEqual(once.media);
  });

  it('a newer version updates the story in place: same address, new text, an "Updated" time', async () => {
    const file = write('v2.json', {
      ...seedItem,
      version: '2',
      versioncreated: '2019-04-30T15:30:00Z',
      headline: 'After ‘caliphate’ collapse, ISIS fighters head to Afghanistan, US says',
      keywords: ['Afghanistan', 'isis', 'United States'],
    });
    const r = await site.cli(['import', file, '--section', 'global']);
    expect(r.stdout).toMatch(/^updated: article 1 .*\[published\]/);
    const page = await get(site, articlePath);
    expect(page.status).toBe(200);
    const doc = parseHtml(page.body);
    expect(doc.querySelector('h1')!.textContent).toBe('After ‘caliphate’ collapse, ISIS fighters head to Afghanistan, US says');
    expect([...doc.querySelectorAll('.story-topics a')].map((a) => a.textContent)).toEqual(['Afghanistan', 'isis', 'United States']);
    expect(doc.querySelector('.story-head time')!.getAttribute('datetime')).toBe('2019-04-30T08:00:00.000Z');
    expect(doc.querySelector('.updated time')!.getAttribute('datetime')).toBe('2019-04-30T15:30:00.000Z');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!)[0];
    expect(ld.dateModified).toBe('2019-04-30T15:30:00.000Z');
    expect(ld.datePublished).toBe('2019-04-30T08:00:00.000Z');
  });

  it('an older version than the stored one is skipped and changes nothing', async () => {
    const before = snapshotDataDir(site.dataDir);
    const older = write('v1b.json', { ...seedItem, version: '1', versioncreated: '2019-04-30T09:00:00Z', headline: 'An older wording' });
    const r = await site.cli(['import', older, '--section', 'global']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^skipped \(a newer version is already stored\): article 1 /);
    const again = await site.cli(['import', seedNinjs, '--section', 'global']);
    expect(again.stdout).toMatch(/^unchanged: article 1 /);
    expect(snapshotDataDir(site.dataDir)).toEqual(before);
  });

  it('refiling under another section moves the story, and its old address redirects', async () => {
    const file = write('v3.json', { ...seedItem, version: '3', versioncreated: '2019-05-01T09:00:00Z' });
    expect((await site.cli(['import', file, '--section', 'politics'])).code).toBe(0);
    const old = await get(site, articlePath);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(articlePath.replace('/global/', '/politics/'));
    expect((await get(site, articlePath.replace('/global/', '/politics/'))).status).toBe(200);
  });

  it('a different uri with the same headline gets its own address', async () => {
    const file = write('twin.json', { ...seedItem, uri: 'urn:test:twin', associations: undefined });
    const r = await site.cli(['import', file, '--section', 'global', '--publish']);
    expect(r.stdout).toContain('/global/2019/04/30/after-caliphate-collapse-isis-militants-head-to-afghanistan-2');
  });
});
