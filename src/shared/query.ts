import { z } from 'zod';
import { DatelineError } from './errors.js';

/**
 * Query strings, validated with the same pieces on every route (site, newsroom, API): a bad value
 * is a 400 naming the parameter, never a NaN or an array reaching a query. Repeated parameters
 * are refused before any route runs (see `refuseRepeatedParams`).
 */

/** A parameter given more than once (`?q=a&q=b`): the name of the first, or null. */
function repeatedParam(query: unknown): string | null {
  if (!query || typeof query !== 'object') return null;
  for (const [name, value] of Object.entries(query)) if (Array.isArray(value)) return name;
  return null;
}

export function refuseRepeatedParams(query: unknown): void {
  const name = repeatedParam(query);
  if (name !== null) throw new DatelineError('INVALID_INPUT', `the parameter "${name.slice(0, 40)}" is given more than once`, { field: name.slice(0, 40) });
}

/** `?page=N`: absent or empty means 1; anything but a whole number from 1 to `max` is refused. */
export const pageParam = (max: number) => z.string().optional().transform((raw, ctx) => {
  if (raw === undefined || raw === '') return 1;
  const n = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= max)) {
    ctx.addIssue({ code: 'custom', message: `The page number must be a whole number from 1 to ${max}.` });
    return z.NEVER;
  }
  return n;
});

/** Free text (a search, a filter): at most `max` characters kept, absent is ''. */
export const textParam = (max = 2000) => z.string().optional().transform((s) => (s ?? '').slice(0, max));

/** One of a fixed set, or '' when absent or empty. */
export const choiceParam = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.literal('')]).optional().transform((v) => (v ?? '') as T[number] | '');

/** Parses a query string with a schema; the first problem is a 400 naming its parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || 'query';
  const message = issue.code === 'invalid_value' || issue.code === 'invalid_union' ? `${field} must be one of the listed values` : issue.message;
  throw new DatelineError('INVALID_INPUT', message, { field });
}
