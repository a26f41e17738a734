import { bodyFromParagraphs, createSection, type Image } from '../../content/index.js';
import { storeImage, type MediaStorage } from '../../media/index.js';
import { slugify } from '../../shared/index.js';
import type { BulkStory, Store } from '../../store/index.js';
import { drawIllustration, type Palette } from '../illustrations.js';
import { mulberry32 as random } from '../random.js';
import { corpusStory, reporters, type CorpusPlan, type CorpusStory } from './stories.js';
import { agencies, cities, corpusSections } from './vocabulary.js';

export { corpusStory, reporters, type CorpusPlan, type CorpusStory } from './stories.js';

export interface GenerateOptions {
  articles: number;
  seed?: number;
  /** Publication dates spread over this many years up to `end`. */
  years?: number;
  end?: Date;
  /** Pictures drawn and shared among the stories. */
  pictures?: number;
  /** Stories per transaction. */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Fills a newsroom with `articles` generated stories (sections, topics, reporters, agencies,
 * shared pictures, years of dates, briefs to long reads): for benchmarks and for trying the site
 * at scale. Adds to what is there; story numbers continue from the highest story id, so running
 * it twice gives twice as many, never the same slugs.
 */
export async function generateCorpus(store: Store, media: MediaStorage, o: GenerateOptions): Promise<{ articles: number; first: number }> {
  const now = new Date();
  const ctx = { store: store.content, now: () => now };
  for (const s of corpusSections) if (!(await store.content.sectionBySlug(s.slug!))) await createSection(ctx, s);
  const sectionIds = new Map((await store.content.sectionTree()).map((s) => [s.slug, s.id]));

  const seed = o.seed ?? 1;
  const first = await store.content.maxArticleId();
  const plan: CorpusPlan = {
    count: o.articles, first, seed, end: o.end ?? now, years: o.years ?? 10, pictures: o.pictures ?? 24, reporters: reporters(400, seed),
  };
  const pictures = await drawPictures(store, media, plan.pictures, seed, now);
  const names = new Names(store, now);
  await names.ensure('agency', agencies);

  const batch = o.batch ?? 2000;
  for (let done = 0; done < o.articles;) {
    const stories: CorpusStory[] = [];
    for (let i = done; i < Math.min(o.articles, done + batch); i++) stories.push(corpusStory(plan, first + i));
    await names.ensure('topic', stories.flatMap((s) => s.topics));
    await names.ensure('person', stories.flatMap((s) => s.people));
    const rows = stories.map((s, k) => bulkStory(s, first + done + k, { sectionIds, names, pictures }));
    await store.insertStoriesInBulk(rows, now);
    done += stories.length;
    o.onProgress?.(done, o.articles);
  }
  return { articles: o.articles, first };
}

function bulkStory(s: CorpusStory, n: number, ids: { sectionIds: Map<string, number>; names: Names; pictures: Image[] }): BulkStory {
  const picture = s.picture === null ? null : ids.pictures[s.picture % ids.pictures.length] ?? null;
  const people = s.people.map((p) => ids.names.id('person', p));
  return {
    // The story's number in base 36 keeps slugs unique without a lookup per story.
    slug: `${slugify(s.headline, 60)}-${n.toString(36)}`,
    headline: s.headline,
    standfirst: s.standfirst,
    body: bodyFromParagraphs(s.paragraphs),
    sectionId: ids.sectionIds.get(s.section)!,
    datelinePlace: s.datelinePlace,
    language: 'en',
    status: s.status,
    byline: '',
    agencyId: s.agency === null ? null : ids.names.id('agency', s.agency),
    leadImageId: picture?.id ?? null,
    firstPublishedAt: s.publishedAt,
    updatedAt: s.updatedAt,
    topicIds: s.topics.map((t) => ids.names.id('topic', t)),
    personIds: people,
    search: {
      headline: s.headline,
      topics: s.topics,
      standfirst: s.standfirst,
      body: s.paragraphs.join('\n\n'),
      byline: [...s.people, s.agency ?? ''].filter(Boolean).join(' · '),
      captions: picture ? [picture.caption, picture.alt].filter(Boolean).join(' · ') : '',
    },
  };
}

type Kind = 'topic' | 'person' | 'agency';

/** Topic, person and agency ids by name, created the first time a batch names them. */
class Names {
  private readonly ids = new Map<string, number>();
  constructor(private readonly store: Store, private readonly now: Date) {}

  id(kind: Kind, name: string): number {
    return this.ids.get(`${kind}:${name}`)!;
  }

  async ensure(kind: Kind, names: string[]): Promise<void> {
    const missing = [...new Set(names)].filter((n) => !this.ids.has(`${kind}:${n}`));
    if (!missing.length) return;
    await this.store.content.transaction(async (repo) => {
      for (const name of missing) {
        const made = kind === 'topic' ? await repo.ensureTopic(name, this.now)
          : kind === 'person' ? await repo.ensurePerson(name, this.now) : await repo.ensureAgency(name, this.now);
        this.ids.set(`${kind}:${name}`, made.id);
      }
    });
  }
}

const palettes: Palette[] = [
  { sky: ['#f6d365', '#fda085'], ground: '#2d3142', accent: '#ef8354' },
  { sky: ['#a1c4fd', '#c2e9fb'], ground: '#1b3a4b', accent: '#f4d35e' },
  { sky: ['#d4fc79', '#96e6a1'], ground: '#22333b', accent: '#5e503f' },
  { sky: ['#fbc2eb', '#a6c1ee'], ground: '#3d405b', accent: '#e07a5f' },
];

/** The shared picture pool: drawn, stored with their variants and captioned once. */
async function drawPictures(store: Store, media: MediaStorage, count: number, seed: number, now: Date): Promise<Image[]> {
  const rand = random(seed * 31 + 5);
  const images: Image[] = [];
  for (let k = 0; k < count; k++) {
    const city = cities[Math.floor(rand() * cities.length)]!;
    const agency = agencies[Math.floor(rand() * 3)]!;
    const stored = await storeImage(media, await drawIllustration(seed * 1000 + k, palettes[k % palettes.length]!), {
      alt: `Rooftops of ${city} under a low sun`,
      caption: `A view across ${city}. (${agency} Photo)`,
      credit: `${agency} Photo`,
      sourceUri: null,
    });
    images.push(await store.content.transaction((repo) => repo.saveImage(stored.image, now)));
  }
  return images;
}
