import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './support/cli.js';
import { seedDir, seedNinjs } from './support/paths.js';
import { get, startSite, type TestSite } from './support/site.js';
import { snapshotDataDir } from './support/snapshot.js';
import { storySnapshot } from './support/wire.js';

const seedItem = JSON.parse(fs.readFileSync(seedNinjs, 'utf8')) as Record<string, unknown>;
const seedPath = '/global/2019/04/30/after-caliphate-collapse-isis-militants-head-to-afghanistan';

describe('wire imports under pressure', () => {
  let site: TestSite;
  let dir: string;
  const write = (name: string, item: object) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(item));
    return file;
  };

  beforeAll(async () => {
    site = await startSite('wire-edges', { sections: ['Global'] });
    dir = tempDataDir('wire-edges-items');
    fs.copyFileSync(path.join(seedDir, 'lead.jpg'), path.join(dir, 'lead.jpg'));
  });
  afterAll(() => site?.close());

  it('two processes importing the same new story at once leave one story and its pictures', async () => {
    const [a, b] = await Promise.all([
      site.cli(['import', seedNinjs, '--section', 'global', '--publish']),
      site.cli(['import', seedNinjs, '--section', 'global', '--publish']),
    ]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect([a.stdout.split(':')[0], b.stdout.split(':')[0]].sort()).toEqual(['created', 'updated']);
    const snap = snapshotDataDir(site.dataDir);
    expect(snap.tables.articles).toHaveLength(1);
    expect(snap.tables.images).toHaveLength(1);
    const page = await get(site, seedPath);
    expect(page.status).toBe(200);
    const jpg = /src="(\/media\/[^"]+\.jpg)"/.exec(page.body)![1]!;
    expect((await get(site, jpg)).status).toBe(200);
  });

  it('serves variants only: originals (with their camera data) and manifests stay private', async () => {
    const key = (JSON.parse(snapshotDataDir(site.dataDir).tables.images![0] as string) as { key: string }).key;
    expect((await get(site, `/media/${key}/640.webp`)).status).toBe(200);
    expect((await get(site, `/media/${key}/original.jpg`)).status).toBe(404);
    expect((await get(site, `/media/${key}/manifest.json`)).status).toBe(404);
  });

  it('an older version that brings a new picture is skipped and leaves no files behind', async () => {
    const before = snapshotDataDir(site.dataDir);
    const other = await import('sharp').then((m) => m.default({ create: { width: 800, height: 500, channels: 3, background: '#336699' } }).jpeg().toBuffer());
    fs.writeFileSync(path.join(dir, 'other.jpg'), other);
    const file = write('old.json', {
      ...seedItem, version: '0', versioncreated: '2019-04-29T08:00:00Z',
      associations: { featuremedia: { type: 'picture', description_text: 'Another', renditions: { original: { href: 'other.jpg' } } } },
    });
    const r = await site.cli(['import', file, '--section', 'global']);
    expect(r.stdout).toMatch(/^skipped/);
    expect(snapshotDataDir(site.dataDir)).toEqual(before);
  });

  it('an embargoed new version of a live story is held in the wire queue, so the embargo holds', async () => {
    const before = storySnapshot(site.dataDir);
    const file = write('embargoed-v2.json', {
      ...seedItem, version: '2', versioncreated: '2019-05-01T08:00:00Z', embargoed: '2999-01-01T00:00:00Z', headline: 'Secret until 2999',
    });
    const r = await site.cli(['import', file, '--section', 'global']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not filed: embargoed until 2999-01-01T00:00:00.000Z and its story is live/);
    expect(storySnapshot(site.dataDir)).toEqual(before);
    expect((await get(site, seedPath)).body).not.toContain('Secret until 2999');
  });

  it('a kill from the agency takes the published story down with 410 Gone', async () => {
    const file = write('kill.json', { ...seedItem, version: '9', versioncreated: '2019-05-02T08:00:00Z', pubstatus: 'canceled' });
    const r = await site.cli(['import', file, '--section', 'global']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^killed by the agency: article 1 .*\[unpublished\]/);
    const page = await get(site, seedPath);
    expect(page.status).toBe(410);
    expect(page.body).toContain('This story has been removed');
    expect((await get(site, '/topic/afghanistan')).status).toBe(404);
  });

  it('keeps names and headlines in other scripts, each with its own address', async () => {
    const file = write('tass.json', {
      uri: 'urn:test:cyrillic', headline: 'Москва: открыта новая линия метро', copyrightholder: 'ТАСС', language: 'ru',
      keywords: ['Москва', 'Метро'], firstcreated: '2024-05-01T08:00:00Z', body_html: '<p>Текст.</p>',
    });
    const r = await site.cli(['import', file, '--section', 'global', '--publish']);
    expect(r.code, r.stderr).toBe(0);
    const url = /at https:\/\/news\.example\.test(\S+)$/m.exec(r.stdout)![1]!;
    expect(url).toBe('/global/2024/05/01/москва-открыта-новая-линия-метро');
    const page = await get(site, encodeURI(url));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<article class="story" lang="ru">');
    expect((await get(site, encodeURI('/agency/тасс'))).status).toBe(200);
    expect((await get(site, encodeURI('/topic/метро'))).status).toBe(200);
  });
});
