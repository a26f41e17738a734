import { DatelineError } from '../../../shared/index.js';
import { uniqueNames as uniqueTopics, type WireItem, type WirePicture, type WireRendition, type WireSubject } from '../../wire-item.js';
import type { WireFailure, WireFormat, WireParse, WireSkip, WireSource } from '../format.js';
import { ninjs1, resolveHref, textToHtml } from './parse.js';
import { ninjs23Item, type Ninjs23Association, type Ninjs23Item, type Ninjs23Rendition, type Ninjs23TextEntry } from './schema-2-3.js';
import { declaredMajor, ninjsMajor, shapeMajor } from './version.js';

/**
 * IPTC NINJS 2.x and 3.x (JSON): https://iptc.org/standards/ninjs/
 *
 * A delivery is one object or a JSON array of them. Each object is a news item (read into a
 * WireItem), an event or planning object (3.x: recognised and skipped), or unreadable (the whole
 * delivery is refused; in an array, that entry alone goes to `failed`).
 */
export const ninjs2: WireFormat = {
  name: 'ninjs-2',
  detect: (input) => input.kind === 'json' && ninjsMajor(input.json) === 2,
  parse: (input, source) => parseNinjs((input as { json: unknown }).json, source, 2),
};

/** Also takes declared versions above 3, to refuse them by name rather than as an unknown format. */
export const ninjs3: WireFormat = {
  name: 'ninjs-3',
  detect: (input) => input.kind === 'json' && (ninjsMajor(input.json) ?? 0) >= 3,
  parse: (input, source) => parseNinjs((input as { json: unknown }).json, source, 3),
};

type Major = 2 | 3;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function invalid(major: number, message: string): DatelineError {
  return new DatelineError('INVALID_WIRE_ITEM', `not a valid NINJS ${major}.x item: ${message}`);
}

function parseNinjs(json: unknown, source: WireSource, fallback: Major): WireParse {
  const major = ninjsMajor(json);
  const delivery: Major = major === 2 || major === 3 ? major : fallback;
  const out: WireParse = { format: `ninjs-${delivery}`, items: [], skipped: [], failed: [] };
  if (!Array.isArray(json)) {
    const one = parseEntry(json, source, delivery);
    return { ...out, items: one.items, skipped: one.skipped };
  }
  // A collection: each entry stands alone, so one bad entry does not keep out the rest.
  json.forEach((entry, i) => {
    try {
      const one = parseEntry(entry, source, delivery);
      out.items.push(...one.items);
      out.skipped.push(...one.skipped);
    } catch (e) {
      if (!(e instanceof DatelineError) || e.code !== 'INVALID_WIRE_ITEM') throw e;
      out.failed.push(failure(entry, `entry ${i + 1} of ${json.length}: ${e.message}`));
    }
  });
  return out;
}

function failure(entry: unknown, reason: string): WireFailure {
  return { uri: uriOf(entry), reason, raw: JSON.stringify(entry, null, 2) };
}

const uriOf = (entry: unknown): string | null => (isObject(entry) && typeof entry['uri'] === 'string' && entry['uri'].trim() ? entry['uri'].trim() : null);

function parseEntry(json: unknown, source: WireSource, fallback: Major): { items: WireItem[]; skipped: WireSkip[] } {
  if (!isObject(json)) {
    const found = Array.isArray(json) ? 'an array' : json === null ? 'null' : `a ${typeof json}`;
    throw invalid(fallback, `expected a JSON object, found ${found}`);
  }
  // What the entry declares, or 3.x spellings; a shape common to 2.x and 3.x follows the delivery.
  const major = declaredMajor(json) ?? (shapeMajor(json) === 3 ? 3 : fallback);
  if (major === 1) {
    // A 1.x object inside a 2.x/3.x collection: ninjs-1 reads it as it would on its own.
    const parsed = ninjs1.parse({ kind: 'json', json }, source);
    return { items: parsed.items, skipped: parsed.skipped };
  }
  if (major !== 2 && major !== 3) {
    throw new DatelineError('INVALID_WIRE_ITEM', `NINJS ${major}.x is not supported: Dateline reads NINJS 1.x, 2.x and 3.x`);
  }
  const notNews = notNewsItem(json);
  if (notNews) return { items: [], skipped: [{ uri: uriOf(json), reason: `${notNews}, not a news item` }] };
  return { items: [toWireItem(validate(json, major), major, source.baseDir)], skipped: [] };
}

/** 3.x events and planning objects (by type, or by their details when the type is left out). */
function notNewsItem(json: Record<string, unknown>): string | null {
  const type = json['type'];
  if (type === 'event' || (type === undefined && 'eventDetails' in json)) return 'an event';
  if (type === 'planning' || (type === undefined && 'plannedCoverage' in json)) return 'a planning item';
  return null;
}

function validate(json: Record<string, unknown>, major: Major): Ninjs23Item {
  const parsed = ninjs23Item.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'item';
    throw invalid(major, `${where}: ${issue.message}`);
  }
  return parsed.data;
}

/** A property in the item's own spelling first (2.x lower case, 3.x camelCase), else the other. */
function pick<A extends keyof Ninjs23Association, B extends keyof Ninjs23Association>(
  item: Ninjs23Association, major: Major, lower: A, camel: B,
): Ninjs23Association[A] | Ninjs23Association[B] {
  return major === 3 ? (item[camel] ?? item[lower]) : (item[lower] ?? item[camel]);
}

function toWireItem(item: Ninjs23Item, major: Major, baseDir: string | null): WireItem {
  const type = item.type ?? 'text';
  const keywords = (item.keywords ?? []).map((k) => k.trim()).filter(Boolean);
  const subjects = subjectsOf(item);
  return {
    format: `ninjs-${major}`,
    sourceDir: baseDir,
    uri: item.uri.trim(),
    version: item.version === undefined ? null : String(item.version),
    type: type === 'component' || type === 'event' || type === 'planning' ? 'other' : type,
    pubStatus: pick(item, major, 'pubstatus', 'pubStatus') ?? 'usable',
    firstCreated: date(pick(item, major, 'firstcreated', 'firstCreated')),
    versionCreated: date(pick(item, major, 'versioncreated', 'versionCreated')),
    embargoedUntil: date(pick(item, major, 'embargoed', 'embargoedUntil')),
    language: item.language?.trim() || null,
    urgency: item.urgency ?? null,
    headline: headline(item),
    summary: summary(item),
    bodyHtml: body(item),
    byline: byline(item),
    located: located(item),
    agency: agency(item, major),
    copyrightHolder: pick(item, major, 'copyrightholder', 'copyrightHolder')?.trim() ?? '',
    copyrightNotice: pick(item, major, 'copyrightnotice', 'copyrightNotice')?.trim() ?? '',
    usageTerms: usageTerms(item, major),
    keywords,
    subjects,
    topics: uniqueTopics([...keywords, ...subjects.map((s) => s.name)]),
    link: null,
    pictures: pictures(item, major, baseDir),
  };
}

const date = (s: string | undefined) => (s === undefined ? null : new Date(s));

const contentType = (entry: Ninjs23TextEntry | Ninjs23Rendition) => String(entry.contentType ?? entry.contenttype ?? entry['mimetype'] ?? '').trim().toLowerCase();
/** text/html, application/xhtml+xml, and the loose spellings agencies use (text/html5, body_xhtml). */
const isHtml = (entry: Ninjs23TextEntry) => contentType(entry).includes('html');
const isPlain = (entry: Ninjs23TextEntry) => contentType(entry) === '' || contentType(entry).startsWith('text/plain');
const role = (entry: { role?: string }) => entry.role?.trim().toLowerCase() ?? '';
const firstValue = (entries: Ninjs23TextEntry[]) => entries.map((e) => e.value.trim()).find(Boolean) ?? '';

const subheadlineRole = /^(sub|deck|strap|standfirst|kicker|overline)/;

/** The main headline: role main or default first, then one without a role, then any but a subheadline. */
function headline(item: Ninjs23Association): string {
  const all = item.headlines ?? [];
  const main = all.filter((h) => role(h) === 'main' || role(h) === 'default');
  const plain = all.filter((h) => role(h) === '');
  const other = all.filter((h) => !subheadlineRole.test(role(h)));
  return firstValue(main) || firstValue(plain) || firstValue(other) || firstValue(all);
}

/** Descriptions that are not summaries: credits and notes travel in descriptions too. */
const notSummaryRole = /^(creditline|credit|writer|by|byline|author|copyright|copyrightnotice|rights|usageterms|note|ednote|alt|alttext|keywords?)$/;

function summaries(item: Ninjs23Association): Ninjs23TextEntry[] {
  const candidates = (item.descriptions ?? []).filter((d) => !notSummaryRole.test(role(d)));
  // Plain text first (a summary is text), HTML ones after, delivery order within each.
  return [...candidates.filter(isPlain), ...candidates.filter((d) => !isPlain(d))];
}

/** A description; without one, a subheadline (2.x/3.x have no other standfirst). */
function summary(item: Ninjs23Association): string {
  const sub = (item.headlines ?? []).filter((h) => subheadlineRole.test(role(h)));
  return firstValue(summaries(item)) || firstValue(sub);
}

/** HTML (or XHTML) first, in delivery order; else plain text as paragraphs; other types (NITF, XML) are not read. */
function body(item: Ninjs23Association): string {
  const bodies = (item.bodies ?? []).filter((b) => b.value.trim());
  const html = bodies.find(isHtml) ?? bodies.find((b) => contentType(b) === '' && /^\s*</.test(b.value));
  if (html) return bodyContent(html.value);
  const plain = bodies.find(isPlain);
  return plain ? plainToHtml(plain.value) : '';
}

/** Some agencies (TT) deliver a whole HTML document: its <body> is the story, its <head> is not. */
function bodyContent(html: string): string {
  const inner = /<body\b[^>]*>([\s\S]*?)<\/body\s*>/i.exec(html);
  return (inner ? inner[1]! : html).trim();
}

/** Blank lines separate paragraphs; when there are none, single line breaks do (TT, SIPA). */
function plainToHtml(text: string): string {
  return textToHtml(/\r?\n\s*\r?\n/.test(text) ? text : text.replace(/\r?\n/g, '\n\n'));
}

const authorRel = /(^|[/#:])(author|creator|writer|byline|reporter|photographer)$/i;

/** `by` (1.x `byline` if an agency kept it), else the people whose rel makes them the authors. */
function byline(item: Ninjs23Association): string {
  const by = (item.by ?? item.byline)?.trim();
  if (by) return by;
  const authors = (item.people ?? []).filter((p) => p.rel && authorRel.test(p.rel.trim())).map((p) => p.name?.trim() ?? '').filter(Boolean);
  return authors.join(', ');
}

/** `located`, else a place whose rel says it is where the story was filed. */
function located(item: Ninjs23Association): string {
  const located = item.located?.trim();
  if (located) return located;
  const place = (item.places ?? []).find((p) => p.rel && /(^|[/#:])(located|dateline)$/i.test(p.rel.trim()) && p.name?.trim());
  return place?.name?.trim() ?? '';
}

/** Info source roles that name the supplier rather than, say, an interviewee. */
const supplierRole = /(^|[/#:])(agency|provider|supplier|originator|originatingagency|source|distributor)$/i;

/**
 * Who delivered it, as a credit reads: a `provider` (extension, as in 1.x), the item's
 * creditline, an info source that supplied it, else the copyright holder.
 */
function agency(item: Ninjs23Association, major: Major): string {
  const provider = item['provider'];
  if (isObject(provider) && typeof provider['name'] === 'string' && provider['name'].trim()) return provider['name'].trim();
  const creditline = firstValue((item.descriptions ?? []).filter((d) => role(d) === 'creditline'));
  if (creditline) return creditline;
  const sources = pick(item, major, 'infosources', 'infoSources') ?? [];
  const source = sources.find((s) => s.name?.trim() && (!s.role || supplierRole.test(s.role.trim())));
  if (source) return source.name!.trim();
  return pick(item, major, 'copyrightholder', 'copyrightHolder')?.trim() ?? '';
}

/** `usageterms`, else the address of the linked rights expression (encoded ODRL is not text for people). */
function usageTerms(item: Ninjs23Association, major: Major): string {
  const terms = pick(item, major, 'usageterms', 'usageTerms')?.trim();
  if (terms) return terms;
  const rights = pick(item, major, 'rightsinfo', 'rightsInfo');
  return (rights ? (major === 3 ? rights.linkedRights ?? rights.linkedrights : rights.linkedrights ?? rights.linkedRights) : undefined)?.trim() ?? '';
}

/**
 * Subjects with a name. The code is the qualified code when the literal is one ("medtop:20000763",
 * "paimagescategory:a"), else the concept URI, else the literal as delivered.
 */
function subjectsOf(item: Ninjs23Association): WireSubject[] {
  return (item.subjects ?? []).filter((s) => s.name?.trim()).map((s) => {
    const literal = s.literal?.trim() ?? '';
    const qualified = /^[A-Za-z][\w.-]*:[^/]/.test(literal) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(literal);
    return { name: s.name!.trim(), code: qualified ? literal : s.uri?.trim() || literal };
  });
}


/** Renditions that name the full picture; otherwise the widest image wins. */
const renditionPreference = ['original', 'main', 'highres', 'hires', 'baseimage', 'large', 'supplied'];

/** Picture and graphic associations (featuremedia first), each with a usable image rendition. */
function pictures(item: Ninjs23Item, major: Major, baseDir: string | null): WirePicture[] {
  const entries = (item.associations ?? []).map((assoc, i) => ({ assoc, i }));
  entries.sort((a, b) => Number(b.assoc.name === 'featuremedia') - Number(a.assoc.name === 'featuremedia'));
  const out: WirePicture[] = [];
  for (const { assoc, i } of entries) {
    if (assoc.type !== undefined && assoc.type !== 'picture' && assoc.type !== 'graphic') continue;
    const where = `associations.${i}`;
    const renditions = (assoc.renditions ?? []).flatMap((r, j): WireRendition[] => {
      const href = r.href === undefined ? null : resolveHref(r.href, baseDir, `${where}.renditions.${j}`);
      return href ? [{ name: r.name?.trim() || `rendition-${j + 1}`, href, mimetype: contentType(r) || null, width: r.width ?? null, height: r.height ?? null }] : [];
    });
    const chosen = pickRendition(renditions);
    if (!chosen) continue;
    const copyrightHolder = pick(assoc, major, 'copyrightholder', 'copyrightHolder')?.trim() ?? '';
    const caption = firstValue((assoc.descriptions ?? []).filter((d) => role(d) === 'caption')) || firstValue(summaries(assoc));
    const creditline = firstValue((assoc.descriptions ?? []).filter((d) => role(d) === 'creditline'));
    out.push({
      uri: assoc.uri?.trim() || null,
      role: assoc.name?.trim() || assoc.rel?.trim() || `association-${i + 1}`,
      headline: headline(assoc),
      caption: caption || headline(assoc),
      credit: creditline || byline(assoc) || copyrightHolder,
      copyrightHolder,
      href: chosen.href,
      mimetype: chosen.mimetype,
      width: chosen.width,
      height: chosen.height,
      renditions,
    });
  }
  return out;
}

function pickRendition(renditions: WireRendition[]): WireRendition | null {
  const images = renditions.filter((r) => !r.mimetype || r.mimetype.startsWith('image/'));
  for (const name of renditionPreference) {
    const hit = images.find((r) => r.name.toLowerCase() === name);
    if (hit) return hit;
  }
  return [...images].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0] ?? null;
}
