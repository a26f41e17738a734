/**
 * People, places and organisations named in a text, found by compromise (an English tagger
 * that ships its lexicon in its package: no model download, no network).
 */

import { maxTermWords } from './terms.js';

export type EntityType = 'person' | 'place' | 'organisation' | 'name';

export interface Entity {
  name: string;
  type: EntityType;
}

type Nlp = typeof import('compromise').default;
let loading: Promise<Nlp> | null = null;

/** Loaded on first use: the tagger costs ~0.6 s to load, which a server start need not pay. */
function tagger(): Promise<Nlp> {
  loading ??= import('compromise').then((m) => m.default);
  return loading;
}

// Lower-case words that join separate names ("Achin district of Nangarhar province") or qualify
// one ("eastern Afghanistan"): the name is cut there.
const breakers = new Set([
  'of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'by', 'from', 'with', 'or',
  'district', 'province', 'region', 'city', 'county', 'town', 'village', 'capital', 'border',
  'eastern', 'western', 'northern', 'southern', 'central', 'north', 'south', 'east', 'west',
]);

const titles = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'president', 'vice', 'prime', 'minister', 'senator', 'sen',
  'rep', 'representative', 'general', 'gen', 'colonel', 'col', 'major', 'captain', 'capt', 'lieutenant',
  'governor', 'gov', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'justice',
  'chancellor', 'secretary', 'ambassador', 'commander', 'chief', 'officer', 'professor', 'prof',
  'saint', 'st', 'sheikh', 'imam', 'mullah', 'former', 'late',
]);

const notNames = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'photo', 'file', 'update', 'i', 'we', 'he', 'she', 'they', 'it', 'but', 'if', 'the', 'a', 'an',
]);

/** Splits a tagger phrase into clean names: punctuation off, cut at joining words, titles dropped. */
export function cleanNames(phrase: string, type: EntityType): string[] {
  const words = phrase.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/[’']s$/u, '')).filter(Boolean);
  const runs: string[][] = [[]];
  for (const w of words) {
    if (breakers.has(w)) runs.push([]);
    else runs[runs.length - 1]!.push(w);
  }
  const names: string[] = [];
  for (let run of runs) {
    while (run.length && !/^[\p{Lu}\p{N}]/u.test(run[0]!)) run = run.slice(1);
    while (run.length && !/^[\p{Lu}\p{N}]/u.test(run[run.length - 1]!)) run = run.slice(0, -1);
    if (type === 'person') while (run.length > 1 && titles.has(run[0]!.toLowerCase())) run = run.slice(1);
    const name = run.join(' ');
    // A run of many capitalised words is a title-case headline, not a name.
    if (run.length > maxTermWords) continue;
    if (name.length >= 2 && !notNames.has(name.toLowerCase()) && /\p{L}/u.test(name)) names.push(name);
  }
  return names;
}

export async function findEntities(text: string): Promise<Entity[]> {
  const nlp = await tagger();
  // No name is a 40-letter word; the tagger's time grows with the square of a word's length.
  const doc = nlp(text.replace(/\S{41,}/g, ' '));
  const found: Entity[] = [];
  const add = (phrases: string[], type: EntityType) => {
    for (const p of phrases) for (const name of cleanNames(p, type)) found.push({ name, type });
  };
  add(doc.people().out('array') as string[], 'person');
  add(doc.places().out('array') as string[], 'place');
  add(doc.organizations().out('array') as string[], 'organisation');
  // Other proper nouns the tagger could not type ("Khorasan", "Pentagon"): offered as names.
  add(doc.match('#ProperNoun+').not('#Person').not('#Place').not('#Organization').out('array') as string[], 'name');
  return found;
}
