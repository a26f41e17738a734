import { bodyFromParagraphs, saveArticle, type ArticleInput, type ContentStore, type SaveOutcome } from '../../src/content/index.js';

let counter = 0;

/** A published story with sensible defaults; override what the test is about. */
export function publishStory(store: ContentStore, over: Partial<ArticleInput> = {}): Promise<SaveOutcome> {
  counter++;
  const publishedAt = over.firstPublishedAt ?? new Date(Date.UTC(2024, 0, 1, 12) + counter * 3_600_000);
  return saveArticle({ store, now: () => new Date() }, {
    uri: null,
    version: null,
    versionCreatedAt: null,
    headline: `Story number ${counter}`,
    standfirst: `The standfirst of story ${counter}.`,
    body: bodyFromParagraphs([`Paragraph one of story ${counter}.`, 'Paragraph two.']),
    sectionSlug: 'global',
    topics: [],
    people: [],
    agency: null,
    byline: '',
    datelinePlace: '',
    language: 'en',
    leadImage: null,
    publish: true,
    firstPublishedAt: publishedAt,
    updatedAt: publishedAt,
    ...over,
  });
}
