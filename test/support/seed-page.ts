import fs from 'node:fs';
import path from 'node:path';
import { seedDir } from './paths.js';

/** The seed page (../shared/seed/article.txt) read line by line, as its README describes it. */
export interface SeedPage {
  breadcrumb: string[];
  headline: string;
  /** "April 30 , 2019" as captured. */
  dateText: string;
  caption: string;
  credit: string;
  paragraphs: string[];
  topics: string[];
}

export function readSeedPage(): SeedPage {
  const lines = fs.readFileSync(path.join(seedDir, 'article.txt'), 'utf8')
    .split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const [first, headline, dateText, captionLine, ...rest] = lines;
  const crumbs = first!.replace(/^date \S+\s+/, '').split('>').map((c) => c.trim());
  const topicsAt = rest.indexOf('TOPICS:');
  const credit = /\(([^)]+)\)\s*$/.exec(captionLine!)![1]!;
  return {
    breadcrumb: crumbs,
    headline: headline!,
    dateText: dateText!,
    caption: captionLine!.replace(/\s*\([^)]+\)\s*$/, ''),
    credit,
    paragraphs: rest.slice(0, topicsAt),
    topics: rest[topicsAt + 1]!.split(/\s+/),
  };
}
