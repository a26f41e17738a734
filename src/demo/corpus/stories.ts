import type { ArticleStatus } from '../../content/index.js';
import { mulberry32 as random } from '../random.js';
import * as v from './vocabulary.js';

/** One generated story, named by the names of what it is filed under (ids are the loader's business). */
export interface CorpusStory {
  headline: string;
  standfirst: string;
  paragraphs: string[];
  section: string;
  topics: string[];
  /** Staff reporters (people); agency copy may have none. */
  people: string[];
  agency: string | null;
  datelinePlace: string;
  /** Index into the shared picture pool, or null for a story without one. */
  picture: number | null;
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date | null;
}

export interface CorpusPlan {
  /** Stories in this plan, numbered from `first`. */
  count: number;
  first: number;
  seed: number;
  /** The newest story is published at this time; the oldest `years` before. */
  end: Date;
  years: number;
  pictures: number;
  reporters: string[];
}

/** The newsroom's staff: `n` reporters with invented names, the same for a given seed. */
export function reporters(n: number, seed: number): string[] {
  const rand = random(seed * 7 + 1);
  const names = new Set<string>();
  while (names.size < n) names.add(`${pick(rand, v.givenNames)} ${pick(rand, v.familyNames)}`);
  return [...names];
}

// Where stories go, by share of the output of a general newsroom.
const desks: [string, number][] = [
  ['global', 30], ['politics', 14], ['business', 10], ['markets', 5], ['science', 8], ['technology', 8],
  ['health', 6], ['sport', 5], ['football', 5], ['culture', 7], ['opinion', 2],
];
const deskTotal = desks.reduce((n, [, w]) => n + w, 0);
const regionNames = Object.keys(v.regions);
const allCountries = regionNames.flatMap((r) => v.regions[r]!);

/**
 * Story `i` of the plan: the same text for the same seed and index, whatever else is generated,
 * so a corpus can be made in batches (or again) and come out the same.
 */
export function corpusStory(plan: CorpusPlan, i: number): CorpusStory {
  const rand = random(plan.seed * 1_000_003 + i);
  const desk = chooseDesk(rand);
  const region = desk === 'global' ? pick(rand, regionNames) : null;
  const country = region ? pick(rand, v.regions[region]!) : skewed(rand, allCountries);
  const subjectDesk = desk === 'global' || desk === 'opinion' ? 'politics' : desk === 'football' ? 'sport' : desk;
  const subjects = unique(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => skewed(rand, v.subjects[subjectDesk]!)));
  const city = pick(rand, v.cities);
  const w = { rand, country, city, subject: subjects[0]!, subjects };

  const agencyCopy = rand() < 0.4;
  const agency = agencyCopy || rand() < 0.1 ? skewed(rand, v.agencies) : null;
  const people = agencyCopy ? [] : unique([skewed(rand, plan.reporters), ...(rand() < 0.15 ? [pick(rand, plan.reporters)] : [])]);
  const topics = unique([...(desk === 'global' || desk === 'politics' || rand() < 0.3 ? [country] : []), ...subjects,
    ...(rand() < 0.15 ? [city] : [])]);

  const { publishedAt, updatedAt, status } = timing(plan, i, rand);
  return {
    headline: headline(w),
    standfirst: sentence(w, rand() < 0.5 ? 0 : 2),
    paragraphs: body(w, agency),
    section: desk === 'global' ? region! : desk,
    topics,
    people,
    agency,
    datelinePlace: desk === 'global' || rand() < 0.5 ? city : '',
    picture: rand() < 0.65 ? Math.floor(rand() * plan.pictures) : null,
    status,
    publishedAt,
    updatedAt,
  };
}

interface Words {
  rand: () => number;
  country: string;
  city: string;
  subject: string;
  subjects: string[];
}

function headline(w: Words): string {
  const { rand } = w;
  const who = rand() < 0.6 ? w.country : capital(pick(rand, v.organisations).replace(/^the /, ''));
  const forms = [
    () => `${who} ${pick(rand, v.verbsNow)} ${w.subject} ${pick(rand, v.nounPhrases)} ${pick(rand, v.connectors)} ${pick(rand, v.events)}`,
    () => `${who}: ${pick(rand, v.adjectives)} ${pick(rand, v.nounPhrases)} on ${w.subject}`,
    () => `${w.city} ${pick(rand, v.verbsNow)} ${pick(rand, v.nounPhrases)} ${pick(rand, v.connectors)} ${pick(rand, v.events)}`,
    () => `What the ${pick(rand, v.adjectives)} ${w.subject} ${pick(rand, v.nounPhrases)} means for ${w.country}`,
  ];
  return capital(pick(rand, forms)());
}

function body(w: Words, agency: string | null): string[] {
  const { rand } = w;
  const r = rand();
  // Briefs, standard stories and long reads, as a day's output mixes them.
  const count = r < 0.2 ? 2 + Math.floor(rand() * 3) : r < 0.8 ? 6 + Math.floor(rand() * 7) : 14 + Math.floor(rand() * 11);
  const paragraphs: string[] = [];
  for (let p = 0; p < count; p++) {
    const n = 1 + Math.floor(rand() * 3);
    paragraphs.push(Array.from({ length: n }, (_, s) => sentence(w, p === 0 && s === 0 ? 0 : 1 + Math.floor(rand() * 9), agency)).join(' '));
  }
  return paragraphs;
}

function sentence(w: Words, form: number, agency: string | null = null): string {
  const { rand } = w;
  const org = pick(rand, v.organisations);
  const n = 2 + Math.floor(rand() ** 2 * 480);
  const year = 2000 + Math.floor(rand() * 40);
  const quoted = `${pick(rand, v.givenNames)} ${pick(rand, v.familyNames)}`;
  const subject = pick(rand, w.subjects);
  switch (form) {
    case 0: return `${capital(org)} said on ${pick(rand, v.weekdays)} that it would ${pick(rand, v.futureVerbs)} its ${pick(rand, v.nounPhrases)} on ${subject} in ${w.country} ${pick(rand, v.connectors)} ${pick(rand, v.events)} in ${w.city}.`;
    case 1: return `“${pick(rand, v.quotes)},” said ${quoted}, ${pick(rand, v.roles)} ${org}.`;
    case 2: return `Spending on ${subject} has ${pick(rand, v.pastVerbs)} by ${n % 60} per cent since ${pick(rand, v.months)}, according to ${org}.`;
    case 3: return `${quoted} told ${agency ?? 'reporters'} the ${pick(rand, v.adjectives)} ${pick(rand, v.nounPhrases)} would be put to a vote in ${pick(rand, v.months)}.`;
    case 4: return `Officials in ${w.city} said at least ${n} people had been affected by the ${pick(rand, v.events)}.`;
    case 5: return `Critics say the ${pick(rand, v.nounPhrases)} does little to address ${subject}, which has dominated debate in ${w.country} for ${2 + (n % 15)} years.`;
    case 6: return `${w.country}’s government has faced pressure over ${subject} since the ${pick(rand, v.events)} in ${pick(rand, v.months)} ${year}.`;
    case 7: return `The ${pick(rand, v.nounPhrases)} is expected to cost about ${n} million dollars over ${1 + (n % 9)} years.`;
    case 8: return `“${pick(rand, v.quotes)},” ${quoted} added.`;
    default: return `${capital(org)} has called a meeting in ${pick(rand, v.cities)} next ${pick(rand, v.weekdays)} to discuss ${subject}.`;
  }
}

/** Stories in publication order across the plan's years; a few drafts, withdrawn and updated stories. */
function timing(plan: CorpusPlan, i: number, rand: () => number) {
  const span = plan.years * 365.25 * 86_400_000;
  const step = span / Math.max(1, plan.count);
  const at = plan.end.getTime() - span + (i - plan.first + rand()) * step;
  const r = rand();
  if (r < 0.01) return { status: 'draft' as const, publishedAt: null, updatedAt: null };
  const publishedAt = new Date(Math.floor(at / 1000) * 1000);
  const updatedAt = rand() < 0.15 ? new Date(publishedAt.getTime() + Math.floor(rand() * 12 * 3_600_000)) : publishedAt;
  return { status: r < 0.015 ? 'unpublished' as const : 'published' as const, publishedAt, updatedAt };
}

function chooseDesk(rand: () => number): string {
  let r = rand() * deskTotal;
  for (const [desk, weight] of desks) if ((r -= weight) < 0) return desk;
  return desks[0]![0];
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
/** Favours the front of the list (as news favours a few subjects): about a third of picks are the first tenth. */
const skewed = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() ** 2.2 * list.length)]!;
const unique = (xs: string[]) => [...new Set(xs)];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
