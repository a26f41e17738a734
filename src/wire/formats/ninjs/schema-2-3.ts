import { z } from 'zod';

/**
 * NINJS 2.x and 3.x, as far as Dateline reads them. 3.x renamed most properties to camelCase
 * (versioncreated -> versionCreated, embargoed -> embargoedUntil, contenttype -> contentType, ...);
 * both spellings are accepted in either version and the parser prefers the item's own. As in 1.x,
 * unknown properties pass through (agencies extend NINJS), and the properties we read must have
 * the types the IPTC schemas give them.
 */

/** RFC 3339 with a zone: "2019-04-30T08:00:00Z". Zone-less or impossible dates are refused. */
const dateTime = z.iso.datetime({ offset: true, local: false, message: 'must be a date-time with a zone, such as 2019-04-30T08:00:00Z' });
const text = z.string();

/** One entry of headlines, descriptions or bodies. */
const textEntry = z.looseObject({
  role: text.optional(),
  contenttype: text.optional(),
  contentType: text.optional(),
  value: text,
});

/** people, places, organisations, subjects, infosources, ... */
const concept = z.looseObject({
  name: text.optional(),
  rel: text.optional(),
  role: text.optional(),
  uri: text.optional(),
  literal: text.optional(),
});

const rendition = z.looseObject({
  name: text.optional(),
  href: text.min(1).optional(),
  contenttype: text.optional(),
  contentType: text.optional(),
  mimetype: text.optional(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

const rights = z.looseObject({
  linkedrights: text.optional(),
  linkedRights: text.optional(),
});

export const newsTypes = ['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component'] as const;

const baseItem = z.looseObject({
  /** event and planning are 3.x types: such objects are skipped before validation, or are associations. */
  type: z.enum([...newsTypes, 'event', 'planning']).optional(),
  version: z.union([text, z.number()]).optional(),
  firstcreated: dateTime.optional(),
  firstCreated: dateTime.optional(),
  versioncreated: dateTime.optional(),
  versionCreated: dateTime.optional(),
  embargoed: dateTime.optional(),
  embargoedUntil: dateTime.optional(),
  pubstatus: z.enum(['usable', 'withheld', 'canceled']).optional(),
  pubStatus: z.enum(['usable', 'withheld', 'canceled']).optional(),
  urgency: z.number().int().min(0).max(9).optional(),
  language: text.optional(),
  headlines: z.array(textEntry).optional(),
  descriptions: z.array(textEntry).optional(),
  bodies: z.array(textEntry).optional(),
  by: text.optional(),
  byline: text.optional(),
  located: text.optional(),
  copyrightholder: text.optional(),
  copyrightHolder: text.optional(),
  copyrightnotice: text.optional(),
  copyrightNotice: text.optional(),
  usageterms: text.optional(),
  usageTerms: text.optional(),
  rightsinfo: rights.optional(),
  rightsInfo: rights.optional(),
  keywords: z.array(text).optional(),
  subjects: z.array(concept).optional(),
  people: z.array(concept).optional(),
  places: z.array(concept).optional(),
  infosources: z.array(concept).optional(),
  infoSources: z.array(concept).optional(),
  renditions: z.array(rendition).optional(),
});

export type Ninjs23TextEntry = z.infer<typeof textEntry>;
export type Ninjs23Rendition = z.infer<typeof rendition>;

export type Ninjs23Association = z.infer<typeof baseItem> & {
  uri?: string;
  name?: string;
  rel?: string;
  associations?: Ninjs23Association[];
  [key: string]: unknown;
};

export type Ninjs23Item = Ninjs23Association & { uri: string };

/**
 * Associated objects: the 2.1+ schemas require a name and a uri, but a picture without them is
 * still a picture (agencies leave the uri out, as in 1.x), so neither is required here.
 */
const association: z.ZodType<Ninjs23Association> = baseItem.extend({
  uri: text.optional(),
  name: text.optional(),
  rel: text.optional(),
  associations: z.array(z.lazy(() => association)).optional(),
}) as unknown as z.ZodType<Ninjs23Association>;

export const ninjs23Item: z.ZodType<Ninjs23Item> = baseItem.extend({
  uri: text.trim().min(1, 'must be a non-empty string'),
  associations: z.array(association).optional(),
}) as unknown as z.ZodType<Ninjs23Item>;
