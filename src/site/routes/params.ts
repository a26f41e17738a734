import { maxListingPages } from '../../content/index.js';
import { DatelineError } from '../../shared/index.js';

/** `?page=N`: absent means 1; anything but a whole number from 1 to the listing limit is a 400. */
export function pageParam(query: unknown): number {
  const raw = (query as { page?: unknown } | undefined)?.page;
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string' || !/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > maxListingPages) {
    throw new DatelineError('INVALID_INPUT', `The page number must be a whole number from 1 to ${maxListingPages}.`);
  }
  return Number(raw);
}

/** A page past the last one does not exist (page 1 always does, even when empty). */
export function assertPageExists(page: { page: number; total: number; pageSize: number }): void {
  if (page.page > 1 && (page.page - 1) * page.pageSize >= page.total) throw new DatelineError('NOT_FOUND');
}
