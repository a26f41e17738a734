import { z } from 'zod';

/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1) as a schema: every top-level, author, item and
 * attachment field the specification defines, with its type and whether it is required.
 * Other keys are allowed only as extensions, whose names start with an underscore.
 */
const rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'an RFC 3339 date');
const url = z.url();

function onlyExtensions(known: string[]) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const key of Object.keys(value)) {
      if (!known.includes(key) && !key.startsWith('_')) ctx.addIssue({ code: 'custom', message: `"${key}" is not a JSON Feed 1.1 field (extensions start with _)`, path: [key] });
    }
  };
}

function object<T extends z.ZodRawShape>(shape: T) {
  return z.looseObject(shape).superRefine(onlyExtensions(Object.keys(shape)));
}

const author = object({ name: z.string().optional(), url: url.optional(), avatar: url.optional() })
  .refine((a) => a.name !== undefined || a.url !== undefined || a.avatar !== undefined, 'an author needs a name, url or avatar');

const attachment = object({
  url,
  mime_type: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/),
  title: z.string().optional(),
  size_in_bytes: z.number().int().nonnegative().optional(),
  duration_in_seconds: z.number().nonnegative().optional(),
});

const item = object({
  id: z.string().min(1),
  url: url.optional(),
  external_url: url.optional(),
  title: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  image: url.optional(),
  banner_image: url.optional(),
  date_published: rfc3339.optional(),
  date_modified: rfc3339.optional(),
  authors: z.array(author).optional(),
  tags: z.array(z.string()).optional(),
  language: z.string().optional(),
  attachments: z.array(attachment).optional(),
}).refine((i) => i.content_html !== undefined || i.content_text !== undefined, 'an item needs content_html or content_text');

export const jsonFeed11 = object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string(),
  home_page_url: url.optional(),
  feed_url: url.optional(),
  description: z.string().optional(),
  user_comment: z.string().optional(),
  next_url: url.optional(),
  icon: url.optional(),
  favicon: url.optional(),
  authors: z.array(author).optional(),
  language: z.string().optional(),
  expired: z.boolean().optional(),
  hubs: z.array(object({ type: z.string(), url })).optional(),
  items: z.array(item),
});
