import type { DraftInput } from '../../content/index.js';
import { bodyFromHtml } from '../../content/index.js';
import { DatelineError } from '../../shared/index.js';

export type FormBody = Record<string, string | string[] | undefined>;

export const field = (body: FormBody, name: string): string => {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

const list = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean);

/** The editor form -> the fields of a draft. Every field is sent by the form, so all are set. */
export function draftFromForm(body: FormBody, defaultLanguage: string): DraftInput & { slug?: string } {
  const leadImage = field(body, 'leadImage');
  const draft: DraftInput & { slug?: string } = {
    headline: field(body, 'headline'),
    standfirst: field(body, 'standfirst'),
    body: bodyFromHtml(field(body, 'bodyHtml')),
    sectionSlug: field(body, 'section'),
    topics: list(field(body, 'topics')),
    people: list(field(body, 'people')),
    agency: field(body, 'agency').trim() || null,
    byline: field(body, 'byline'),
    datelinePlace: field(body, 'datelinePlace'),
    language: field(body, 'language').trim() || defaultLanguage,
    leadImageId: /^\d+$/.test(leadImage) ? Number(leadImage) : null,
  };
  // The picture text fields belong to the picture they were filled for (the script keeps this in step).
  const textFor = field(body, 'leadImageTextFor');
  if (draft.leadImageId !== null && /^\d+$/.test(textFor)) {
    draft.leadImageText = {
      alt: field(body, 'leadImageAlt'), caption: field(body, 'leadImageCaption'), credit: field(body, 'leadImageCredit'), forImageId: Number(textFor),
    };
  }
  const slug = field(body, 'slug').trim();
  if (slug) draft.slug = slug;
  return draft;
}

/**
 * A `datetime-local` value ("2026-11-27T14:30") read in the newsroom's time zone, or an ISO
 * time with a zone as sent by the editor's script.
 */
export function zonedTime(value: string, timeZone: string): Date {
  if (/[zZ]|[+-]\d\d:\d\d$/.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) throw new DatelineError('INVALID_INPUT', 'give the date and time to publish', { field: 'at' });
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // The zone's offset is taken at the first guess, then again at the result, so a time just
  // after a daylight-saving change lands on the right side of it.
  const first = wall - offsetAt(new Date(wall), timeZone);
  return new Date(wall - offsetAt(new Date(first), timeZone));
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return shown - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The value a `datetime-local` input shows for an instant, in the newsroom's time zone. */
export function localInputValue(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The `modifiedAt` the form was loaded with, to refuse saving over a newer version. */
export function baseModifiedAt(body: FormBody): Date | undefined {
  const v = field(body, 'baseModifiedAt');
  const d = v ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}
