import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline, tempDataDir } from './support/cli.js';
import { dataEnv, query } from './support/database.js';
import { signIn, type Client } from './support/http.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';

const siteUrl = 'https://news.example.test';

/** Every JSON-LD block of a page, parsed (a block may hold one object or a list). */
function jsonLd(doc: Document): Record<string, any>[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].flatMap((s) => JSON.parse(s.textContent!) as Record<string, any>[]);
}

const ofType = (doc: Document, type: string) => jsonLd(doc).find((d) => d['@type'] === type);

describe('readers meet the staff behind the bylines', () => {
  let site: TestSite;
  let editor: Client;
  let rita: Client;
  let ritaId: number;
  let photoId: number;
  let storyPath: string;
  const ids: Record<string, number> = {};

  const profile = (name: string, body: unknown, as = editor) => as.api('PATCH', `/people/${ids[name]}`, body);
  const form = (c: Client, p: string, fields: Record<string, string>) => fetch(`${site.url}${p}`, {
    method: 'POST', redirect: 'manual', headers: { cookie: c.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

  beforeAll(async () => {
    site = await startSite('staff', { sections: ['Global'] });
    await site.addUser('eda@example.org', 'editor', 'Eda Editor');
    await site.addUser('rita@example.org', 'contributor', 'Tomás Reyes');
    [editor, rita] = await Promise.all([signIn(site, 'eda@example.org'), signIn(site, 'rita@example.org')]);
    ritaId = (await rita.api('GET', '/session')).json.user.id;
    const publish = async (body: Record<string, unknown>) => {
      const a = await editor.api('POST', '/articles', { section: 'global', bodyHtml: '<p>Text.</p>', ...body });
      expect((await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' })).status).toBe(200);
      return (await editor.api('GET', `/articles/${a.json.id}`)).json;
    };
    const two = await publish({ headline: 'River deal reached after all-night talks', people: ['Mara Quinn', 'Tomás Reyes'], agency: 'AFP', topics: ['Water', 'Climate'] });
    storyPath = two.url;
    await publish({ headline: 'Three reporters on one story', people: ['Aiko Tanaka', 'Mara Quinn', 'Tomás Reyes'], topics: ['Oceans'] });
    for (const p of (await editor.api('GET', '/people')).json.items) ids[p.name] = p.id;
    const portrait = await sharp({ create: { width: 800, height: 800, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const upload = new FormData();
    upload.append('file', new Blob([new Uint8Array(portrait)], { type: 'image/jpeg' }), 'mara.jpg');
    upload.append('alt', 'Mara Quinn in the newsroom');
    const res = await fetch(`${site.url}/api/v1/images`, { method: 'POST', headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf }, body: upload });
    photoId = ((await res.json()) as { id: number }).id;
  });
  afterAll(() => site?.close());

  it('lets editors edit a profile through the API, checked field by field and audited', async () => {
    expect(Object.keys(ids).sort()).toEqual(['Aiko Tanaka', 'Mara Quinn', 'Tomás Reyes']);
    const saved = await profile('Mara Quinn', {
      jobTitle: 'Diplomatic correspondent', bio: 'Mara covers diplomacy from Geneva.', photo: photoId, beat: ['water', 'Climate'],
      links: ['https://x.example/mara', 'https://mastodon.example/@mara'], email: 'mara@example.org', team: 'Reporters', teamPosition: 2, position: 2,
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      name: 'Mara Quinn', jobTitle: 'Diplomatic correspondent', beat: ['Water', 'Climate'], links: ['https://x.example/mara', 'https://mastodon.example/@mara'],
      email: 'mara@example.org', emailPublic: false, team: 'Reporters', photo: { id: photoId },
    });
    for (const [body, field] of [
      [{ links: ['javascript:alert(1)'] }, 'links'], [{ links: ['ftp://example.org/x'] }, 'links'], [{ beat: ['No such topic'] }, 'beat'],
      [{ photo: 999_999 }, 'photo'], [{ email: 'not an address' }, 'email'], [{ emailPublic: true, email: '' }, 'email'],
      [{ position: 1.5 }, 'position'], [{ userId: 999_999 }, 'userId'],
    ] as const) {
      const r = await profile('Mara Quinn', body);
      expect([r.status, r.json.error.field], JSON.stringify(body)).toEqual([400, field]);
    }
    const doc = (await (await fetch(`${site.url}/api/v1/openapi.json`)).json()) as any;
    expect(Object.keys(doc.paths['/people/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(Object.keys(doc.paths['/people/{id}'].patch.requestBody.content['application/json'].schema.properties)).toEqual(expect.arrayContaining(
      ['jobTitle', 'bio', 'photo', 'beat', 'links', 'email', 'emailPublic', 'team', 'teamPosition', 'position', 'userId']));
    const entries = await site.dateline.store.audit.list({ page: 1, pageSize: 10, action: 'profile-edit' });
    expect(entries.items).toHaveLength(1);
    expect(entries.items[0]).toMatchObject({ actor: 'eda@example.org', subject: `person:${ids['Mara Quinn']}` });
  });

  it('refuses contributors other people’s profiles, lets them keep their own, and wants the CSRF token', async () => {
    expect((await profile('Mara Quinn', { jobTitle: 'Intern' }, rita)).status).toBe(403);
    expect((await profile('Tomás Reyes', { jobTitle: 'City reporter' }, rita)).status).toBe(403);
    expect((await editor.api('PATCH', `/people/${ids['Tomás Reyes']}`, { jobTitle: 'x' }, { csrf: false })).status).toBe(403);
    // Once an editor links the account to the person, the profile is theirs to keep, but not their place on the masthead.
    expect((await profile('Tomás Reyes', { userId: ritaId, team: 'Reporters', teamPosition: 2, position: 1 })).status).toBe(200);
    expect((await profile('Aiko Tanaka', { userId: ritaId })).status).toBe(409);
    const own = await profile('Tomás Reyes', { jobTitle: 'City reporter', bio: 'Tomás reports on Northbay.' }, rita);
    expect([own.status, own.json.jobTitle]).toEqual([200, 'City reporter']);
    expect((await profile('Tomás Reyes', { team: 'Editors' }, rita)).status).toBe(403);
    // A private address is for those who may keep the profile.
    expect((await rita.api('GET', `/people/${ids['Mara Quinn']}`)).json.email).toBeNull();
  });

  it('edits a profile through the newsroom form, with the CSRF token and the right role', async () => {
    const list = await fetch(`${site.url}/newsroom/people`, { headers: { cookie: editor.cookie } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(`/newsroom/people/${ids['Aiko Tanaka']}`);
    const page = parseHtml(await (await fetch(`${site.url}/newsroom/people/${ids['Aiko Tanaka']}`, { headers: { cookie: editor.cookie } })).text());
    expect(page.querySelector<HTMLInputElement>('form.nr-form input[name="_csrf"]')!.value).toBe(editor.csrf);
    const fields = {
      name: 'Aiko Tanaka', jobTitle: 'Science editor', bio: 'Aiko edits the science pages.', photo: '', beat: 'Oceans', links: 'https://example.org/aiko\n',
      email: '', team: 'Editors', teamPosition: '1', position: '1', userId: '',
    };
    expect((await form(editor, `/newsroom/people/${ids['Aiko Tanaka']}`, fields)).status).toBe(403);
    const saved = await form(editor, `/newsroom/people/${ids['Aiko Tanaka']}`, { ...fields, _csrf: editor.csrf });
    expect(saved.status).toBe(303);
    expect((await editor.api('GET', `/people/${ids['Aiko Tanaka']}`)).json).toMatchObject({ jobTitle: 'Science editor', team: 'Editors', beat: ['Oceans'], links: ['https://example.org/aiko'] });
    const refused = await form(editor, `/newsroom/people/${ids['Aiko Tanaka']}`, { ...fields, links: 'javascript:alert(1)', _csrf: editor.csrf });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('javascript:alert(1)</textarea>');
    // A contributor: no form for someone else's profile; their own without the editors' fields.
    expect((await fetch(`${site.url}/newsroom/people/${ids['Aiko Tanaka']}`, { headers: { cookie: rita.cookie } })).status).toBe(403);
    const own = parseHtml(await (await fetch(`${site.url}/newsroom/people/${ids['Tomás Reyes']}`, { headers: { cookie: rita.cookie } })).text());
    expect(own.querySelector('input[name="jobTitle"]')).not.toBeNull();
    expect(own.querySelector('input[name="team"]')).toBeNull();
  });

  it('shows the profile on the author page, with ProfilePage JSON-LD field by field', async () => {
    const doc = parseHtml((await get(site, '/author/mara-quinn')).body);
    expect(doc.querySelector('h1')!.textContent).toBe('Mara Quinn');
    expect(doc.querySelector('.collection-head .kicker')!.textContent).toBe('Diplomatic correspondent');
    expect(doc.querySelector('.collection-head .intro')!.textContent).toBe('Mara covers diplomacy from Geneva.');
    expect(doc.querySelector('.profile-photo img')!.getAttribute('alt')).toBe('Mara Quinn in the newsroom');
    expect([...doc.querySelectorAll('.profile-beat a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Water', '/topic/water'], ['Climate', '/topic/climate']]);
    expect([...doc.querySelectorAll('.profile-links a')].map((a) => a.getAttribute('href'))).toEqual(['https://x.example/mara', 'https://mastodon.example/@mara']);
    expect(doc.querySelector('.profile-contact')).toBeNull();
    expect(doc.querySelectorAll('.story-list li')).toHaveLength(2);

    const ld = ofType(doc, 'ProfilePage')!;
    expect(ld).toMatchObject({ '@context': 'https://schema.org', url: `${siteUrl}/author/mara-quinn` });
    const person = ld.mainEntity;
    expect(person['@type']).toBe('Person');
    expect(person.name).toBe('Mara Quinn');
    expect(person.url).toBe(`${siteUrl}/author/mara-quinn`);
    expect(person.jobTitle).toBe('Diplomatic correspondent');
    expect(person.description).toBe('Mara covers diplomacy from Geneva.');
    expect(person.image).toMatch(new RegExp(`^${siteUrl}/media/[0-9a-f]+/\\d+\\.jpg$`));
    expect(person.sameAs).toEqual(['https://x.example/mara', 'https://mastodon.example/@mara']);
    expect(person.knowsAbout).toEqual(['Water', 'Climate']);
    expect(person).not.toHaveProperty('email');
    expect(person.worksFor).toMatchObject({ '@id': `${siteUrl}/#organization`, name: 'Dateline Test' });
    expect((await fetch(person.image.replace(siteUrl, site.url))).status).toBe(200);

    expect((await profile('Mara Quinn', { emailPublic: true })).status).toBe(200);
    const shown = parseHtml((await get(site, '/author/mara-quinn')).body);
    expect(shown.querySelector('.profile-contact a')!.getAttribute('href')).toBe('mailto:mara@example.org');
    expect(ofType(shown, 'ProfilePage')!.mainEntity.email).toBe('mara@example.org');
  });

  it('credits a story’s bylines in order, linked, with the agency beside them, in the page, the JSON-LD and every feed', async () => {
    const doc = parseHtml((await get(site, storyPath)).body);
    const byline = doc.querySelector('.byline')!;
    expect(byline.textContent).toBe('By Mara Quinn and Tomás Reyes, AFP');
    expect([...byline.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/author/mara-quinn', '/author/tomas-reyes', '/agency/afp']);
    expect(ofType(doc, 'NewsArticle')!.author).toEqual([
      { '@type': 'Person', name: 'Mara Quinn', url: `${siteUrl}/author/mara-quinn` },
      { '@type': 'Person', name: 'Tomás Reyes', url: `${siteUrl}/author/tomas-reyes` },
    ]);
    const three = parseHtml((await get(site, '/author/aiko-tanaka')).body).querySelector('.story-list h2 a')!.getAttribute('href')!;
    expect(parseHtml((await get(site, three)).body).querySelector('.byline')!.textContent).toBe('By Aiko Tanaka, Mara Quinn and Tomás Reyes');

    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'entry', 'author', 'dc:creator'].includes(name) });
    const rss = xml.parse((await get(site, '/feed.xml')).body).rss.channel.item as any[];
    const atom = xml.parse((await get(site, '/atom.xml')).body).feed.entry as any[];
    const json = JSON.parse((await get(site, '/feed.json')).body).items as any[];
    const river = (t: unknown) => String(typeof t === 'object' ? (t as { '#text': string })['#text'] : t).startsWith('River deal');
    expect(rss.find((i) => river(i.title))['dc:creator']).toEqual(['Mara Quinn', 'Tomás Reyes']);
    expect(atom.find((e) => river(e.title)).author.map((a: { name: string }) => a.name)).toEqual(['Mara Quinn', 'Tomás Reyes']);
    expect(json.find((i) => river(i.title)).authors).toEqual([
      { name: 'Mara Quinn', url: `${siteUrl}/author/mara-quinn` }, { name: 'Tomás Reyes', url: `${siteUrl}/author/tomas-reyes` },
    ]);
  });

  it('lists the staff by team, teams and people in their order, on /staff', async () => {
    const res = await get(site, '/staff');
    expect(res.status).toBe(200);
    const doc = parseHtml(res.body);
    const teams = [...doc.querySelectorAll('.staff-team')].map((t) => [
      t.querySelector('h2')!.textContent, [...t.querySelectorAll('.staff-card h3 a')].map((a) => a.textContent),
    ]);
    expect(teams).toEqual([['Editors', ['Aiko Tanaka']], ['Reporters', ['Tomás Reyes', 'Mara Quinn']]]);
    expect(doc.querySelector('.staff-card .job-title')!.textContent).toBe('Science editor');
    const ld = ofType(doc, 'CollectionPage')!;
    expect(ld.mainEntity['@type']).toBe('ItemList');
    expect(ld.mainEntity.itemListElement.map((e: any) => [e.position, e.item.name, e.item.url])).toEqual([
      [1, 'Aiko Tanaka', `${siteUrl}/author/aiko-tanaka`], [2, 'Tomás Reyes', `${siteUrl}/author/tomas-reyes`], [3, 'Mara Quinn', `${siteUrl}/author/mara-quinn`],
    ]);
    // The address is the site's: no section may take it.
    expect((await editor.api('POST', '/sections', { name: 'Staff' })).status).toBe(400);
  });

  it('purges the cached author page, staff page, stories and feeds on a profile edit: live on the next request', async () => {
    const pages = ['/author/tomas-reyes', '/staff', storyPath, '/feed.xml'];
    for (const p of pages) await get(site, p);
    for (const p of pages) expect((await get(site, p)).headers.get('x-cache'), p).toBe('HIT');
    expect((await profile('Tomás Reyes', { name: 'Tomás Reyes Ortiz', jobTitle: 'Transport correspondent' })).status).toBe(200);
    const after = Object.fromEntries(await Promise.all(pages.map(async (p) => [p, await get(site, p)] as const)));
    for (const p of pages) expect(after[p]!.headers.get('x-cache'), p).toBe('MISS');
    expect(parseHtml(after['/author/tomas-reyes']!.body).querySelector('.kicker')!.textContent).toBe('Transport correspondent');
    expect(parseHtml(after['/staff']!.body).body.textContent).toContain('Tomás Reyes Ortiz');
    expect(parseHtml(after[storyPath]!.body).querySelector('.byline')!.textContent).toBe('By Mara Quinn and Tomás Reyes Ortiz, AFP');
    expect(after['/feed.xml']!.body).toContain('<dc:creator>Tomás Reyes Ortiz</dc:creator>');
    // Search finds the story by the new name.
    expect((await get(site, '/search?q=Ortiz')).body).toContain('River deal reached');
    // The profile photo's text is the picture's: changing it in the media library reaches the author page too.
    await get(site, '/author/mara-quinn');
    expect((await get(site, '/author/mara-quinn')).headers.get('x-cache')).toBe('HIT');
    expect((await editor.api('PATCH', `/images/${photoId}`, { alt: 'Mara Quinn at her desk' })).status).toBe(200);
    const photo = await get(site, '/author/mara-quinn');
    expect([photo.headers.get('x-cache'), parseHtml(photo.body).querySelector('.profile-photo img')!.getAttribute('alt')]).toEqual(['MISS', 'Mara Quinn at her desk']);
  });

  it('keeps a beat when its topic is merged into another, on the author page at once', async () => {
    const a = await editor.api('POST', '/articles', { section: 'global', headline: 'Heat records fall', topics: ['Climate crisis'] });
    await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' });
    await get(site, '/author/mara-quinn');
    const topics = await site.dateline.store.content.topicsWithCounts();
    const id = (name: string) => topics.find((t) => t.name === name)!.id;
    expect((await editor.api('POST', `/topics/${id('Climate')}/merge`, { into: id('Climate crisis') })).status).toBe(200);
    expect((await editor.api('GET', `/people/${ids['Mara Quinn']}`)).json.beat).toEqual(['Water', 'Climate crisis']);
    const page = parseHtml((await get(site, '/author/mara-quinn')).body);
    expect([...page.querySelectorAll('.profile-beat a')].map((l) => l.textContent)).toEqual(['Water', 'Climate crisis']);
  });

  it('carries the profiles through export and import-site', async () => {
    const file = path.join(site.dataDir, 'site.jsonl');
    expect((await site.cli(['export', file])).code).toBe(0);
    const moved = tempDataDir('staff-moved');
    const imported = await dateline(['import-site', file], { ...dataEnv(moved), DATELINE_MEDIA: path.join(site.dataDir, 'media'), DATELINE_DEMO: 'false' });
    expect(imported.code, imported.stderr).toBe(0);
    const columns = "slug, job_title, team, team_position, staff_position, links, email, email_public, photo_id, user_id from people where slug = 'mara-quinn'";
    expect(query(moved, `select ${columns}`)).toEqual(query(site.dataDir, `select ${columns}`));
    const beats = 'select person_id, topic_id, position from person_beats order by person_id, position';
    expect(query(moved, beats)).toEqual(query(site.dataDir, beats));
    expect(query(moved, beats).length).toBe(3);
  });
});
