import { fail } from '../../shared/index.js';
import { bodyFromHtml, bodyText } from '../body.js';
import type { Topic } from '../model.js';
import type { ContentRepository } from '../ports.js';
import { findEntities, type EntityType } from './entities.js';
import { definedAbbreviations, termKey, TermMatcher, tokenize, type Term } from './terms.js';

export interface TopicSuggestion {
  /** The existing topic, or null for a new one the editor may create. */
  topic: Pick<Topic, 'id' | 'slug' | 'name'> | null;
  name: string;
  kind: 'existing' | 'new';
  type: EntityType | 'subject';
  score: number;
  /** How the text wrote it ("IS", "Islamic State", "ISIS"). */
  mentions: string[];
  reasons: string[];
}

export interface SuggestInput {
  headline: string;
  /** HTML or plain text (paragraphs separated by blank lines). */
  body: string;
  standfirst?: string;
  /** Picture captions: readers see them, and they often name the place. */
  captions?: string[];
}

export const suggestLimits = { headline: 1_000, body: 200_000, captions: 10_000, existing: 12, fresh: 10, similarStories: 12 };

const taggerLimit = 20_000;

// Where a name appears counts: the headline most, the opening paragraph next.
const weight = { headline: 3, lead: 2, body: 1 };

interface Tally {
  score: number;
  count: number;
  inHeadline: boolean;
  mentions: Map<string, number>;
  types: Set<EntityType>;
}

const tally = (): Tally => ({ score: 0, count: 0, inHeadline: false, mentions: new Map(), types: new Set() });

/** The story's text as weighted passages: headline, standfirst and opening paragraph first. */
function passages(input: SuggestInput): { text: string; weight: number; headline: boolean }[] {
  const text = /<[a-z][^<>]*>/i.test(input.body) ? bodyText(bodyFromHtml(input.body)) : input.body;
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return [
    { text: input.headline, weight: weight.headline, headline: true },
    { text: input.standfirst ?? '', weight: weight.lead, headline: false },
    ...paras.map((p, i) => ({ text: p, weight: i === 0 ? weight.lead : weight.body, headline: false })),
    ...(input.captions ?? []).map((c) => ({ text: c, weight: weight.body, headline: false })),
  ].filter((p) => p.text.trim());
}

/**
 * Topics for a story from its headline and body: existing topics the text names (by name or
 * alias, or by an abbreviation the text defines), existing topics that the most similar published
 * stories carry, then new names (people, places, organisations) worth a topic of their own.
 * With `visibleTo`, only topics that person may know of are matched (see `topicNames`).
 */
export async function suggestTopics(repo: ContentRepository, input: SuggestInput, visibleTo?: number): Promise<TopicSuggestion[]> {
  if (input.headline.length > suggestLimits.headline) throw fail('INVALID_INPUT', `at most ${suggestLimits.headline} characters`, 'headline');
  if (input.body.length + (input.standfirst?.length ?? 0) > suggestLimits.body) throw fail('INVALID_INPUT', `at most ${suggestLimits.body} characters`, 'body');
  if ((input.captions ?? []).join('').length > suggestLimits.captions) throw fail('INVALID_INPUT', `at most ${suggestLimits.captions} characters`, 'captions');
  const parts = passages(input);
  const fullText = parts.map((p) => p.text).join('\n\n');
  if (!fullText.trim()) return [];

  const lexicon = await repo.topicLexicon(visibleTo);
  const byId = new Map(lexicon.map((t) => [t.id, t]));
  const terms: Term<number>[] = lexicon.flatMap((t) => [t.name, ...t.aliases].map((term) => ({ term, owner: t.id })));
  let known = new TermMatcher(terms);
  const ownerOf = (name: string) => known.find(tokenize(name)).find((m) => termKey(m.surface) === termKey(name))?.owner;

  // "Islamic State (IS)": when the long form is a known topic, the short one counts for it too
  // (not the other way round: "Islamic Society (IS)" is no mention of Islamic State).
  const abbreviations = definedAbbreviations(fullText);
  for (const [long, short] of abbreviations) {
    const owner = ownerOf(long);
    if (owner !== undefined) terms.push({ term: short, owner });
  }
  known = new TermMatcher(terms);
  // The tagger reads the opening only (about 0.1 s per 10,000 characters, on the event loop):
  // new names worth a topic are there; known topics are still counted over the whole text.
  const entities = await findEntities(fullText.slice(0, taggerLimit));

  // New names: the tagger's entities that no topic covers, grouped by spelling and abbreviation.
  const freshKey = new Map<string, string>();
  const freshTypes = new Map<string, Set<EntityType>>();
  const freshTerms: Term<string>[] = [];
  const addFresh = (name: string, key: string, type?: EntityType) => {
    if (!freshKey.has(termKey(name))) {
      freshKey.set(termKey(name), key);
      freshTerms.push({ term: name, owner: key });
    }
    if (type) freshTypes.set(key, (freshTypes.get(key) ?? new Set()).add(type));
  };
  for (const [long, short] of abbreviations) {
    if (ownerOf(long) !== undefined || ownerOf(short) !== undefined) continue;
    const key = freshKey.get(termKey(long)) ?? termKey(long);
    addFresh(long, key);
    addFresh(short, key);
  }
  for (const e of entities) {
    const owner = ownerOf(e.name);
    if (owner !== undefined) continue;
    addFresh(e.name, freshKey.get(termKey(e.name)) ?? termKey(e.name), e.type);
  }
  const freshMatcher = new TermMatcher(freshTerms);

  const existing = new Map<number, Tally>();
  const fresh = new Map<string, Tally>();
  for (const part of parts) {
    const tokens = tokenize(part.text);
    const count = <K>(table: Map<K, Tally>, owner: K, surface: string) => {
      const t = table.get(owner) ?? tally();
      t.score += part.weight;
      t.count += 1;
      t.inHeadline ||= part.headline;
      t.mentions.set(surface, (t.mentions.get(surface) ?? 0) + 1);
      table.set(owner, t);
    };
    // Known topics first; new names only from the words left over, so "Pakistan Army" cannot
    // hide a mention of Pakistan, nor "State" count inside "Islamic State".
    const claimed = new Set<number>();
    for (const m of known.find(tokens)) {
      count(existing, m.owner, m.surface);
      for (let i = m.start; i < m.start + m.length; i++) claimed.add(i);
    }
    for (const m of freshMatcher.find(tokens, claimed)) count(fresh, m.owner, m.surface);
  }
  for (const e of entities) {
    const owner = ownerOf(e.name);
    if (owner !== undefined) existing.get(owner)?.types.add(e.type);
  }

  const suggestions: TopicSuggestion[] = [];
  for (const [id, t] of existing) {
    const topic = byId.get(id)!;
    suggestions.push({
      topic: { id: topic.id, slug: topic.slug, name: topic.name }, name: topic.name, kind: 'existing',
      type: typeOf(t.types), score: t.score + (t.inHeadline ? 2 : 0), mentions: spellings(t), reasons: textReasons(t),
    });
  }
  suggestions.push(...await similarStoryTopics(repo, fullText, entities.map((e) => e.name), existing));
  suggestions.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const chosen = suggestions.slice(0, suggestLimits.existing);

  const freshOnes: TopicSuggestion[] = [];
  for (const [key, t] of fresh) {
    const types = freshTypes.get(key) ?? new Set<EntityType>();
    // One passing mention is not a subject: a new topic needs two, or one in the headline or opening.
    if (t.count < 2 && t.score < weight.lead) continue;
    const name = displayName(t);
    freshOnes.push({
      topic: null, name, kind: 'new', type: typeOf(types), score: t.score + (t.inHeadline ? 2 : 0),
      mentions: spellings(t), reasons: [`a new ${label(typeOf(types))}`, ...textReasons(t)],
    });
  }
  freshOnes.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return [...chosen, ...freshOnes.slice(0, suggestLimits.fresh)];
}

/** Topics most of the similar published stories carry, though this text does not name them. */
async function similarStoryTopics(repo: ContentRepository, text: string, names: string[], named: Map<number, Tally>): Promise<TopicSuggestion[]> {
  const words = salientWords(text, names);
  if (!words.length) return [];
  const { stories, topics } = await repo.similarStoryTopics(words, suggestLimits.similarStories);
  const out: TopicSuggestion[] = [];
  for (const { topic, stories: carrying } of topics) {
    const share = carrying / stories;
    if (named.has(topic.id) || carrying < 2 || share < 0.25) continue;
    out.push({
      topic, name: topic.name, kind: 'existing', type: 'subject', score: Math.round(share * 6 * 10) / 10, mentions: [],
      reasons: [`filed on ${carrying} of the ${stories} most similar published stories`],
    });
  }
  return out;
}

/** The words that say what a story is about: its names, then its longer repeated words. */
function salientWords(text: string, names: string[]): string[] {
  const counts = new Map<string, number>();
  for (const t of tokenize(text)) if (t.lower.length >= 5) counts.set(t.lower, (counts.get(t.lower) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const fromNames = names.flatMap((n) => tokenize(n).map((t) => t.lower)).filter((w) => w.length >= 3);
  return [...new Set([...fromNames, ...repeated])].slice(0, 24);
}

function typeOf(types: Set<EntityType>): EntityType | 'subject' {
  for (const t of ['person', 'place', 'organisation', 'name'] as const) if (types.has(t)) return t;
  return 'subject';
}

const label = (type: EntityType | 'subject') => (type === 'name' ? 'name' : type);

function spellings(t: Tally): string[] {
  return [...t.mentions].sort((a, b) => b[1] - a[1]).map(([s]) => s);
}

function textReasons(t: Tally): string[] {
  const reasons = [`named ${t.count} time${t.count === 1 ? '' : 's'}${t.mentions.size > 1 ? ` (as ${spellings(t).join(', ')})` : ''}`];
  if (t.inHeadline) reasons.push('in the headline');
  return reasons;
}

/** The spelling to offer for a new topic: the commonest with every word capitalised. */
function displayName(t: Tally): string {
  const forms = spellings(t).sort((a, b) => b.split(' ').length - a.split(' ').length);
  return forms.find((f) => f.split(' ').every((w) => /^[\p{Lu}\p{N}]/u.test(w))) ?? forms[0]!;
}
