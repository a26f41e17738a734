import { z } from 'zod';

/**
 * NINJS 1.x, as far as Dateline reads it. Unknown properties pass through (agencies add their
 * own); the ones we read must have the types the IPTC schema gives them.
 */
/** RFC 3339 with a zone: "2019-04-30T08:00:00Z". Zone-less or impossible dates are refused. */
const dateTime = z.iso.datetime({ offset: true, local: false, message: 'must be a date-time with a zone, such as 2019-04-30T08:00:00Z' });

const concept = z.looseObject({
  name: z.string().optional(),
  code: z.string().optional(),
  scheme: z.string().optional(),
  rel: z.string().optional(),
});

const rendition = z.looseObject({
  href: z.string().min(1).optional(),
  mimetype: z.string().optional(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

const uri = z.string().trim().min(1, 'must be a non-empty string');

const baseItem = z.looseObject({
  type: z.enum(['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component']).optional(),
  version: z.union([z.string(), z.number()]).optional(),
  firstcreated: dateTime.optional(),
  versioncreated: dateTime.optional(),
  embargoed: dateTime.optional(),
  pubstatus: z.enum(['usable', 'withheld', 'canceled']).optional(),
  urgency: z.number().int().min(0).max(9).optional(),
  language: z.string().optional(),
  headline: z.string().optional(),
  byline: z.string().optional(),
  located: z.string().optional(),
  copyrightholder: z.string().optional(),
  copyrightnotice: z.string().optional(),
  usageterms: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  subject: z.array(concept).optional(),
  renditions: z.record(z.string(), rendition).optional(),
});

export type NinjsAssociation = z.infer<typeof baseItem> & {
  uri?: string;
  associations?: Record<string, NinjsAssociation>;
  [key: string]: unknown;
};

export type NinjsItem = NinjsAssociation & { uri: string };

/** Associated items (pictures of a story) may leave out their own uri; agencies often do. */
const association: z.ZodType<NinjsAssociation> = baseItem.extend({
  uri: uri.optional(),
  associations: z.record(z.string(), z.lazy(() => association)).optional(),
}) as unknown as z.ZodType<NinjsAssociation>;

export const ninjsItem: z.ZodType<NinjsItem> = baseItem.extend({
  uri,
  associations: z.record(z.string(), association).optional(),
}) as unknown as z.ZodType<NinjsItem>;
