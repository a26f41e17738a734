import { bodyFromParagraphs, createPage, createSection, saveArticle, type CommandContext } from '../content/index.js';
import { systemActor } from '../accounts/index.js';
import { storeImage, type MediaStorage } from '../media/index.js';
import { drawIllustration } from './illustrations.js';
import { demoSections, demoStories } from './stories.js';
import { seedDemoStaff } from './staff.js';
import { demoPages } from './pages.js';

export interface DemoContext extends CommandContext {
  media: MediaStorage;
}

/**
 * Fills an empty newsroom with the demo sections, stories and pages (About us, Corrections
 * policy), dated relative to now so the site looks alive. Does nothing when the database already
 * holds sections or articles.
 */
export async function seedDemoNewsroom(ctx: DemoContext): Promise<{ seeded: boolean; articles: number }> {
  if ((await ctx.store.sections()).length > 0 || (await ctx.store.countArticles()) > 0) {
    return { seeded: false, articles: 0 };
  }
  for (const section of demoSections) await createSection(ctx, section);
  const now = ctx.now().getTime();
  let seed = 7;
  for (const story of demoStories) {
    const publishedAt = new Date(now - story.hoursAgo * 3_600_000);
    const picture = story.picture
      ? await storeImage(ctx.media, await drawIllustration(seed++, story.picture.palette), {
        alt: story.picture.alt, caption: story.picture.caption, credit: story.picture.credit, sourceUri: null,
      })
      : null;
    await saveArticle(ctx, {
      uri: null,
      version: null,
      versionCreatedAt: null,
      headline: story.headline,
      standfirst: story.standfirst,
      body: bodyFromParagraphs(story.paragraphs),
      sectionSlug: story.section,
      topics: story.topics,
      people: story.people,
      agency: story.agency,
      byline: '',
      datelinePlace: story.dateline,
      language: 'en',
      leadImage: picture?.image ?? null,
      publish: true,
      firstPublishedAt: publishedAt,
      updatedAt: publishedAt,
    }, { actor: systemActor('demo'), source: 'demo' });
  }
  for (const page of demoPages) {
    await createPage(ctx, systemActor('demo'), { title: page.title, slug: page.slug, body: bodyFromParagraphs(page.paragraphs) }, 'demo', { status: 'published' });
  }
  await seedDemoStaff(ctx);
  return { seeded: true, articles: demoStories.length };
}
