import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNinjs } from './support/paths.js';
import { signIn, type Client } from './support/http.js';
import { startSite, type TestSite } from './support/site.js';

interface Suggestion {
  topic: { id: number; slug: string; name: string } | null;
  name: string;
  kind: 'existing' | 'new';
  type: string;
  mentions: string[];
  reasons: string[];
}

const seed = JSON.parse(fs.readFileSync(seedNinjs, 'utf8'));
const seedText = {
  headline: seed.headline as string,
  body: seed.body_html as string,
  captions: [seed.associations.featuremedia.description_text as string],
};

// Our own corpus: stories on the Afghan-Pakistani border filed under Pakistan, and others not.
const corpus = [
  {
    headline: 'Pakistan shuts Torkham crossing as fighting spreads in Nangarhar',
    body: 'Pakistan closed the Torkham border crossing after clashes between Taliban and Islamic State fighters in Nangarhar province of Afghanistan. Traders in Peshawar said hundreds of lorries were stranded.',
    topics: ['Pakistan', 'Afghanistan'],
  },
  {
    headline: 'IS-K claims bombing in Jalalabad, capital of Nangarhar',
    body: 'The Islamic State affiliate in Afghanistan said it carried out the attack. Officials in Islamabad said Pakistan had reinforced its border with Afghanistan after militants crossed from Nangarhar.',
    topics: ['Pakistan', 'Afghanistan', 'Islamic State'],
  },
  {
    headline: 'Refugees return from Pakistan to eastern Afghanistan',
    body: 'Thousands of Afghan families returned from Pakistan to Nangarhar and Kunar, the UN refugee agency said, as Pakistan tightened rules on undocumented migrants from Afghanistan.',
    topics: ['Pakistan', 'Afghanistan', 'Refugees'],
  },
  {
    headline: 'Cup final goes to penalties after a goalless draw',
    body: 'The final went to penalties after 120 minutes without a goal. The goalkeeper saved twice in the shoot-out.',
    topics: ['Football'],
  },
];

describe('editors get topics suggested from the story text', () => {
  let site: TestSite;
  let editor: Client;
  let rita: Client;
  const suggest = async (client: Client, body: unknown) => client.api('POST', '/topics/suggest', body);
  const topicId = async (name: string) => (await site.dateline.store.content.topicsWithCounts()).find((t) => t.name === name)!.id;

  beforeAll(async () => {
    site = await startSite('suggest', { sections: ['Global'] });
    await site.addUser('eda@example.org', 'editor');
    await site.addUser('rita@example.org', 'contributor');
    [editor, rita] = await Promise.all([signIn(site, 'eda@example.org'), signIn(site, 'rita@example.org')]);
    for (const story of corpus) {
      const a = await editor.api('POST', '/articles', { ...story, bodyHtml: `<p>${story.body}</p>`, section: 'global' });
      expect(a.status).toBe(201);
      expect((await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' })).status).toBe(200);
    }
    const aliases = await editor.api('PATCH', `/topics/${await topicId('Islamic State')}`, { aliases: ['IS', 'ISIS', 'ISIL', 'Daesh'] });
    expect(aliases.json.aliases).toEqual(['IS', 'ISIS', 'ISIL', 'Daesh']);
  });
  afterAll(() => site?.close());

  it('suggests Afghanistan, Pakistan, Islamic State and Nangarhar for the seed article', async () => {
    const r = await suggest(editor, seedText);
    expect(r.status).toBe(200);
    const list = r.json.suggestions as Suggestion[];
    const byName = new Map(list.map((s) => [s.name, s]));
    for (const name of ['Afghanistan', 'Pakistan', 'Islamic State', 'Nangarhar']) expect(byName.has(name), name).toBe(true);

    // Islamic State is one suggestion, found under every spelling the text uses.
    const is = byName.get('Islamic State')!;
    expect(is).toMatchObject({ kind: 'existing', topic: { id: await topicId('Islamic State') } });
    expect(is.mentions).toEqual(expect.arrayContaining(['IS', 'ISIS', 'Islamic State']));
    expect(list.filter((s) => ['IS', 'ISIS', 'Islamic', 'State', 'Islamic state'].includes(s.name))).toEqual([]);

    // Afghanistan is named in the text; Pakistan is not, but the similar stories are filed under it.
    expect(byName.get('Afghanistan')).toMatchObject({ kind: 'existing', type: 'place' });
    expect(byName.get('Afghanistan')!.reasons).toContain('in the headline');
    expect(byName.get('Pakistan')!.kind).toBe('existing');
    expect(byName.get('Pakistan')!.reasons.join(' ')).toMatch(/filed on 3 of the \d+ most similar published stories/);
    // Nangarhar is no topic yet: offered as a new place. Existing topics come first.
    expect(byName.get('Nangarhar')).toMatchObject({ kind: 'new', topic: null, type: 'place' });
    const firstNew = list.findIndex((s) => s.kind === 'new');
    expect(list.slice(firstNew).every((s) => s.kind === 'new')).toBe(true);
    expect(byName.has('Football')).toBe(false);
  });

  it('finds the same topic whatever its spelling, and never takes "is" for IS', async () => {
    const id = await topicId('Islamic State');
    for (const headline of ['Daesh claims the attack', 'ISIL fighters regroup in the desert', 'Islamic State loses its last town', 'IS claims the attack']) {
      const list = (await suggest(editor, { headline, body: '' })).json.suggestions as Suggestion[];
      expect(list.filter((s) => s.topic?.id === id), headline).toHaveLength(1);
    }
    const plain = (await suggest(editor, { headline: 'This is what it is', body: '<p>It is, as it is.</p>' })).json.suggestions as Suggestion[];
    expect(plain.find((s) => s.name === 'Islamic State')).toBeUndefined();
    // An abbreviation counts for a topic only when its long form is the topic's.
    // ("IS" is an alias here, so it counts; "Islamic Society" must not.)
    const society = (await suggest(editor, { headline: 'Islamic Society (IS) opens a library', body: '<p>The Islamic Society said so.</p>' })).json.suggestions as Suggestion[];
    expect(society.find((s) => s.topic?.id === id)!.mentions).toEqual(['IS']);
    // A longer new name does not hide a known topic inside it.
    const army = (await suggest(editor, { headline: 'Pakistan Army moves troops', body: '<p>The Pakistan Army said the move was routine.</p>' })).json.suggestions as Suggestion[];
    expect(army.find((s) => s.name === 'Pakistan')).toMatchObject({ kind: 'existing', mentions: ['Pakistan'] });
  });

  it('files a wire keyword spelt as an alias under its topic, and folds a merged topic into an alias', async () => {
    const a = await editor.api('POST', '/articles', { headline: 'Aliases at work', section: 'global', topics: ['ISIS', 'Daesh'] });
    expect(a.json.topics).toEqual(['Islamic State']);
    const refugees = await topicId('Refugees');
    const taken = await editor.api('PATCH', `/topics/${refugees}`, { aliases: ['IS'] });
    expect(taken.status).toBe(409);
    expect(taken.json.error.message).toContain('already an alias of "Islamic State"');
    expect((await editor.api('PATCH', `/topics/${refugees}`, { aliases: ['Pakistan'] })).status).toBe(409);
    expect((await rita.api('PATCH', `/topics/${refugees}`, { aliases: ['Displaced people'] })).status).toBe(403);
    expect((await rita.api('PATCH', `/topics/${refugees}`, {})).status).toBe(403);
    expect((await editor.api('PATCH', `/topics/${refugees}`, {})).status).toBe(400);
    // Names and aliases are compared as matching compares them: "Afghan-istan" is Afghanistan.
    expect((await editor.api('PATCH', `/topics/${refugees}`, { aliases: ['AFGHANISTAN'] })).status).toBe(409);
    const both = await editor.api('PATCH', `/topics/${refugees}`, { name: 'Refugees and migrants', aliases: ['Islamic State'] });
    expect(both.status).toBe(409);
    expect((await site.dateline.store.content.topicById(refugees))!.name).toBe('Refugees');
    expect((await editor.api('PATCH', `/topics/${refugees}`, { name: 'daesh' })).status).toBe(409);

    // Merging "Football" into "Refugees" (say, by mistake) keeps "Football" as an alias there.
    const merged = await editor.api('POST', `/topics/${await topicId('Football')}/merge`, { into: refugees });
    expect(merged.json.aliases).toEqual(['Football']);
    const b = await editor.api('POST', '/articles', { headline: 'Alias after a merge', section: 'global', topics: ['football'] });
    expect(b.json.topics).toEqual(['Refugees']);
    // Searching for an alias finds the topic's stories.
    const hits = await fetch(`${site.url}/api/v1/search?q=Daesh`).then((r) => r.json());
    expect(hits.items.map((h: { headline: string }) => h.headline)).toContain('IS-K claims bombing in Jalalabad, capital of Nangarhar');
  });

  it('files an imported wire story under existing topics its text names, when the import asks for it', async () => {
    const us = await editor.api('POST', '/articles', { headline: 'A story on Washington', section: 'global', topics: ['United States'] });
    expect((await editor.api('PATCH', `/topics/${await topicId('United States')}`, { aliases: ['US', 'USA'] })).status).toBe(200);
    expect(us.status).toBe(201);
    const r = await site.cli(['import', seedNinjs, '--section', 'global', '--suggest-topics']);
    expect(r.code, r.stderr).toBe(0);
    const id = Number(/article (\d+)/.exec(r.stdout)![1]);
    const names = (await site.dateline.store.content.articleById(id))!.topics.map((t) => t.name);
    // Its keywords (isis -> the alias of Islamic State), plus "US", named six times in the text.
    expect(names).toEqual(expect.arrayContaining(['Afghanistan', 'caliphate', 'Islamic State', 'Pakistan', 'United States']));
    // New names are only offered to editors: an import never invents topics.
    expect(names).not.toContain('Nangarhar');
    expect(await site.dateline.store.content.topicBySlug('nangarhar')).toBeNull();
  });

  it('offers a contributor only topics they may know of', async () => {
    const draft = await editor.api('POST', '/articles', { headline: 'Embargoed: Acme to buy Globex', section: 'global', topics: ['Globex takeover'] });
    expect(draft.status).toBe(201);
    const text = { headline: 'Globex takeover talks', body: '<p>The Globex takeover was discussed. Globex takeover rumours grew.</p>' };
    const forEditor = (await suggest(editor, text)).json.suggestions as Suggestion[];
    expect(forEditor.find((s) => s.name === 'Globex takeover')?.kind).toBe('existing');
    const forRita = (await suggest(rita, text)).json.suggestions as Suggestion[];
    expect(forRita.find((s) => s.topic?.name === 'Globex takeover')).toBeUndefined();
  });

  it('answers bad requests with a clear error', async () => {
    const long = await suggest(editor, { headline: 'x'.repeat(2_000), body: '' });
    expect(long.status).toBe(400);
    expect(long.json.error.field).toBe('headline');
    expect((await suggest(editor, { body: 'no headline' })).status).toBe(400);
    expect((await suggest(editor, { headline: '', body: '' })).json.suggestions).toEqual([]);
    // Long input of the shapes that make naive patterns slow still answers.
    const long1 = await suggest(editor, { headline: 'x', body: 'a'.repeat(150_000) });
    expect(long1.status).toBe(200);
    const long2 = await suggest(editor, { headline: 'x', body: '<a'.repeat(60_000) });
    expect(long2.status).toBe(200);
    const titleCase = await suggest(editor, { headline: 'x', body: Array.from({ length: 3_000 }, (_, i) => `Word${i}`).join(' ') });
    expect(titleCase.status).toBe(200);
    const anonymous = await fetch(`${site.url}/api/v1/topics/suggest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(seedText) });
    expect(anonymous.status).toBe(401);
    expect((await editor.api('POST', '/topics/suggest', seedText, { csrf: false })).status).toBe(403);
  });
});
