import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { dateline, tempDataDir } from './support/cli.js';
import { dataEnv, testEngine } from './support/database.js';
import { signIn, type Client } from './support/http.js';
import { get, parseHtml, startSite, type TestSite } from './support/site.js';

interface Link { label: string; href: string; current: string | null; children?: Link[] }

/** The header's menu as a reader's browser has it: labels, addresses, sub-items. */
function headerMenu(markup: string): Link[] {
  const nav = parseHtml(markup).querySelector('nav[aria-label="Sections"]');
  if (!nav) throw new Error('no Sections menu on the page');
  const link = (a: Element): Link => ({ label: a.textContent ?? '', href: a.getAttribute('href') ?? '', current: a.getAttribute('aria-current') });
  return [...nav.querySelectorAll(':scope > ul > li')].map((li) => {
    const sub = [...li.querySelectorAll('ul a')].map(link);
    return { ...link(li.querySelector(':scope > a')!), ...(sub.length ? { children: sub } : {}) };
  });
}
const labels = (links: Link[]) => links.map((l) => (l.children ? [l.label, l.children.map((c) => c.label)] : l.label));
const footerLinks = (markup: string) =>
  [...parseHtml(markup).querySelectorAll('footer nav[aria-label="Footer"] a')].map((a) => [a.textContent, a.getAttribute('href')]);

type Fields = [string, string][];

/** What a browser would send for a form: every named input and select, in document order. */
function fieldsOf(form: Element): Fields {
  return [...form.querySelectorAll('input[name], select[name]')].map((el) => {
    if (el.tagName !== 'SELECT') return [el.getAttribute('name')!, el.getAttribute('value') ?? ''];
    const chosen = el.querySelector('option[selected]') ?? el.querySelector('option');
    return [el.getAttribute('name')!, chosen?.getAttribute('value') ?? ''];
  });
}

/** Sets the n-th field of a name (the rows' fields repeat: row n has the n-th of each). */
function setField(fields: Fields, name: string, n: number, value: string): void {
  const at = fields.map((f, i) => [f, i] as const).filter(([f]) => f[0] === name)[n];
  if (!at) throw new Error(`no field ${name} #${n}`);
  fields[at[1]] = [name, value];
}

/** The editor's rows of a menu form: [depth, target, url, label]. */
function rowsOf(form: Element): string[][] {
  const f = fieldsOf(form);
  const col = (name: string) => f.filter(([n]) => n === name).map(([, v]) => v);
  const [depth, target, url, label] = ['depth', 'target', 'url', 'label'].map(col) as [string[], string[], string[], string[]];
  return depth.map((d, i) => [d, target[i]!, url[i]!, label[i]!]);
}

describe('admins arrange the header and footer menus', () => {
  let site: TestSite;
  let admin: Client;
  let editor: Client;
  let aboutId: number;
  let electionsStory: { id: number; url: string };
  let africaStoryUrl: string;

  const publish = async (headline: string, section: string, topics: string[]) => {
    const a = await editor.api('POST', '/articles', { headline, section, topics, bodyHtml: '<p>Text.</p>' });
    const p = await editor.api('POST', `/articles/${a.json.id}/status`, { status: 'published' });
    return { id: a.json.id as number, url: p.json.url as string };
  };
  const putHeader = (items: unknown[]) => admin.api('PUT', '/menus/header', { items });

  beforeAll(async () => {
    site = await startSite('menus', { sections: ['Global', 'Politics', 'Sport'] });
    await site.addUser('ada@example.org', 'admin', 'Ada Admin');
    await site.addUser('eda@example.org', 'editor', 'Eda Editor');
    [admin, editor] = await Promise.all([signIn(site, 'ada@example.org'), signIn(site, 'eda@example.org')]);
    for (const name of ['Africa', 'Europe']) expect((await admin.api('POST', '/sections', { name, parent: 'global' })).status).toBe(201);
    electionsStory = await publish('Voters go to the polls', 'politics', ['Elections']);
    africaStoryUrl = (await publish('Rains return to the Sahel', 'africa', ['Climate'])).url;
    await publish('Turnout was high', 'politics', ['Turnout']);
    const about = await editor.api('POST', '/pages', { title: 'About us', slug: 'about', bodyHtml: '<p>Who we are.</p>', status: 'published' });
    expect(about.status).toBe(201);
    aboutId = about.json.id;
  });
  afterAll(() => site?.close());

  it('without a saved menu, the header is Home and every top-level section, and the footer has no menu', async () => {
    const home = (await get(site, '/')).body;
    expect(labels(headerMenu(home))).toEqual(['Home', 'Global', 'Politics', 'Sport']);
    expect(headerMenu(home)[0]!.current).toBe('page');
    expect(footerLinks(home)).toEqual([]);
    const header = await admin.api('GET', '/menus/header');
    expect(header.json).toEqual({
      name: 'header', saved: false,
      items: [{ label: 'Home', url: '/' }, { label: 'Global', section: 'global' }, { label: 'Politics', section: 'politics' }, { label: 'Sport', section: 'sport' }],
    });
    expect((await admin.api('GET', '/menus/footer')).json).toEqual({ name: 'footer', saved: false, items: [] });
  });

  it('shows a saved header menu, in its order with its sub-items, on every kind of page', async () => {
    const items = [
      { label: 'About', page: aboutId },
      { label: 'World', section: 'global', children: [{ label: 'Africa', section: 'africa' }, { label: 'Europe', section: 'europe' }] },
      { label: 'Elections', topic: 'elections' },
      { label: 'Elsewhere', url: 'https://elsewhere.example/news' },
    ];
    const put = await putHeader(items);
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ name: 'header', saved: true, items });
    const expected = [
      { label: 'About', href: '/about' },
      { label: 'World', href: '/global', children: [{ label: 'Africa', href: '/africa' }, { label: 'Europe', href: '/europe' }] },
      { label: 'Elections', href: '/topic/elections' },
      { label: 'Elsewhere', href: 'https://elsewhere.example/news' },
    ];
    const strip = (links: Link[]): unknown[] => links.map(({ current: _, children, ...l }) => (children ? { ...l, children: strip(children) } : l));
    for (const path of ['/', '/global', '/africa', electionsStory.url, africaStoryUrl, '/topic/elections', '/about', '/search?q=rains', '/no-such-page']) {
      const page = await get(site, path);
      expect(page.status, path).toBe(path === '/no-such-page' ? 404 : 200);
      expect(strip(headerMenu(page.body)), path).toEqual(expected);
    }
    // The sub-items open in a disclosure that needs no script.
    expect(parseHtml((await get(site, '/')).body).querySelector('nav[aria-label="Sections"] details > summary')!.textContent).toBe('More in World');
  });

  it('marks where the reader is, as the default header did', async () => {
    const current = async (path: string) => {
      const marks: Record<string, string> = {};
      for (const l of headerMenu((await get(site, path)).body).flatMap((l) => [l, ...(l.children ?? [])])) if (l.current) marks[l.label] = l.current;
      return marks;
    };
    expect(await current('/global')).toEqual({ World: 'page' });
    expect(await current('/africa')).toEqual({ World: 'true', Africa: 'page' });
    expect(await current(africaStoryUrl)).toEqual({ World: 'true', Africa: 'true' });
    expect(await current('/about')).toEqual({ About: 'page' });
    expect(await current('/topic/elections')).toEqual({ Elections: 'page' });
    expect(await current('/')).toEqual({});
  });

  it('shows a saved footer menu as its own list, labels escaped; the footer has no sub-items', async () => {
    const nested = await admin.api('PUT', '/menus/footer', { items: [{ label: 'About', page: aboutId, children: [{ label: 'x', url: '/x' }] }] });
    expect([nested.status, nested.json.error.field]).toEqual([400, 'items.0.children']);
    const put = await admin.api('PUT', '/menus/footer', { items: [{ label: 'About us', page: aboutId }, { label: 'Tips <b>&</b> "leaks"', url: '/tips' }, { label: 'Sport', section: 'sport' }] });
    expect(put.status).toBe(200);
    for (const path of ['/', electionsStory.url, '/no-such-page']) {
      expect(footerLinks((await get(site, path)).body), path).toEqual([['About us', '/about'], ['Tips <b>&</b> "leaks"', '/tips'], ['Sport', '/sport']]);
    }
    expect(parseHtml((await get(site, '/')).body).querySelector('footer nav b')).toBeNull();
  });

  it('refuses a bad item with 400 naming it, and keeps the menu as it was', async () => {
    const before = (await admin.api('GET', '/menus/header')).json;
    const cases: [unknown[], string][] = [
      [[{ label: 'A', section: 'global' }, { label: 'B', section: 'sport' }, { label: 'Gone', page: 999 }], 'items.2.page'],
      [[{ label: 'World', section: 'global', children: [{ label: 'Mars', section: 'mars' }] }], 'items.0.children.0.section'],
      [[{ label: 'No such topic', topic: 'nothing-here' }], 'items.0.topic'],
      [[{ label: '   ', section: 'global' }], 'items.0.label'],
      [[{ label: 'x'.repeat(61), section: 'global' }], 'items.0.label'],
      [[{ label: 'Both', section: 'global', url: '/x' }], 'items.0.url'],
      [[{ label: 'Neither' }], 'items.0'],
      [[{ label: 'Script', url: 'javascript:alert(1)' }], 'items.0.url'],
      [[{ label: 'Elsewhere', url: '//evil.example/' }], 'items.0.url'],
      [[{ label: 'Deep', section: 'global', children: [{ label: 'Deeper', section: 'africa', children: [{ label: 'x', url: '/x' }] }] }], 'items.0.children.0.children'],
      [Array.from({ length: 31 }, (_, i) => ({ label: `Item ${i}`, url: `/x${i}` })), 'items'],
    ];
    for (const [items, field] of cases) {
      const r = await putHeader(items);
      expect([r.status, r.json.error.field], field).toEqual([400, field]);
    }
    expect((await putHeader([{ label: 'Gone', page: 999 }])).json.error.message).toContain('Gone');
    expect((await admin.api('GET', '/menus/header')).json).toEqual(before);
  });

  it('describes the menus in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${site.url}/api/v1/openapi.json`)).json()) as any;
    const put = doc.paths['/menus/{name}'].put;
    expect(Object.keys(put.requestBody.content['application/json'].schema.properties)).toEqual(['items']);
    expect(doc.paths['/menus/{name}'].get.responses[403]).toBeDefined();
  });

  it('lets only admins see or change the menus, with the CSRF token when signed in by cookie', async () => {
    const items = [{ label: 'Home', url: '/' }];
    expect((await editor.api('GET', '/menus/header')).status).toBe(403);
    expect((await editor.api('PUT', '/menus/header', { items })).status).toBe(403);
    expect((await fetch(`${site.url}/api/v1/menus/header`)).status).toBe(401);
    const anonymous = await fetch(`${site.url}/api/v1/menus/header`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
    expect(anonymous.status).toBe(401);
    expect((await admin.api('PUT', '/menus/header', { items }, { csrf: false })).status).toBe(403);
    expect((await admin.api('GET', '/menus/sidebar')).status).toBe(404);
    expect((await admin.api('GET', '/menus/header')).json.items).not.toEqual(items);
  });

  it('is live on the next request of a cached page, and audited', async () => {
    await get(site, '/sport');
    expect((await get(site, '/sport')).headers.get('x-cache')).toBe('HIT');
    const r = await putHeader([{ label: 'Home', url: '/' }, { label: 'Sport', section: 'sport' }]);
    expect(r.status).toBe(200);
    const next = await get(site, '/sport');
    expect(labels(headerMenu(next.body))).toEqual(['Home', 'Sport']);
    const audit = await site.dateline.store.audit.list({ page: 1, pageSize: 10, action: 'menu-save' });
    expect(audit.items[0]).toMatchObject({ actor: 'ada@example.org', subject: 'menu:header', detail: { items: 2, labels: ['Home', 'Sport'] } });
  });

  it('leaves out, at once on cached pages, an item whose page, topic or section readers cannot open', async () => {
    const polls = await publish('Polls close at ten', 'politics', ['Polls']);
    const put = await putHeader([
      { label: 'About', page: aboutId },
      { label: 'Politics', section: 'politics', children: [{ label: 'Elections', topic: 'elections' }, { label: 'Polls', topic: 'polls' }, { label: 'Turnout', topic: 'turnout' }] },
    ]);
    expect(put.status).toBe(200);
    const shown = async () => {
      await get(site, '/sport');
      const again = await get(site, '/sport');
      expect(again.headers.get('x-cache')).toBe('HIT');
      return { now: labels(headerMenu((await get(site, '/global')).body)), cached: labels(headerMenu(again.body)) };
    };
    const menuOnSport = async () => labels(headerMenu((await get(site, '/sport')).body));
    expect((await shown()).now).toEqual(['About', ['Politics', ['Elections', 'Polls', 'Turnout']]]);

    // The page is unpublished: its item goes (and comes back when it is published again).
    await shown();
    expect((await editor.api('PATCH', `/pages/${aboutId}`, { status: 'unpublished' })).status).toBe(200);
    expect(await menuOnSport()).toEqual([['Politics', ['Elections', 'Polls', 'Turnout']]]);

    // The topic's only published story comes down: the topic has no page, so no item.
    await shown();
    expect((await editor.api('POST', `/articles/${electionsStory.id}/status`, { status: 'unpublished' })).status).toBe(200);
    expect(await menuOnSport()).toEqual([['Politics', ['Polls', 'Turnout']]]);
    await shown();
    expect((await editor.api('POST', `/articles/${electionsStory.id}/status`, { status: 'published' })).status).toBe(200);
    expect(await menuOnSport()).toEqual([['Politics', ['Elections', 'Polls', 'Turnout']]]);

    // A topic merged into another is gone.
    await shown();
    const topics = await site.dateline.store.content.topicsWithCounts();
    const id = (name: string) => topics.find((t) => t.name === name)!.id;
    expect((await editor.api('POST', `/topics/${id('Polls')}/merge`, { into: id('Elections') })).status).toBe(200);
    expect(await menuOnSport()).toEqual([['Politics', ['Elections', 'Turnout']]]);
    expect((await get(site, polls.url)).status).toBe(200);
  });

  it('travels with the site: dateline export and import-site carry the menus', async () => {
    const work = tempDataDir('menus-transfer');
    try {
      const file = path.join(work, 'site.jsonl');
      const out = await site.cli(['export', file]);
      expect(out.code, out.stderr).toBe(0);
      const rows = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('"table":"menus"'));
      expect(rows).toHaveLength(2);
      const target = path.join(work, 'target');
      const env: Record<string, string> = { ...dataEnv(target), DATELINE_DEMO: 'false', DATELINE_MEDIA: path.join(site.dataDir, 'media') };
      const imported = await dateline(['import-site', file], env);
      expect(imported.code, imported.stderr).toBe(0);
      const moved = openStore(testEngine === 'postgres' ? { postgres: { url: env.DATABASE_URL!, poolSize: 2 } } : { sqliteFile: path.join(target, 'dateline.sqlite') });
      try {
        const here = site.dateline.store.content;
        for (const name of ['header', 'footer'] as const) expect(await moved.content.menu(name)).toEqual(await here.menu(name));
        expect(await moved.content.navigation()).toEqual(await here.navigation());
      } finally {
        await moved.close();
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  describe('in the newsroom, with plain form posts', () => {
    const editorPage = async (client: Client) => fetch(`${site.url}/newsroom/menus`, { headers: { cookie: client.cookie }, redirect: 'manual' });
    const headerForm = (doc: Document) => doc.querySelector('form[action="/newsroom/menus/header"]')!;
    /** Presses a button of the header form: the form as it is (changed by `edit`), and the button's op. */
    const press = async (doc: Document, op: string, edit?: (f: Fields) => void) => {
      const fields = fieldsOf(headerForm(doc));
      edit?.(fields);
      const r = await fetch(`${site.url}/newsroom/menus/header`, {
        method: 'POST', redirect: 'manual',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([...fields, ['op', op]]).toString(),
      });
      return { status: r.status, location: r.headers.get('location'), doc: parseHtml(await r.text()) };
    };

    beforeAll(async () => {
      expect((await putHeader([{ label: 'Home', url: '/' }, { label: 'Global', section: 'global' }, { label: 'Politics', section: 'politics' }])).status).toBe(200);
    });

    it('is for admins only, linked from their newsroom menu, every form with its CSRF token', async () => {
      expect((await editorPage(editor)).status).toBe(403);
      const r = await editorPage(admin);
      expect(r.status).toBe(200);
      const doc = parseHtml(await r.text());
      expect(doc.querySelector('nav[aria-label="Newsroom"] a[href="/newsroom/menus"]')).not.toBeNull();
      const forms = [...doc.querySelectorAll('main form')];
      expect(forms.length).toBe(2);
      for (const form of forms) expect(form.querySelector('input[name="_csrf"]')!.getAttribute('value')).toBe(admin.csrf);
      const noToken = await fetch(`${site.url}/newsroom/menus/header`, {
        method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'op=save&depth=0&target=url&url=%2F&label=Home', redirect: 'manual',
      });
      expect(noToken.status).toBe(403);
      expect(rowsOf(headerForm(doc)).map((r) => r[3])).toEqual(['Home', 'Global', 'Politics']);
      // Each button is a real button named after its item.
      const names = [...headerForm(doc).querySelectorAll('button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
      expect(names).toEqual(expect.arrayContaining(['Move up “Global”', 'Move down “Global”', 'Remove “Global”', 'Add sub-item “Global”', 'Add item to the header menu', 'Save the header menu']));
    });

    it('moves, adds and removes items without saving, then saves them for readers', async () => {
      let doc = parseHtml(await (await editorPage(admin)).text());
      let r = await press(doc, 'up:2');
      expect(r.status).toBe(200);
      expect(rowsOf(headerForm(r.doc)).map((row) => row[3])).toEqual(['Home', 'Politics', 'Global']);
      // The moved item's button keeps the keyboard's place when the page comes back.
      expect(headerForm(r.doc).querySelector('button[autofocus]')!.getAttribute('value')).toBe('up:1');
      expect((await admin.api('GET', '/menus/header')).json.items.map((i: { label: string }) => i.label)).toEqual(['Home', 'Global', 'Politics']);

      r = await press(r.doc, 'down:0');
      expect(rowsOf(headerForm(r.doc)).map((row) => row[3])).toEqual(['Politics', 'Home', 'Global']);
      r = await press(r.doc, 'add-child:2');
      expect(rowsOf(headerForm(r.doc))).toEqual([['0', 'section:politics', '', 'Politics'], ['0', 'url', '/', 'Home'], ['0', 'section:global', '', 'Global'], ['1', '', '', '']]);
      r = await press(r.doc, 'add', (f) => {
        setField(f, 'target', 3, 'section:africa');
        setField(f, 'label', 3, 'Africa');
      });
      r = await press(r.doc, 'remove:0', (f) => {
        setField(f, 'target', 4, 'url');
        setField(f, 'url', 4, 'https://elsewhere.example/');
        setField(f, 'label', 4, 'Elsewhere');
      });
      expect(rowsOf(headerForm(r.doc))).toEqual([
        ['0', 'url', '/', 'Home'], ['0', 'section:global', '', 'Global'], ['1', 'section:africa', '', 'Africa'], ['0', 'url', 'https://elsewhere.example/', 'Elsewhere'],
      ]);
      const saved = await press(r.doc, 'save');
      expect([saved.status, saved.location]).toEqual([303, '/newsroom/menus?ok=Header%20menu%20saved']);
      expect(labels(headerMenu((await get(site, '/sport')).body))).toEqual(['Home', ['Global', ['Africa']], 'Elsewhere']);
      doc = parseHtml(await (await editorPage(admin)).text());
      expect(rowsOf(headerForm(doc)).map((row) => row[3])).toEqual(['Home', 'Global', 'Africa', 'Elsewhere']);
    });

    it('shows a refusal beside its row, keeping what was typed', async () => {
      const doc = parseHtml(await (await editorPage(admin)).text());
      const r = await press(doc, 'save', (f) => {
        setField(f, 'label', 0, 'Front page');
        setField(f, 'url', 3, 'ftp://elsewhere.example/');
      });
      expect(r.status).toBe(400);
      const rows = [...headerForm(r.doc).querySelectorAll('fieldset')];
      const error = rows[3]!.querySelector('.nr-menu-error')!;
      expect(error.textContent).toContain('Elsewhere');
      expect(rows[3]!.querySelector('input[name="url"]')!.getAttribute('aria-invalid')).toBe('true');
      expect(rows[3]!.querySelector('input[name="url"]')!.getAttribute('aria-describedby')).toBe(error.id);
      expect(rows.filter((row) => row.querySelector('.nr-menu-error'))).toHaveLength(1);
      expect(rowsOf(headerForm(r.doc))[0]).toEqual(['0', 'url', '/', 'Front page']);
      expect((await admin.api('GET', '/menus/header')).json.items[0].label).toBe('Home');
    });
  });
});
