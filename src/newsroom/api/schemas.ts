import { z } from 'zod';
import { tokenDaysRange } from '../../accounts/index.js';
import { articleStatuses, menuLimits } from '../../content/index.js';

/** Request bodies of the JSON API. Unknown properties are ignored; known ones must be right. */
const names = z.array(z.string().max(120)).max(30);

export const articleCreate = z.object({
  headline: z.string().min(1, 'a headline is required').max(300, 'at most 300 characters'),
  standfirst: z.string().max(1000).optional(),
  section: z.string().min(1, 'a section slug is required'),
  bodyHtml: z.string().max(1_500_000, 'the body is too long').optional(),
  topics: names.optional(),
  people: names.optional(),
  agency: z.string().max(120).nullable().optional(),
  byline: z.string().max(300).optional(),
  datelinePlace: z.string().max(120).optional(),
  language: z.string().max(35).optional(),
  leadImage: z.number().int().positive().nullable().optional(),
  slug: z.string().max(120).optional(),
});

export const articlePatch = articleCreate.partial().extend({
  /** The `modifiedAt` this edit is based on: when the story changed since, the answer is 409. */
  baseModifiedAt: z.iso.datetime({ offset: true }).optional(),
});

export const statusChange = z.object({
  status: z.enum(articleStatuses),
  at: z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time such as 2026-11-27T10:00:00Z' }).optional(),
});

export const correctionCreate = z.object({
  text: z.string().min(1, 'the correction needs text').max(4000),
  kind: z.enum(['correction', 'update']).optional(),
});

export const sessionCreate = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
});

export const imageText = z.object({
  alt: z.string().max(500).optional(),
  caption: z.string().max(2000).optional(),
  credit: z.string().max(300).optional(),
});

export const roleChange = z.object({ role: z.enum(['contributor', 'editor', 'admin']) });

export type ArticleCreate = z.infer<typeof articleCreate>;

/** A static page: its text, and optionally a move through the workflow in the same request. */
export const pageCreate = z.object({
  title: z.string().min(1, 'a title is required').max(200, 'at most 200 characters'),
  slug: z.string().max(80, 'at most 80 characters').optional(),
  bodyHtml: z.string().max(1_500_000, 'the body is too long').optional(),
  status: z.enum(articleStatuses).optional(),
  at: z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time such as 2026-11-27T10:00:00Z' }).optional(),
});

export const pagePatch = pageCreate.partial().extend({
  /** The `modifiedAt` this edit is based on: when the page changed since, the answer is 409. */
  baseModifiedAt: z.iso.datetime({ offset: true }).optional(),
});

export const sectionCreate = z.object({
  name: z.string().min(1).max(80),
  slug: z.string().max(80).optional(),
  parent: z.string().max(80).nullable().optional(),
  description: z.string().max(500).optional(),
  position: z.number().int().optional(),
});

export const sectionPatch = sectionCreate.pick({ name: true, description: true, position: true }).partial();
export const topicPatch = z.object({
  name: z.string().min(1).max(120).optional(),
  aliases: z.array(z.string().max(120)).max(30).optional(),
});
export const topicSuggest = z.object({
  headline: z.string().max(1_000),
  body: z.string().max(200_000).default(''),
  standfirst: z.string().max(2_000).optional(),
  captions: z.array(z.string().max(2_000)).max(20).optional(),
});
export const topicMerge = z.object({ into: z.number().int().positive() });

/** The story this one follows up: its id, slug or address; null unlinks. */
export const followUp = z.object({ of: z.union([z.number().int().positive(), z.string().min(1).max(500)]).nullable() });

/** An API token's lifetime in days; without it, API_TOKEN_DAYS. */
const tokenDays = z.number().int('days must be a whole number')
  .min(tokenDaysRange.min, `at least ${tokenDaysRange.min} day`).max(tokenDaysRange.max, `at most ${tokenDaysRange.max} days`);
export const tokenCreate = z.object({ label: z.string().max(200, 'at most 200 characters').optional(), days: tokenDays.optional() });
export const tokenRenew = z.object({ days: tokenDays.optional() });

/** A person's profile (PATCH /people/{id}); name, team, places and the account link are the editors'. */
export const profilePatch = z.object({
  name: z.string().min(1, 'a person needs a name').max(120).optional(),
  jobTitle: z.string().max(120).optional(),
  bio: z.string().max(2000, 'at most 2000 characters').optional(),
  photo: z.number().int().positive().nullable().optional().describe('A picture of the media library, by id; null removes it'),
  beat: z.array(z.string().max(120)).max(20).optional().describe('Names (or aliases) of existing topics, in order'),
  links: z.array(z.string().max(500)).max(10).optional().describe('http(s) addresses of their pages elsewhere (schema.org sameAs)'),
  email: z.string().max(254).optional(),
  emailPublic: z.boolean().optional().describe('Show the address to readers (false unless chosen)'),
  team: z.string().max(80).optional().describe('Their group on /staff ("Editors", "Reporters"); empty: not on it'),
  teamPosition: z.number().int().min(-10_000).max(10_000).optional().describe('The team’s place on /staff (a team takes its members’ smallest)'),
  position: z.number().int().min(-10_000).max(10_000).optional().describe('Their place within the team'),
  userId: z.number().int().positive().nullable().optional().describe('The newsroom account that is theirs (they may then edit this profile)'),
});

/**
 * A menu: items in order, each a label and one target (section slug, page id, topic slug or an
 * address); `children` on the header's. Whether targets exist, and that an item has exactly
 * one, is the setMenu command's to check (400 naming the item: `items.2.page`).
 */
const menuLink = {
  label: z.string().min(1, 'a label is required').max(menuLimits.label, `at most ${menuLimits.label} characters`),
  section: z.string().min(1).max(80).optional(),
  page: z.number().int().positive().optional(),
  topic: z.string().min(1).max(120).optional(),
  url: z.string().min(1).max(menuLimits.url).optional(),
};
const menuItem = z.object({
  ...menuLink,
  children: z.array(z.object({
    ...menuLink,
    children: z.array(z.unknown()).max(0, 'sub-items have no sub-items of their own').optional().transform(() => undefined),
  })).max(menuLimits.children, `at most ${menuLimits.children} sub-items`).optional(),
});
export const menuPut = z.object({ items: z.array(menuItem).max(menuLimits.items, `at most ${menuLimits.items} items`) });
