import { maxListingPages } from '../../content/index.js';
import { DatelineError, pageParam as page, parseQuery } from '../../shared/index.js';
import { z } from 'zod';

const listingPage = z.object({ page: page(maxListingPages) });

/** `?page=N`: absent means 1; anything but a whole number from 1 to the listing limit is a 400. */
export function pageParam(query: unknown): number {
  return parseQuery(listingPage, query).page;
}

/** A page past the last one does not exist (page 1 always does, even when empty). */
export function assertPageExists(page: { page: number; total: number; pageSize: number }): void {
  if (page.page > 1 && (page.page - 1) * page.pageSize >= page.total) throw new DatelineError('NOT_FOUND');
}
