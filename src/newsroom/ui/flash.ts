import type { FastifyReply } from 'fastify';
import { isDatelineError } from '../../shared/index.js';

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
}

/** `?ok=...` / `?error=...`: the one-line notice a page shows after a redirect. */
export function flashFrom(query: unknown): Flash | null {
  const q = query as Record<string, string | undefined>;
  if (q.ok) return { kind: 'ok', text: q.ok.slice(0, 200) };
  if (q.error) return { kind: 'error', text: q.error.slice(0, 300) };
  return null;
}

export const withFlash = (path: string, kind: 'ok' | 'error', text: string) =>
  `${path}${path.includes('?') ? '&' : '?'}${kind}=${encodeURIComponent(text)}`;

/**
 * Runs a form's action and goes back to `back` with its outcome as a notice: the success text,
 * or the refusal's message. Errors with a status in `rethrow` (signed out, ...) go to the error handler.
 */
export async function redirectWithOutcome(
  reply: FastifyReply, back: string, run: () => Promise<string>, rethrow: number[] = [401],
): Promise<FastifyReply> {
  try {
    return reply.redirect(withFlash(back, 'ok', await run()), 303);
  } catch (e) {
    if (!isDatelineError(e) || rethrow.includes(e.status)) throw e;
    return reply.redirect(withFlash(back, 'error', e.message), 303);
  }
}
