/**
 * Quality of the public pages as Lighthouse and axe-core see them in a real Chromium: the seed
 * article, the home page, a section and a search results page, on the demo site served by
 * `dateline serve` in its own process. Prints each page's four Lighthouse scores (mobile, with
 * Lighthouse's simulated slow 4G and 4x CPU slowdown), the audits that cost points, and axe's
 * violations.
 *
 *   npx tsx bench/lighthouse.ts [--runs 3]
 *
 * Each page is measured `runs` times and the median performance score kept (Lighthouse's own
 * advice: single runs vary). Chromium is Debian's (/usr/bin/chromium, or CHROME_PATH).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { datelineCli, root, seedNinjs } from './support.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));
const seed = seedNinjs;
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-lighthouse-'));
const env = { ...process.env, DATELINE_DATA: dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1' };
const chromeFlags = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

const cli = datelineCli(env);

function waitFor(child: ChildProcess, stream: 'stdout' | 'stderr', pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child[stream]!.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = pattern.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`${child.spawnfile} exited ${code}: ${seen.slice(-500)}`)));
  });
}

/** Chromium with its DevTools port open, for Lighthouse to drive. */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-chromium-'));
  const child = spawn(chromePath, [...chromeFlags, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank']);
  const port = Number(await waitFor(child, 'stderr', /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//));
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  return { port, stop };
}

interface Scores { performance: number; accessibility: number; 'best-practices': number; seo: number }
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

async function audit(url: string, port: number) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
  if (!result) throw new Error(`lighthouse gave no result for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as unknown as Scores;
  // The audits that cost points: those with a weight in a category and a score below 1.
  const lost = categories.flatMap((c) => (lhr.categories[c]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id]!.displayValue ?? lhr.audits[ref.id]!.score})`));
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
    .map((id) => `${id.split('-').map((w) => w[0]).join('').toUpperCase()} ${lhr.audits[id]?.displayValue ?? '?'}`);
  // Search results say noindex on purpose (the convention: they are not pages to rank), which
  // Lighthouse's is-crawlable audit counts against SEO; the score without that one audit shows the rest.
  const seo = lhr.categories.seo?.auditRefs ?? [];
  const others = seo.filter((r) => r.id !== 'is-crawlable' && r.weight > 0 && lhr.audits[r.id]?.score !== null);
  const seoBesidesNoindex = Math.round(100 * others.reduce((n, r) => n + r.weight * (lhr.audits[r.id]!.score ?? 0), 0) / others.reduce((n, r) => n + r.weight, 0));
  return { scores, lost, metrics, seoBesidesNoindex };
}

async function axeViolations(urls: string[]): Promise<Map<string, string[]>> {
  const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags });
  const found = new Map<string, string[]>();
  try {
    for (const url of urls) {
      // The site's CSP forbids inline scripts, axe's included: the audit context bypasses it.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(url);
      await page.addScriptTag({ content: axeSource });
      const ids = await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
        return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      found.set(url, ids);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return found;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (!fs.existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath}: install Debian's chromium or set CHROME_PATH`);
  await cli(['migrate']);
  await cli(['demo']);
  const imported = await cli(['import', seed, '--section', 'global', '--publish']);
  const articlePath = /at http:\/\/127\.0\.0\.1(\S+)/.exec(imported)![1]!;
  const server = spawn(process.execPath, [path.join(root, 'bin/dateline.js'), 'serve', '--port', '0'], { env });
  const base = await waitFor(server, 'stdout', /at (http:\/\/\S+)/);
  const pages: [string, string][] = [
    ['article', articlePath], ['home', '/'], ['section', '/global'], ['search', '/search?q=Nangarhar'],
  ];
  const chrome = await startChromium();
  try {
    const cpus = os.cpus();
    console.log(`machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
    console.log(`lighthouse 12.8 (mobile, simulated throttling), median of ${runs} run(s) per page; axe-core ${JSON.parse(fs.readFileSync(path.join(root, 'node_modules/axe-core/package.json'), 'utf8')).version}\n`);
    const rows: string[] = [];
    const notes: string[] = [];
    for (const [name, p] of pages) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await audit(base + p, chrome.port));
      const perf = median(results.map((r) => r.scores.performance));
      const typical = results.find((r) => r.scores.performance === perf)!;
      rows.push([name.padEnd(10), String(perf).padStart(5), ...(['accessibility', 'best-practices', 'seo'] as const).map((c) => String(typical.scores[c]).padStart(8))].join('  ')
        + `   ${typical.metrics.join(', ')}`);
      for (const l of typical.lost) notes.push(`  ${name}: ${l}`);
      if (typical.lost.some((l) => l.includes('is-crawlable'))) {
        notes.push(`  ${name}: noindex is deliberate here; SEO from every other audit: ${typical.seoBesidesNoindex}`);
      }
    }
    console.log('page         perf      a11y   best-pr       seo   metrics');
    for (const r of rows) console.log(r);
    console.log(notes.length ? `\naudits that cost points:\n${notes.join('\n')}` : '\nno audit cost points');
    const axe = await axeViolations(pages.map(([, p]) => base + p));
    console.log('\naxe-core violations:');
    for (const [name, p] of pages) {
      const v = axe.get(base + p)!;
      console.log(`  ${name.padEnd(10)} ${v.length}${v.length ? `: ${v.join(', ')}` : ''}`);
    }
  } finally {
    await chrome.stop();
    server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
