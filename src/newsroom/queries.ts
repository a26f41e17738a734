import { z } from 'zod';
import { articleStatuses } from '../content/index.js';
import { choiceParam, pageParam, textParam } from '../shared/index.js';

/**
 * The newsroom's query strings (its pages and the API share them), built from the same pieces as
 * the site's: a bad value answers 400 naming the parameter.
 */
const maxPages = 10_000;

export const storyListQuery = z.object({ status: choiceParam(articleStatuses), q: textParam(200), page: pageParam(maxPages) });
export const searchListQuery = z.object({ q: textParam(200), page: pageParam(maxPages) });
export const auditQuery = z.object({ action: textParam(100), page: pageParam(maxPages) });
export const signInQuery = z.object({ next: textParam(2000) });
export const topicQuery = z.object({ q: textParam(200) });

export const wireQueueQuery = z.object({
  page: pageParam(500), q: textParam(200), source: textParam(100), agency: textParam(200), section: textParam(100),
  urgency: z.union([z.literal(''), z.string().regex(/^[1-9]$/, 'urgency must be a number from 1 to 9')]).optional()
    .transform((u) => (u ? Number(u) : undefined)),
});
export const quarantineQuery = z.object({ page: pageParam(500) });
export const versionsQuery = z.object({ a: textParam(20), b: textParam(20) });
export const peopleQuery = z.object({ q: textParam(200), page: pageParam(maxPages) });
