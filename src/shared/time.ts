/** Dates as the site shows them, in the newsroom's time zone. */

export interface CalendarDate {
  year: string;
  month: string;
  day: string;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, key: string, options: Intl.DateTimeFormatOptions, locale = 'en-GB') {
  const cacheKey = `${locale}|${timeZone}|${key}`;
  let f = partsCache.get(cacheKey);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    partsCache.set(cacheKey, f);
  }
  return f;
}

/** The calendar day of an instant in a time zone, zero-padded, for article URLs. */
export function calendarDate(date: Date, timeZone: string): CalendarDate {
  const parts = formatter(timeZone, 'ymd', { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** "30 April 2019" */
export function longDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  return formatter(timeZone, 'long', { day: 'numeric', month: 'long', year: 'numeric' }, locale).format(date);
}

/** "30 April 2019, 08:00 UTC" */
export function longDateTime(date: Date, timeZone: string, locale = 'en-GB'): string {
  return formatter(timeZone, 'longtime', {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  }, locale).format(date);
}

/** Accepts what either database hands back (ISO text or Date) and returns a Date. */
export function toDate(value: string | Date): Date;
export function toDate(value: string | Date | null | undefined): Date | null;
export function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value);
}

/** What we write: UTC ISO 8601 with milliseconds, which also sorts correctly as text. */
export const isoString = (date: Date): string => date.toISOString();
