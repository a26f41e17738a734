import { build, type Dateline } from '../../src/app/index.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { Window } from 'happy-dom';
import { dateline, tempDataDir } from './cli.js';
import { dataEnv } from './database.js';

export interface TestSite {
  config: Config;
  dataDir: string;
  dateline: Dateline;
  /** Base URL once `listen()` ran, e.g. http://127.0.0.1:41234 */
  url: string;
  cli(args: string[], input?: string): ReturnType<typeof dateline>;
  /** Adds a newsroom account through the CLI; the password is "correct horse battery". */
  addUser(email: string, role: 'contributor' | 'editor' | 'admin', name?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A site on a fresh SQLite data folder, served over real HTTP on 127.0.0.1. `sections` are added
 * through the CLI first (the demo newsroom is not loaded unless asked for).
 */
export const password = 'correct horse battery';

export async function startSite(
  label: string,
  opts: { sections?: string[]; demo?: boolean; env?: Record<string, string>; now?: () => Date } = {},
): Promise<TestSite> {
  const dataDir = tempDataDir(label);
  const env = { ...dataEnv(dataDir), SITE_URL: 'https://news.example.test', SITE_NAME: 'Dateline Test', ...opts.env };
  const cli = (args: string[], input?: string) => dateline(args, env, input);
  await mustSucceed(cli(['migrate']));
  if (opts.demo) await mustSucceed(cli(['demo']));
  for (const name of opts.sections ?? []) await mustSucceed(cli(['section', 'add', '--name', name]));
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent', PORT: '0' });
  const app = await build(config, { logger: false, now: opts.now });
  const url = await app.app.listen({ port: 0, host: '127.0.0.1' });
  const addUser = async (email: string, role: string, name?: string) => {
    await mustSucceed(cli(['user', 'add', '--email', email, '--role', role, '--password-stdin', ...(name ? ['--name', name] : [])], `${password}\n`));
  };
  return { config, dataDir, dateline: app, url, cli, addUser, close: () => app.close() };
}

async function mustSucceed(run: ReturnType<typeof dateline>): Promise<void> {
  const r = await run;
  if (r.code !== 0) throw new Error(`dateline failed (${r.code}): ${r.stderr}`);
}

/** Parses HTML into a DOM (happy-dom) so tests can query it like a browser would. */
export function parseHtml(markup: string): Document {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  return new window.DOMParser().parseFromString(markup, 'text/html') as unknown as Document;
}

export async function get(site: TestSite, path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(site.url + path, { redirect: 'manual' });
  return { status: res.status, body: await res.text(), headers: res.headers };
}
