import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline, tempDataDir } from './support/cli.js';
import { dataEnv, query, testEngine } from './support/database.js';
import { signIn, type Client } from './support/http.js';
import { projectRoot } from './support/paths.js';
import { password, type TestSite } from './support/site.js';
import { until } from './support/until.js';

interface Node {
  url: string;
  child: ChildProcess;
  exited: Promise<void>;
}

/** `dateline serve` in a process of its own, with its own data folder, on the shared database and media folder. */
async function startNode(env: Record<string, string>, label: string): Promise<Node> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/dateline.js'), 'serve', '--port', '0'], {
    cwd: projectRoot,
    env: { ...process.env, ...env, DATELINE_DATA: tempDataDir(`node-${label}`), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /serving .* at (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d) => (out += d));
    void exited.then(() => reject(new Error(`node ${label} exited: ${out}`)));
  });
  return { url, child, exited };
}

const site = (node: Node) => ({ url: node.url }) as TestSite;
const page = async (node: Node, p: string) => {
  const r = await fetch(node.url + p, { redirect: 'manual' });
  return { status: r.status, body: await r.text() };
};

describe.skipIf(testEngine !== 'postgres')('several nodes on one PostgreSQL database', () => {
  const shared = tempDataDir('nodes-shared');
  let env: Record<string, string>;
  let a: Node;
  let b: Node;
  let editorA: Client;
  let editorB: Client;

  beforeAll(async () => {
    const media = path.join(shared, 'media');
    env = { ...dataEnv(shared), DATELINE_MEDIA: media, DATELINE_DEMO: 'false', SCHEDULER_INTERVAL_MS: '200', SITE_URL: 'https://news.example.test' };
    for (const args of [['migrate'], ['section', 'add', '--name', 'Global']]) {
      const r = await dateline(args, env);
      expect(r.code, r.stderr).toBe(0);
    }
    const user = await dateline(['user', 'add', '--email', 'ed@example.org', '--role', 'editor', '--password-stdin'], env, `${password}\n`);
    expect(user.code, user.stderr).toBe(0);
    [a, b] = await Promise.all([startNode(env, 'a'), startNode(env, 'b')]);
    editorA = await signIn(site(a), 'ed@example.org');
    editorB = await signIn(site(b), 'ed@example.org');
  });
  afterAll(async () => {
    for (const n of [a, b]) if (n && n.child.exitCode === null) n.child.kill('SIGTERM');
    await Promise.all([a?.exited, b?.exited]);
  });

  const publish = async (editor: Client, headline: string) => {
    const created = await editor.api('POST', '/articles', { headline, section: 'global', bodyHtml: '<p>Filed from one node.</p>' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const r = await editor.api('POST', `/articles/${created.json.id}/status`, { status: 'published' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json as { id: number; url: string };
  };

  it('shows a story published through node A on node B’s article and home pages within a second', async () => {
    // Node B has its home page cached from before: the change must reach its cache.
    await page(b, '/');
    expect((await page(b, '/')).body).not.toContain('Published on A, read on B');
    const story = await publish(editorA, 'Published on A, read on B');
    const published = Date.now();
    await until('the story on node B', async () => (await page(b, '/')).body.includes('Published on A, read on B')
      && (await page(b, new URL(story.url, 'http://x').pathname)).status === 200, 1000, 25);
    expect(Date.now() - published).toBeLessThan(1000);
  });

  it('still hears of changes after its listening connection was cut: it reconnects and reads what it missed', async () => {
    await page(b, '/');
    const cut = query<{ t: boolean }>(shared, `select pg_terminate_backend(pid) t from pg_stat_activity
      where application_name = 'dateline-listen' and datname = current_database()`);
    expect(cut.length).toBe(2);
    await publish(editorA, 'Published while B was not listening');
    await until('the story on node B', async () => (await page(b, '/')).body.includes('Published while B was not listening'), 5000, 50);
    await until('both nodes listening again', () => query(shared, `select 1 from pg_stat_activity
      where application_name = 'dateline-listen' and datname = current_database()`).length === 2, 5000, 100);
  });

  it('keeps a session signed in on one node good on the other', async () => {
    const onA = await editorA.api('POST', '/articles', { headline: 'Drafted on A', section: 'global', bodyHtml: '<p>Draft.</p>' });
    // The session and its CSRF token, issued by A, used on B: read, then write.
    const headers = { cookie: editorA.cookie, 'x-csrf-token': editorA.csrf, 'content-type': 'application/json' };
    const r = await fetch(`${b.url}/api/v1/articles/${onA.json.id}`, { headers });
    expect(r.status).toBe(200);
    const draft = (await r.json()) as { headline: string; modifiedAt: string };
    expect(draft.headline).toBe('Drafted on A');
    const edited = await fetch(`${b.url}/api/v1/articles/${onA.json.id}`, {
      method: 'PATCH', headers, body: JSON.stringify({ headline: 'Drafted on A, edited on B', baseModifiedAt: draft.modifiedAt }),
    });
    expect(edited.status, await edited.clone().text()).toBe(200);
    expect((await editorA.api('GET', `/articles/${onA.json.id}`)).json.headline).toBe('Drafted on A, edited on B');
  });

  it('serves on node B the picture variants node A made, from the shared media folder', async () => {
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#335577' } }).png().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'bay.png');
    form.append('credit', 'Staff');
    const r = await fetch(`${a.url}/api/v1/images`, { method: 'POST', headers: { cookie: editorA.cookie, 'x-csrf-token': editorA.csrf }, body: form });
    expect(r.status).toBe(201);
    const image = (await r.json()) as { src: string };
    const onB = await fetch(b.url + image.src);
    expect(onB.status).toBe(200);
    expect(Buffer.from(await onB.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('publishes a story scheduled once exactly once, though both nodes run the scheduler', async () => {
    const created = await editorB.api('POST', '/articles', { headline: 'Two schedulers, one publication', section: 'global', bodyHtml: '<p>On time.</p>' });
    const at = new Date(Date.now() + 1200);
    expect((await editorB.api('POST', `/articles/${created.json.id}/status`, { status: 'scheduled', at: at.toISOString() })).status).toBe(200);
    await until('publication', async () => (await editorA.api('GET', `/articles/${created.json.id}`)).json.status === 'published', 10_000);
    await new Promise((r) => setTimeout(r, 800));
    const audits = query<{ n: number }>(shared, `select count(*) n from audit_log where action = 'publish' and subject = 'article:${created.json.id}'`);
    expect(audits[0]!.n).toBe(1);
  });

  it('keeps every story whose publication node A confirmed when A is killed mid-burst: node B serves them all', async () => {
    const confirmed: { url: string; headline: string }[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const headline = `Burst ${w}-${i}`;
        try {
          const created = await editorA.api('POST', '/articles', { headline, section: 'global', bodyHtml: '<p>Burst.</p>' });
          if (created.status !== 201) continue;
          const r = await editorA.api('POST', `/articles/${created.json.id}/status`, { status: 'published' });
          if (r.status === 200) confirmed.push({ url: new URL(r.json.url as string, 'http://x').pathname, headline });
        } catch {
          return; // the node is gone: this call got no answer, so it promised nothing
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    await until('a burst under way', async () => confirmed.length >= 12, 30_000, 5);
    a.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await a.exited;
    expect(confirmed.length).toBeGreaterThanOrEqual(12);
    for (const story of confirmed) {
      const r = await page(b, story.url);
      expect(r.status, story.url).toBe(200);
      expect(r.body).toContain(story.headline);
    }
    fs.rmSync(path.join(shared, 'media'), { recursive: true, force: true });
  });
});
