import type { z } from 'zod';
import { DatelineError } from '../../shared/index.js';

/** Parses a request body with a schema; the first problem becomes a 400 naming its field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || 'body';
  throw new DatelineError('INVALID_INPUT', issue.message, { field });
}

export function idParam(raw: string, what = 'id'): number {
  if (!/^\d{1,12}$/.test(raw)) throw new DatelineError('NOT_FOUND', `no such ${what}`);
  return Number(raw);
}
