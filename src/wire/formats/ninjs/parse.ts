import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatelineError } from '../../../shared/index.js';
import { uniqueNames, type WireItem, type WirePicture } from '../../wire-item.js';
import type { WireFormat } from '../format.js';
import { textToHtml as plainToHtml } from '../markup.js';
import { ninjsItem, type NinjsAssociation, type NinjsItem } from './schema.js';
import { objectMajor } from './version.js';

const bodyPreference = ['body_html', 'body_xhtml', 'body_richtext'];
const plainBodies = ['body_text', 'body_main'];
const renditionPreference = ['original', 'baseImage', 'highRes', 'hires', 'large', 'viewImage', 'preview'];

/** IPTC NINJS 1.x (JSON): https://iptc.org/standards/ninjs/ */
export const ninjs1: WireFormat = {
  name: 'ninjs-1',
  detect: (input) => input.kind === 'json' && isNinjs1(input.json),
  parse(input, source) {
    const item = validate((input as { json: unknown }).json);
    return { format: 'ninjs-1', items: [toWireItem(item, source.baseDir)], skipped: [], failed: [] };
  },
};

/**
 * An object that is not a 2.x/3.x item: it declares 1.x (`$standard`), or declares nothing and has
 * none of the 2.x/3.x shapes (headlines/bodies arrays, camelCase 3.x properties, events): see version.ts.
 */
function isNinjs1(json: unknown): boolean {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  const major = objectMajor(json as Record<string, unknown>);
  return major === null || major === 1;
}

function invalid(message: string): DatelineError {
  return new DatelineError('INVALID_WIRE_ITEM', `not a valid NINJS item: ${message}`);
}

function validate(json: unknown): NinjsItem {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw invalid(`expected one JSON object, found ${Array.isArray(json) ? 'an array' : json === null ? 'null' : typeof json}`);
  }
  const standard = (json as { $standard?: { version?: unknown } }).$standard;
  if (standard?.version !== undefined && !String(standard.version).startsWith('1.')) {
    throw invalid(`NINJS ${String(standard.version)} is not supported yet (this importer reads NINJS 1.x)`);
  }
  if ('headlines' in json || 'bodies' in json) {
    throw invalid('this looks like NINJS 2.x or 3.x (headlines/bodies arrays); this importer reads NINJS 1.x');
  }
  const parsed = ninjsItem.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'item';
    throw invalid(`${where}: ${issue.message}`);
  }
  return parsed.data;
}

function toWireItem(item: NinjsItem, baseDir: string | null): WireItem {
  const type = item.type ?? 'text';
  return {
    format: 'ninjs-1',
    sourceDir: baseDir,
    uri: item.uri.trim(),
    version: item.version === undefined ? null : String(item.version),
    type: type === 'component' ? 'other' : type,
    pubStatus: item.pubstatus ?? 'usable',
    firstCreated: date(item.firstcreated),
    versionCreated: date(item.versioncreated),
    embargoedUntil: date(item.embargoed),
    language: item.language ?? null,
    urgency: item.urgency ?? null,
    headline: headline(item),
    summary: stringProp(item, 'description_text') ?? '',
    bodyHtml: body(item),
    byline: item.byline ?? '',
    located: item.located ?? '',
    agency: agency(item),
    copyrightHolder: item.copyrightholder ?? '',
    copyrightNotice: item.copyrightnotice ?? '',
    usageTerms: item.usageterms ?? '',
    keywords: (item.keywords ?? []).map((k) => k.trim()).filter(Boolean),
    subjects: (item.subject ?? []).filter((s) => s.name?.trim()).map((s) => ({ name: s.name!.trim(), code: s.code ?? '' })),
    topics: topics(item),
    link: null,
    pictures: pictures(item, baseDir),
  };
}

const date = (s: string | undefined) => (s === undefined ? null : new Date(s));

function stringProp(item: NinjsAssociation, key: string): string | undefined {
  const v = item[key];
  if (v !== undefined && typeof v !== 'string') throw invalid(`${key}: expected a string`);
  return v;
}

/** `headline`, else the main one of the 1.3+ `headline_*` extras (the IPTC guide uses headline_main). */
function headline(item: NinjsItem): string {
  if (item.headline) return item.headline;
  const extra = Object.keys(item).filter((k) => k.startsWith('headline_'));
  extra.sort((a, b) => Number(b === 'headline_main') - Number(a === 'headline_main'));
  return extra.length ? stringProp(item, extra[0]!) ?? '' : '';
}

function body(item: NinjsItem): string {
  for (const key of bodyPreference) {
    const html = stringProp(item, key);
    if (html !== undefined) return html;
  }
  for (const key of plainBodies) {
    const text = stringProp(item, key);
    if (text !== undefined) return textToHtml(text);
  }
  return '';
}

/** Plain-text bodies: blank lines separate paragraphs. */
export const textToHtml = (text: string) => plainToHtml(text, 'keep');

function topics(item: NinjsItem): string[] {
  return uniqueNames([...(item.keywords ?? []), ...(item.subject ?? []).map((s) => s.name ?? '')]);
}

/** The provider: NINJS 1.x has no field for it, so the copyright holder stands in (AFP's items name AFP). */
function agency(item: NinjsItem): string {
  const provider = item['provider'];
  if (provider && typeof provider === 'object' && typeof (provider as { name?: unknown }).name === 'string') return (provider as { name: string }).name;
  return item.copyrightholder ?? '';
}

function pictures(item: NinjsItem, baseDir: string | null): WirePicture[] {
  const entries = Object.entries(item.associations ?? {});
  entries.sort(([a], [b]) => Number(b === 'featuremedia') - Number(a === 'featuremedia'));
  const out: WirePicture[] = [];
  for (const [role, assoc] of entries) {
    if (assoc.type !== undefined && assoc.type !== 'picture' && assoc.type !== 'graphic') continue;
    const rendition = pickRendition(assoc);
    if (!rendition) continue;
    const where = `associations.${role}`;
    const href = resolveHref(rendition.href, baseDir, where);
    if (!href) continue;
    out.push({
      uri: assoc.uri ?? null,
      role,
      headline: assoc.headline ?? '',
      caption: stringProp(assoc, 'description_text') ?? assoc.headline ?? '',
      credit: assoc.byline ?? assoc.copyrightholder ?? '',
      copyrightHolder: assoc.copyrightholder ?? '',
      href,
      mimetype: rendition.mimetype ?? null,
      width: rendition.width ?? null,
      height: rendition.height ?? null,
      renditions: Object.entries(assoc.renditions ?? {}).flatMap(([name, r]) => {
        const at = typeof r.href === 'string' ? resolveHref(r.href, baseDir, where) : null;
        return at ? [{ name, href: at, mimetype: r.mimetype ?? null, width: r.width ?? null, height: r.height ?? null }] : [];
      }),
    });
  }
  return out;
}

function pickRendition(item: NinjsAssociation): { href: string; mimetype?: string; width?: number; height?: number } | null {
  const renditions = Object.entries(item.renditions ?? {}).filter(
    (e): e is [string, { href: string; mimetype?: string; width?: number; height?: number }] =>
      typeof e[1].href === 'string' && (!e[1].mimetype || e[1].mimetype.startsWith('image/')),
  );
  for (const name of renditionPreference) {
    const hit = renditions.find(([n]) => n === name);
    if (hit) return hit[1];
  }
  renditions.sort(([, a], [, b]) => (b.width ?? 0) - (a.width ?? 0));
  return renditions[0]?.[1] ?? null;
}

/**
 * A rendition's href: an http(s) URL, or a path relative to the item's file that stays inside
 * the item's folder (a wire item must not be able to make us read /etc/passwd).
 */
export function resolveHref(href: string, baseDir: string | null, where: string): string | null {
  if (/^https?:\/\//i.test(href)) return href;
  // Bytes pushed over HTTP have no folder: a local reference there is never read.
  if (baseDir === null) return null;
  let local: string;
  try {
    local = href.startsWith('file:') ? fileURLToPath(href) : decodeURI(href);
  } catch {
    throw invalid(`${where}: rendition href "${href}" is not a valid file reference`);
  }
  const full = path.resolve(baseDir, local);
  const root = path.resolve(baseDir) + path.sep;
  if (!full.startsWith(root)) throw invalid(`${where}: rendition href "${href}" points outside the item's folder`);
  return full;
}
