/**
 * Publish-to-live: the time from a publish (or edit) call returning to a running server serving
 * the new version, over 100 publishes of new stories (seen on the home page) and 100 edits of a
 * published headline (seen on the story's page). Both pages are in the page cache beforehand, so
 * what is measured is the invalidation, not a first render. The server and the API client are
 * separate processes; the change is made through the newsroom API over HTTP.
 *
 *   npx tsx bench/publish.ts [--articles 10000] [--data DIR] [--count 100]
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { datelineCli, machine, startServer } from './support.js';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '10000' }, data: { type: 'string' }, count: { type: 'string', default: '100' } },
});
const dataDir = values.data ? path.resolve(values.data) : fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-publish-'));
const env = { ...process.env, DATELINE_DATA: dataDir, LOG_LEVEL: 'silent', DATELINE_DEMO: 'false' };
const cli = datelineCli(env);
const count = Number(values.count);

await cli(['migrate']);
if (!values.data) await cli(['generate', '--articles', values.articles!, '--pictures', '4']);
const email = `bench-${process.pid}@example.org`;
await cli(['user', 'add', '--email', email, '--role', 'editor', '--password-stdin'], 'bench password 12345\n');
const token = (await cli(['token', 'create', '--email', email, '--label', 'bench'])).trim().split('\n').at(-1)!;

const server = await startServer(env);
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
function request(method: string, url: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method, agent, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}
const api = async (method: string, p: string, body?: unknown) => {
  const r = await request(method, `${server.url}/api/v1${p}`, body);
  if (r.status >= 300) throw new Error(`${method} ${p}: ${r.status} ${r.text}`);
  return JSON.parse(r.text) as { id: number; url: string | null };
};
/** Milliseconds until `page` contains `text`, asking as fast as the server answers. */
async function untilLive(page: string, text: string, since: number): Promise<number> {
  for (;;) {
    const r = await request('GET', server.url + page);
    if (r.status === 200 && r.text.includes(text)) return performance.now() - since;
    if (performance.now() - since > 10_000) throw new Error(`${page} did not show "${text}" within 10 s`);
  }
}
const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const report = (name: string, xs: number[]) =>
  console.log(`${name.padEnd(34)} p50 ${quantile(xs, 0.5).toFixed(1).padStart(6)} ms   p99 ${quantile(xs, 0.99).toFixed(1).padStart(6)} ms   max ${Math.max(...xs).toFixed(1).padStart(6)} ms`);

console.log(machine());
console.log(`corpus: ${dataDir}; ${count} publishes and ${count} edits through the API, server in its own process\n`);
const published: number[] = [];
const edited: number[] = [];
for (let i = 0; i < count; i++) {
  const headline = `Breaking bench story ${process.pid}-${i}`;
  const draft = await api('POST', '/articles', { headline, section: 'politics', topics: ['elections'], bodyHtml: `<p>${headline}, first version.</p>` });
  await request('GET', server.url + '/'); // the home page is cached without the story
  const live = await api('POST', `/articles/${draft.id}/status`, { status: 'published' });
  published.push(await untilLive('/', headline, performance.now()));

  await request('GET', server.url + live.url!); // its page is cached, then edited
  const corrected = `${headline}, updated`;
  await api('PATCH', `/articles/${draft.id}`, { headline: corrected });
  edited.push(await untilLive(live.url!, corrected, performance.now()));
}
report('new story on the home page', published);
report('edited headline on its page', edited);
server.stop();
agent.destroy();
if (!values.data) fs.rmSync(dataDir, { recursive: true, force: true });
