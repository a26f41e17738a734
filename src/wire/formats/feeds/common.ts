import { createHash } from 'node:crypto';
import { DatelineError } from '../../../shared/index.js';
import { uniqueNames, type WireItem, type WirePicture, type WireRendition, type WireSubject } from '../../wire-item.js';

export { uniqueNames };
import type { WireFailure, WireParse } from '../format.js';
import { escapeAttr, escapeText, textToHtml as plainToHtml, voidElements } from '../markup.js';
import { attr, childElements, isElement, textOf, type XmlElement, type XmlNode } from '../xml.js';

/**
 * What RSS and Atom share: dates (RFC 822, RFC 3339, W3CDTF), xml:base and relative URLs,
 * text and HTML helpers, Media RSS pictures, identifiers for items that have none.
 */

export const ns = {
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rss2: 'http://backend.userland.com/rss2',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  xhtml: 'http://www.w3.org/1999/xhtml',
  tombstones: 'http://purl.org/atompub/tombstones/1.0',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
} as const;

/** Media RSS: the spec's namespace ends in a slash; many feeds (and feedparser's tests) leave it off. */
export const mediaNamespaces = ['http://search.yahoo.com/mrss/', 'http://search.yahoo.com/mrss'];

export function refuse(message: string): DatelineError {
  return new DatelineError('INVALID_WIRE_ITEM', message);
}

/** A feed parse: the shared shape plus the feed's own facts and what was read leniently. */
export interface FeedParse extends WireParse {
  feed: FeedInfo;
  /** Things read leniently, one line each ("item 2 <pubDate>: unreadable date "..." left empty"). */
  warnings: string[];
}

/** The channel or feed itself (for a lone Atom entry: empty). */
export interface FeedInfo {
  /** "rss-2.0", "rss-0.91", "rss-1.0", "rss-0.90", "atom-1.0", "atom-0.3". */
  version: string;
  title: string;
  /** The feed's web page (RSS channel link, Atom alternate link), absolute, or null. */
  link: string | null;
  language: string | null;
}

// ---- the tree ----

/** All child elements with this local name in any of these namespaces. */
export function kids(el: XmlElement | undefined, namespaces: readonly string[], name: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => isElement(c) && c.name === name && namespaces.includes(c.ns));
}

export function kid(el: XmlElement | undefined, namespaces: readonly string[], name: string): XmlElement | undefined {
  return kids(el, namespaces, name)[0];
}

/** An attribute by local name whatever its prefix ("rdf:about", "about"). */
export function attrLocal(el: XmlElement | undefined, local: string): string | undefined {
  if (!el) return undefined;
  for (const [k, v] of Object.entries(el.attrs)) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

const illegalChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * What the generic XML reader lets through but a namespace-aware, well-formed feed cannot hold:
 * element prefixes that were never declared (`<media:content>` without xmlns:media) and
 * control characters XML 1.0 forbids (U+0008 in a title). The whole delivery is refused, as
 * for any other XML that is not well-formed.
 */
export function checkWellFormed(el: XmlElement, inside = ''): void {
  const where = inside ? `${`<${el.qname}>`} inside ${inside}` : `<${el.qname}>`;
  const colon = el.qname.indexOf(':');
  if (colon > 0 && el.ns === '' && el.qname.slice(0, colon) !== 'xml') {
    throw refuse(`not well-formed XML: the namespace prefix "${el.qname.slice(0, colon)}" of ${where} is not declared`);
  }
  for (const [k, v] of Object.entries(el.attrs)) {
    const bad = illegalChar.exec(v);
    if (bad) throw refuse(`not well-formed XML: control character ${codePoint(bad[0])} in attribute ${k} of ${where}`);
  }
  for (const c of el.children) {
    if (typeof c === 'string') {
      const bad = illegalChar.exec(c);
      if (bad) throw refuse(`not well-formed XML: control character ${codePoint(bad[0])} in the text of ${where} (XML 1.0 forbids it)`);
    } else checkWellFormed(c, `<${el.qname}>`);
  }
}

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The element written back as XML, with the namespace declarations it needs: for quarantine. */
export function outerXml(el: XmlElement): string {
  const declared = new Map<string, string>();
  const collect = (e: XmlElement) => {
    const colon = e.qname.indexOf(':');
    const prefix = colon < 0 ? '' : e.qname.slice(0, colon);
    if (prefix !== 'xml' && !declared.has(prefix)) declared.set(prefix, e.ns);
    for (const c of e.children) if (isElement(c)) collect(c);
  };
  collect(el);
  const decls = [...declared].filter(([p, u]) => u || p).map(([p, u]) => ` ${p ? `xmlns:${p}` : 'xmlns'}="${escapeAttr(u)}"`).join('');
  return write(el, decls);
}

function write(el: XmlElement, extra = ''): string {
  const attrs = Object.entries(el.attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (!el.children.length) return `<${el.qname}${extra}${attrs}/>`;
  const inner = el.children.map((c) => (typeof c === 'string' ? escapeText(c) : write(c))).join('');
  return `<${el.qname}${extra}${attrs}>${inner}</${el.qname}>`;
}

/** True when the element holds nothing at all: no attributes, no child elements, no text. */
export const isEmptyElement = (el: XmlElement) => !Object.keys(el.attrs).length && !el.children.some((c) => isElement(c) || /\S/.test(c));

// ---- scope: xml:base and xml:lang ----

/** What an element inherits: the base URL relative references resolve against, and its language. */
export interface Scope {
  base: string | null;
  lang: string | null;
}

/** The scope inside an element: its own xml:base (resolved) and xml:lang override the parent's. */
export function scopeOf(el: XmlElement, parent: Scope): Scope {
  const base = attr(el, 'xml:base');
  const lang = attr(el, 'xml:lang');
  return {
    base: base === undefined ? parent.base : resolveUrl(base, parent.base) ?? parent.base,
    lang: lang === undefined ? parent.lang : lang.trim() || null,
  };
}

const hasScheme = (s: string) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s);

/**
 * A reference resolved against a base (RFC 3986): absolute references stay as written,
 * relative ones need an absolute base (else null), and what no URL parser accepts is null.
 */
export function resolveUrl(ref: string, base: string | null): string | null {
  const r = ref.trim();
  if (!r) return base;
  if (hasScheme(r)) {
    try {
      new URL(r);
      return r;
    } catch {
      return null;
    }
  }
  if (!base) return null;
  try {
    return new URL(r, base).href;
  } catch {
    return null;
  }
}

/** A web address for readers: http(s) only (a tag: URI or javascript: is not "the original on the web"). */
export function webUrl(ref: string | undefined, base: string | null): string | null {
  if (!ref?.trim()) return null;
  const url = resolveUrl(ref, base);
  return url && /^https?:\/\//i.test(url) ? url : null;
}

// ---- dates ----

const months: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** RFC 822 / RFC 2822 zone names, plus a few unambiguous ones seen in agency feeds. Minutes east of UTC. */
const zones: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150,
  BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, WEST: 60, EET: 120, EEST: 180, MSK: 180,
  JST: 540, KST: 540, HKT: 480, SGT: 480, AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

const rfc822 =
  /^(?:[a-z]{3,9}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(.*)$/i;
const w3cdtf =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt ]\s*(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(.*))?)?)?$/;

export interface ReadDate {
  date: Date | null;
  /** Why the date is null, or how it was read leniently (no zone: read as UTC). */
  note?: string;
}

/**
 * A feed date, whatever the feed used: RFC 822 ("Tue, 10 Jun 2003 04:00:00 GMT", named or
 * numeric zones, two-digit years), RFC 3339 and W3CDTF ("2003-12-31T10:14:55Z", "2003-12",
 * "2003"). What cannot be read is null with a note; the item still goes through.
 */
export function parseFeedDate(raw: string): ReadDate {
  const s = raw.replace(/\s+/g, ' ').trim();
  if (!s) return { date: null };
  let m = w3cdtf.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    const offset = h === undefined ? 0 : zoneOffset(zone ?? '');
    if (offset === undefined) return { date: null, note: `unknown time zone "${zone}"` };
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    const date = build(+y!, mo ? +mo : 1, d ? +d : 1, h ? +h : 0, mi ? +mi : 0, sec ? +sec : 0, ms, offset ?? 0);
    if (!date) return { date: null, note: 'not a valid date' };
    return h !== undefined && !zone?.trim() ? { date, note: 'no time zone: read as UTC' } : { date };
  }
  m = rfc822.exec(s);
  if (m) {
    const [, d, mon, y, h, mi, sec, zone] = m;
    const month = months[mon!.slice(0, 3).toLowerCase()];
    if (!month) return { date: null, note: `unknown month "${mon}"` };
    let year = +y!;
    if (y!.length === 2) year += year < 50 ? 2000 : 1900;
    else if (y!.length === 3) year += 1900;
    const offset = zoneOffset(zone ?? '');
    if (offset === undefined) return { date: null, note: `unknown time zone "${zone}"` };
    const date = build(year, month, +d!, +h!, +mi!, sec ? +sec : 0, 0, offset);
    if (!date) return { date: null, note: 'not a valid date' };
    return zone?.trim() ? { date } : { date, note: 'no time zone: read as UTC' };
  }
  return { date: null, note: 'neither an RFC 822 nor an RFC 3339 / W3CDTF date' };
}

/** Minutes east of UTC; 0 for no zone; undefined for a zone that cannot be known. */
function zoneOffset(zone: string): number | undefined {
  // A trailing comment names the zone again ("+0000 (UTC)"); alone, it is the zone ("(GMT)").
  const written = zone.trim();
  const z = written.replace(/\s*\([^)]*\)$/, '').trim() || written.replace(/^\((.*)\)$/, '$1').trim();
  if (!z) return 0;
  const numeric = /^(?:GMT|UTC|UT)?\s*([+-])(\d{1,2}):?(\d{2})?$/i.exec(z);
  if (numeric) {
    const [, sign, hh, mm] = numeric;
    if (+hh! > 14 || +(mm ?? 0) > 59) return undefined;
    return (sign === '-' ? -1 : 1) * (+hh! * 60 + +(mm ?? 0));
  }
  // "GMT (Greenwich Mean Time)", "+0000 (UTC)": the first word decides.
  const word = z.split(/[\s(]/)[0]!.toUpperCase();
  if (word in zones) return zones[word];
  // RFC 822's military letters have their signs inverted in practice: RFC 2822 says read them as -0000.
  if (/^[A-IK-Z]$/.test(word)) return 0;
  return undefined;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  if (h === 24 && (mi || s || ms)) return null;
  const sec = s === 60 ? 59 : s; // a leap second: the instant before it
  const local = new Date(Date.UTC(y, mo - 1, d, 0, 0, 0));
  if (local.getUTCDate() !== d || local.getUTCMonth() !== mo - 1) return null; // 31 April
  const t = Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offset * 60_000;
  const date = new Date(t);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Reads dates for one item: each element once (a note per unreadable one), the first of the
 * candidates that holds a readable date wins.
 */
export function dateReader(warnings: string[], where: string): (...candidates: (XmlElement | undefined)[]) => Date | null {
  const memo = new Map<XmlElement, Date | null>();
  const readOne = (el: XmlElement): Date | null => {
    const raw = textOf(el).trim();
    if (!raw) return null;
    const { date, note } = parseFeedDate(raw);
    if (note) warnings.push(`${where} <${el.qname}>: ${date ? `"${raw}": ${note}` : `unreadable date "${raw}" (${note}): left empty`}`);
    return date;
  };
  return (...candidates) => {
    for (const el of candidates) {
      if (!el) continue;
      if (!memo.has(el)) memo.set(el, readOne(el));
      const date = memo.get(el);
      if (date) return date;
    }
    return null;
  };
}

// ---- text and HTML ----

export { escapeAttr, escapeText };

/** Plain text as HTML: blank lines separate paragraphs, single line breaks become <br>. */
export const textToHtml = (text: string) => plainToHtml(text, 'br');

const htmlEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c',
  rdquo: '\u201d', bdquo: '\u201e', laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a', bull: '\u2022',
  middot: '\u00b7', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5', cent: '\u00a2',
  deg: '\u00b0', plusmn: '\u00b1', times: '\u00d7', divide: '\u00f7', frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be',
  sect: '\u00a7', para: '\u00b6', dagger: '\u2020', Dagger: '\u2021', prime: '\u2032', Prime: '\u2033', iexcl: '\u00a1',
  iquest: '\u00bf', ordf: '\u00aa', ordm: '\u00ba', micro: '\u00b5', szlig: '\u00df', Agrave: '\u00c0', Aacute: '\u00c1',
  Acirc: '\u00c2', Atilde: '\u00c3', Auml: '\u00c4', Aring: '\u00c5', AElig: '\u00c6', Ccedil: '\u00c7', Egrave: '\u00c8',
  Eacute: '\u00c9', Ecirc: '\u00ca', Euml: '\u00cb', Igrave: '\u00cc', Iacute: '\u00cd', Icirc: '\u00ce', Iuml: '\u00cf',
  ETH: '\u00d0', Ntilde: '\u00d1', Ograve: '\u00d2', Oacute: '\u00d3', Ocirc: '\u00d4', Otilde: '\u00d5', Ouml: '\u00d6',
  Oslash: '\u00d8', Ugrave: '\u00d9', Uacute: '\u00da', Ucirc: '\u00db', Uuml: '\u00dc', Yacute: '\u00dd', THORN: '\u00de',
  agrave: '\u00e0', aacute: '\u00e1', acirc: '\u00e2', atilde: '\u00e3', auml: '\u00e4', aring: '\u00e5', aelig: '\u00e6',
  ccedil: '\u00e7', egrave: '\u00e8', eacute: '\u00e9', ecirc: '\u00ea', euml: '\u00eb', igrave: '\u00ec', iacute: '\u00ed',
  icirc: '\u00ee', iuml: '\u00ef', eth: '\u00f0', ntilde: '\u00f1', ograve: '\u00f2', oacute: '\u00f3', ocirc: '\u00f4',
  otilde: '\u00f5', ouml: '\u00f6', oslash: '\u00f8', ugrave: '\u00f9', uacute: '\u00fa', ucirc: '\u00fb', uuml: '\u00fc',
  yacute: '\u00fd', thorn: '\u00fe', yuml: '\u00ff', OElig: '\u0152', oelig: '\u0153', Scaron: '\u0160', scaron: '\u0161',
  Yuml: '\u0178', Zcaron: '\u017d', zcaron: '\u017e', fnof: '\u0192', circ: '\u02c6', tilde: '\u02dc', zwnj: '\u200c',
  zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', permil: '\u2030', larr: '\u2190', rarr: '\u2192', uarr: '\u2191', darr: '\u2193',
  harr: '\u2194', minus: '\u2212', le: '\u2264', ge: '\u2265', ne: '\u2260', infin: '\u221e', asymp: '\u2248', hearts: '\u2665',
};

/** HTML character references decoded (named ones from a common set; unknown names stay as written). */
export function decodeHtmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return htmlEntities[ref] ?? whole;
  });
}

/** Text of an HTML fragment: tags dropped (script/style with their content), entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return collapse(
    decodeHtmlEntities(
      html
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
        .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, ' ')
        .replace(/<\/?[a-zA-Z][^>]*>/g, ''),
    ),
  );
}

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const inlineTags = /<\/?(p|b|i|u|s|em|strong|a|br|span|div|font|sup|sub|small|big|abbr|cite|q|code|strike|img|h[1-6]|ul|ol|li|blockquote)\b[^>]*>/i;

/** Text that should be plain but may carry HTML (an RSS title): markup or references are read as HTML. */
export function maybeHtmlToText(text: string): string {
  return inlineTags.test(text) || /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text) ? htmlToText(text) : collapse(text);
}

/**
 * Bytes that were windows-1252 read as Latin-1 show up as C1 control characters (U+0080 to
 * U+009F), which never belong in news text: they become the characters the sender meant
 * (U+0092 is a right single quote).
 */
const cp1252: Record<number, string> = {
  0x80: '\u20ac', 0x82: '\u201a', 0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021', 0x88: '\u02c6',
  0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152', 0x8e: '\u017d', 0x91: '\u2018', 0x92: '\u2019', 0x93: '\u201c',
  0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014', 0x98: '\u02dc', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a',
  0x9c: '\u0153', 0x9e: '\u017e', 0x9f: '\u0178',
};

export function fixC1(s: string): string {
  return /[\u0080-\u009f]/.test(s) ? s.replace(/[\u0080-\u009f]/g, (c) => cp1252[c.charCodeAt(0)] ?? '') : s;
}

// ---- URLs inside HTML ----

const urlAttributes = new Set(['href', 'src', 'poster', 'cite', 'action', 'background', 'longdesc', 'usemap', 'data', 'formaction', 'icon', 'manifest']);

function resolveSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const m = /^(\s*)(\S+)(.*)$/s.exec(candidate);
      if (!m) return candidate;
      return `${m[1]}${resolveRelative(m[2]!, base)}${m[3]}`;
    })
    .join(',');
}

/** A relative reference resolved; absolute ones (any scheme) and unresolvable ones stay as written. */
function resolveRelative(value: string, base: string): string {
  const v = value.trim();
  if (!v || hasScheme(v) || v.startsWith('//')) return value;
  try {
    return new URL(v, base).href;
  } catch {
    return value;
  }
}

const tagPattern = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?|\s*\/)*\s*>/g;
const attrPattern = /(\s)([^\s"'>/=]+)(\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

/**
 * Relative links and images inside an HTML body, resolved against the base in scope (xml:base,
 * else the feed's link), as feedparser does: href, src, srcset, poster and the other URL attributes.
 */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (!base || !html.includes('<')) return html;
  return html.replace(tagPattern, (tag) =>
    tag.replace(attrPattern, (whole, space: string, name: string, eq: string, _q, dq?: string, sq?: string, bare?: string) => {
      const key = name.toLowerCase();
      if (!urlAttributes.has(key) && key !== 'srcset') return whole;
      const value = dq ?? sq ?? bare ?? '';
      // Attribute values are HTML: "&amp;" in a query string stays as written, it resolves unchanged.
      const resolved = key === 'srcset' ? resolveSrcset(value, base) : resolveRelative(value, base);
      if (resolved === value) return whole;
      const quote = sq !== undefined ? "'" : '"';
      return `${space}${name}${eq}${quote}${resolved.replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&#39;')}${quote}`;
    }),
  );
}

// ---- XHTML inside a feed ----

/**
 * Inline XHTML (Atom type="xhtml", xhtml:body) as HTML. Elements in the XHTML namespace (or
 * none, as careless feeds write it) are kept; elements of any other namespace are not HTML, so
 * only their text is kept, unless `anyNamespace` (markup written unescaped where HTML text was
 * due, which takes the feed's default namespace). Prefixes are dropped, URL attributes
 * resolved against the xml:base in scope at each element.
 */
export function xhtmlToHtml(nodes: XmlNode[], scope: Scope, anyNamespace = false): string {
  let s = '';
  for (const c of nodes) {
    if (typeof c === 'string') {
      s += escapeText(c);
      continue;
    }
    const inner = scopeOf(c, scope);
    if (!anyNamespace && c.ns !== ns.xhtml && c.ns !== '') {
      s += xhtmlToHtml(c.children, inner);
      continue;
    }
    const attrs = Object.entries(c.attrs)
      .filter(([k]) => !k.includes(':'))
      .map(([k, v]) => {
        const key = k.toLowerCase();
        const value = inner.base && urlAttributes.has(key) ? resolveRelative(v, inner.base) : inner.base && key === 'srcset' ? resolveSrcset(v, inner.base) : v;
        return ` ${k}="${escapeAttr(value)}"`;
      })
      .join('');
    s += voidElements.has(c.name) ? `<${c.name}${attrs}>` : `<${c.name}${attrs}>${xhtmlToHtml(c.children, inner, anyNamespace)}</${c.name}>`;
  }
  return s;
}

/** True when the element holds child elements (naked markup), not only text. */
export const hasElementChildren = (el: XmlElement) => el.children.some(isElement);

// ---- people, categories, identifiers ----

/**
 * A name from an RSS author field, which the spec makes an e-mail address:
 * "writer@example.com (Writer)" and "Writer <writer@example.com>" give "Writer"; a bare
 * address is contact data, not a byline, and gives ''.
 */
export function personName(raw: string): string {
  const s = collapse(raw);
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  if (paren) return paren[1]!.trim();
  const angle = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(s);
  if (angle) return angle[1]!.replace(/^"(.*)"$/, '$1').trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) || /^mailto:/i.test(s)) return '';
  return s;
}


/**
 * A category with a scheme as a subject: the code is the term qualified by its scheme, the
 * way vocabularies build concept URIs (scheme + term; `separator` between them when the scheme
 * does not already end in one: "#" for Atom and Media RSS, "/" for an RSS domain, whose
 * values are slash-separated paths in the taxonomy).
 */
export function subject(name: string, term: string, scheme: string, separator = '#'): WireSubject {
  const s = scheme.trim();
  const t = term.trim();
  const code = !t ? s : /[/#:=?]$/.test(s) ? `${s}${t}` : `${s}${separator}${t}`;
  return { name: collapse(name), code };
}

/** Keywords and subject names together, in delivery order, duplicates (any case) removed. */
export function topicsOf(keywords: string[], subjects: WireSubject[]): string[] {
  return uniqueNames([...keywords, ...subjects.map((s) => s.name)]);
}

/** The holder inside a rights statement: "Copyright 2024 Reuters. All rights reserved." gives "Reuters". */
export function holderOf(notice: string): string {
  const holder = collapse(
    notice
      .replace(/all rights reserved\.?/gi, '')
      .replace(/copyright|\(c\)|©|℗/gi, '')
      .replace(/\b(1[89]|20)\d{2}(\s*[-–]\s*((1[89]|20)\d{2}|\d{2}))?\b/g, ''),
  )
    .replace(/^[\s,.;:-]+|[\s,;:-]+$/g, '')
    // A closing full stop goes, unless it ends an abbreviation ("Old Wire Inc.").
    .replace(/(?<!\b(?:Inc|Ltd|Co|Corp|Bros|Pty|Cie|[A-Z]))\.$/, '');
  return holder.length > 120 ? '' : holder;
}

/**
 * An identifier for an item that carries none (no guid, no id, no link): a hash of what makes
 * it itself, stable across fetches of the same feed.
 */
export function stableUri(parts: string[]): string {
  return `urn:dateline:feed-item:${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)}`;
}

// ---- pictures ----

const imageExtension = /\.(jpe?g|png|gif|webp|avif|bmp|tiff?)(\?|#|$)/i;

export const isImage = (type: string | undefined, url: string) => (type ? /^image\//i.test(type.trim()) : imageExtension.test(url));

export function intOrNull(v: string | undefined): number | null {
  if (v === undefined || !/^\s*\d+\s*$/.test(v)) return null;
  const n = parseInt(v, 10);
  return n > 0 ? n : null;
}

export interface PictureFacts {
  headline: string;
  caption: string;
  credit: string;
  copyrightHolder: string;
}

export function picture(renditions: WireRendition[], facts: PictureFacts): WirePicture | null {
  if (!renditions.length) return null;
  // The largest offered; the first when sizes are not given.
  const chosen = renditions.reduce((best, r) => ((r.width ?? 0) * (r.height ?? 1) > (best.width ?? 0) * (best.height ?? 1) ? r : best), renditions[0]!);
  return {
    uri: null,
    role: 'picture',
    headline: facts.headline,
    caption: facts.caption,
    credit: facts.credit,
    copyrightHolder: facts.copyrightHolder,
    href: chosen.href,
    mimetype: chosen.mimetype,
    width: chosen.width,
    height: chosen.height,
    renditions,
  };
}

/** Media RSS text (media:title, media:description): type="html" is HTML, "plain" is text, no type: either. */
function mediaText(el: XmlElement | undefined): string {
  if (!el) return '';
  const type = attr(el, 'type')?.trim().toLowerCase();
  return type === 'html' ? htmlToText(textOf(el)) : type === 'plain' ? collapse(textOf(el)) : maybeHtmlToText(textOf(el));
}

export function mediaFacts(el: XmlElement | undefined, fallback: PictureFacts): PictureFacts {
  if (!el) return fallback;
  const credits = uniqueNames(kids(el, [...mediaNamespaces], 'credit').map((c) => textOf(c)));
  const title = mediaText(kid(el, mediaNamespaces, 'title'));
  const description = mediaText(kid(el, mediaNamespaces, 'description'));
  const copyright = collapse(textOf(kid(el, mediaNamespaces, 'copyright')));
  return {
    headline: title || fallback.headline,
    caption: description || fallback.caption,
    credit: credits.join(', ') || fallback.credit,
    copyrightHolder: copyright || fallback.copyrightHolder,
  };
}

function mediaRendition(el: XmlElement, base: string | null, name: string): WireRendition | null {
  const href = webUrl(attr(el, 'url'), base);
  if (!href) return null;
  return { name, href, mimetype: attr(el, 'type')?.trim() || null, width: intOrNull(attr(el, 'width')), height: intOrNull(attr(el, 'height')) };
}

const isImageContent = (el: XmlElement) => {
  const medium = attr(el, 'medium')?.trim().toLowerCase();
  if (medium) return medium === 'image';
  return isImage(attr(el, 'type'), attr(el, 'url') ?? '');
};

/**
 * Media RSS pictures of an item or entry: each media:group and each image media:content is a
 * picture (the group's images its renditions), then `others` (enclosures); media:thumbnail
 * elements are renditions of the first picture, or one picture of their own. media:title, description, credit and copyright
 * become headline, caption, credit and copyright holder, the item-level ones as defaults.
 */
export function mediaPictures(el: XmlElement, scope: (child: XmlElement) => Scope, others: WirePicture[] = []): WirePicture[] {
  const defaults = mediaFacts(el, { headline: '', caption: '', credit: '', copyrightHolder: '' });
  const out: WirePicture[] = [];
  for (const child of childElements(el)) {
    if (!mediaNamespaces.includes(child.ns)) continue;
    if (child.name === 'group') {
      const groupFacts = mediaFacts(child, defaults);
      const base = scope(child).base;
      const contents = kids(child, mediaNamespaces, 'content').filter(isImageContent);
      const renditions = contents.flatMap((c, i) => mediaRendition(c, base, i ? `content${i + 1}` : 'content') ?? []);
      const thumbs = kids(child, mediaNamespaces, 'thumbnail').flatMap((t, i) => mediaRendition(t, base, i ? `thumbnail${i + 1}` : 'thumbnail') ?? []);
      const first = contents[0];
      const p = picture(renditions.length ? [...renditions, ...thumbs] : thumbs, first ? mediaFacts(first, groupFacts) : groupFacts);
      if (p) out.push(p);
    } else if (child.name === 'content' && isImageContent(child)) {
      const r = mediaRendition(child, scope(child).base, 'content');
      const p = r && picture([r], mediaFacts(child, defaults));
      if (p) out.push(p);
    }
  }
  out.push(...others);
  const thumbs = kids(el, mediaNamespaces, 'thumbnail').flatMap((t, i) => mediaRendition(t, scope(t).base, i ? `thumbnail${i + 1}` : 'thumbnail') ?? []);
  if (thumbs.length) {
    const first = out[0];
    if (first) first.renditions.push(...thumbs.filter((t) => !first.renditions.some((r) => r.href === t.href)));
    else {
      const p = picture(thumbs, defaults);
      if (p) out.push(p);
    }
  }
  return out;
}

/** Pictures in order, the same file once; the first is the lead ("featuremedia"). */
export function finishPictures(pictures: WirePicture[]): WirePicture[] {
  const seen = new Set<string>();
  const out = pictures.filter((p) => {
    if (seen.has(p.href)) return false;
    seen.add(p.href);
    return true;
  });
  out.forEach((p, i) => (p.role = i === 0 ? 'featuremedia' : 'picture'));
  return out;
}

// ---- the item ----

/** Text fields cleaned the same way for every feed item (windows-1252 control characters). */
export function finishItem(item: WireItem): WireItem {
  return {
    ...item,
    headline: fixC1(item.headline),
    summary: fixC1(item.summary),
    bodyHtml: fixC1(item.bodyHtml),
    byline: fixC1(item.byline),
    agency: fixC1(item.agency),
    copyrightHolder: fixC1(item.copyrightHolder),
    copyrightNotice: fixC1(item.copyrightNotice),
    keywords: item.keywords.map(fixC1),
    subjects: item.subjects.map((s) => ({ ...s, name: fixC1(s.name) })),
    topics: item.topics.map(fixC1),
    pictures: item.pictures.map((p) => ({ ...p, headline: fixC1(p.headline), caption: fixC1(p.caption), credit: fixC1(p.credit) })),
  };
}

/** Reads each entry on its own: one that throws is quarantined with its XML, the others go on. */
export function readEntries(
  entries: XmlElement[],
  label: string,
  read: (el: XmlElement, n: number) => WireItem,
  idOf: (el: XmlElement) => string | null = () => null,
): { items: WireItem[]; failed: WireFailure[] } {
  const items: WireItem[] = [];
  const failed: WireFailure[] = [];
  entries.forEach((el, i) => {
    const n = i + 1;
    try {
      if (isEmptyElement(el)) throw refuse(`${label} ${n} (<${el.qname}>) is empty: nothing to identify or publish`);
      items.push(finishItem(read(el, n)));
    } catch (e) {
      const reason = e instanceof DatelineError ? e.message : `${label} ${n} (<${el.qname}>) could not be read: ${(e as Error).message}`;
      let uri: string | null = null;
      try {
        uri = idOf(el);
      } catch {
        uri = null;
      }
      failed.push({ uri, reason, raw: outerXml(el) });
    }
  });
  return { items, failed };
}
