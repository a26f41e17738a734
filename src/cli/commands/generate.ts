import { generateCorpus } from '../../demo/corpus/index.js';
import { openWorkspace, UsageError, type CliCommand } from '../command.js';
import { progressBar } from '../progress.js';

function count(value: string | boolean | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
  return n;
}

export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'fill the data folder with N generated stories (benchmarks, trying the site at scale)',
  usage: 'dateline generate --articles N [--seed S] [--years Y] [--pictures P]',
  help: [
    'Writes N realistic generated stories: sections and subsections, topics, reporters, agency copy,',
    'pictures shared among them, dates spread over Y years (default 10) up to now, briefs to long reads,',
    'a few drafts and withdrawn stories. The same seed gives the same stories. Adds to what is there.',
    'Shows a progress bar on a terminal.',
  ].join('\n'),
  options: { articles: { type: 'string' }, seed: { type: 'string' }, years: { type: 'string' }, pictures: { type: 'string' } },
  async run({ values }, io) {
    if (values.articles === undefined) throw new UsageError('--articles N is required');
    const articles = count(values.articles, 'articles', 0, 50_000_000);
    const seed = count(values.seed, 'seed', 1, 2 ** 31 - 1);
    const years = count(values.years, 'years', 10, 100);
    const pictures = count(values.pictures, 'pictures', 24, 1000);
    const ws = await openWorkspace(io.env);
    try {
      const started = Date.now();
      await generateCorpus(ws.store, ws.media, { articles, seed, years, pictures, onProgress: progressBar(process.stderr, 'stories', started) });
      const seconds = (Date.now() - started) / 1000;
      const size = await ws.store.sizeBytes();
      io.out(`generated ${articles} stories in ${seconds.toFixed(1)} s (${Math.round(articles / seconds)}/s); database ${(size / 2 ** 20).toFixed(0)} MB`);
      return 0;
    } finally {
      await ws.close();
    }
  },
};
