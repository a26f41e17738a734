import { describe, expect, it } from 'vitest';
import { dateline, tempDataDir } from './support/cli.js';
import { dataEnv } from './support/database.js';

describe('the dateline command', () => {
  it('lists its commands with --help', async () => {
    const r = await dateline(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'migrate', 'import', 'section', 'demo']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  for (const command of ['serve', 'migrate', 'import', 'source', 'section', 'user', 'token', 'reindex', 'demo', 'generate']) {
    it(`explains ${command} with --help and exits 0 without touching data`, async () => {
      const data = tempDataDir('help');
      const r = await dateline([command, '--help'], dataEnv(data));
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: dateline ${command}`));
      expect(r.stderr).toBe('');
    });
  }

  it('says an unknown command is unknown, with exit code 2', async () => {
    const r = await dateline(['publsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dateline: unknown command "publsh" (try dateline --help)\n');
  });

  it('stops on a bad setting with one line naming it', async () => {
    const r = await dateline(['migrate'], { PORT: 'eighty', ...dataEnv(tempDataDir('badcfg')) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dateline migrate: PORT: .+\n$/);
  });

  it('adds and lists sections as a tree', async () => {
    const env = dataEnv(tempDataDir('sections'));
    expect((await dateline(['section', 'add', '--name', 'Business'], env)).stdout).toBe('added section business "Business"\n');
    expect((await dateline(['section', 'add', '--name', 'Markets', '--parent', 'business'], env)).code).toBe(0);
    const dup = await dateline(['section', 'add', '--name', 'Business'], env);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
    const reserved = await dateline(['section', 'add', '--name', 'Topic'], env);
    expect(reserved.stderr).toMatch(/reserved/);
    expect((await dateline(['section', 'list'], env)).stdout).toBe('business\tBusiness\nmarkets\tMarkets (in business)\n');
  });
});
