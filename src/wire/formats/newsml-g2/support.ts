import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatelineError } from '../../../shared/index.js';
import { escapeAttr, escapeText, textToHtml as plainToHtml } from '../markup.js';
import type { XmlElement } from '../xml.js';

/** Helpers shared by the NewsML-G2 and NewsML 1.2 readers. */

/** The NewsML-G2 namespace (NAR, News Architecture). Every G2 version uses it. */
export const g2Namespace = 'http://iptc.org/std/nar/2006-10-01/';

export function refuse(message: string): DatelineError {
  return new DatelineError('INVALID_WIRE_ITEM', message);
}

/** The code part of a QCode ("ninat:text" -> "text"), or the last segment of a URI ("http://cv.iptc.org/newscodes/ninature/text" -> "text"). */
export function localCode(value: string | undefined): string {
  if (!value) return '';
  const v = value.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return v.replace(/[/#]+$/, '').split(/[/#]/).pop() ?? '';
  const colon = v.indexOf(':');
  return colon < 0 ? v : v.slice(colon + 1);
}

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An ISO 8601 / xs:dateTime value with its time zone. A value without a zone is refused: neither
 * NewsML-G2 nor NewsML 1.2 says which zone a bare local time is in, and guessing would shift
 * embargoes and publication times by hours. `where` names the element in the message.
 */
export function isoDate(raw: string, where: string): Date {
  const text = raw.trim();
  const m = isoDateTime.exec(text);
  if (!m) throw refuse(`${where} "${text.slice(0, 60)}" is not a date and time (ISO 8601, e.g. 2024-10-22T10:33:06+02:00)`);
  if (!m[8]) throw refuse(`${where} "${text}" has no time zone (expected Z or an offset such as +02:00)`);
  return checked(text, m.slice(1, 6).map(Number) as [number, number, number, number, number], Number(m[6] ?? 0), where);
}

/** Basic-format ISO 8601 as NewsML 1.2 writes it: 20210516T080625+0000, 20210516T080625Z. */
export function basicIsoDate(raw: string, where: string): Date {
  const text = raw.trim();
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4}|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!m) {
    if (text.includes('-')) return isoDate(text, where);
    throw refuse(`${where} "${text.slice(0, 60)}" is not a date and time (NewsML 1.2 writes 20210516T080625+0000)`);
  }
  if (!m[7]) throw refuse(`${where} "${text}" has no time zone (expected Z or an offset such as +0000)`);
  const zone = m[7] === 'Z' ? 'Z' : m[7].includes(':') ? m[7] : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`;
  return checked(iso, [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number], Number(m[6] ?? 0), where);
}

function checked(iso: string, [y, mo, d, h, mi]: [number, number, number, number, number], s: number, where: string): Date {
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const valid = probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && h < 24 && mi < 60 && s < 61;
  const date = new Date(iso);
  if (!valid || Number.isNaN(date.getTime())) throw refuse(`${where} "${iso}" is not a valid date`);
  return date;
}

/**
 * A rendition's href: an http(s) URL is kept; a relative path or file: URL must resolve inside the
 * item's folder (a wire item must not make us read /etc/passwd); null when there is no folder
 * (pushed bytes) or the reference is of another kind (ftp:, urn:, data:) that ingest cannot fetch.
 */
export function resolveHref(href: string, baseDir: string | null, where: string): string | null {
  const ref = href.trim();
  if (/^https?:\/\//i.test(ref)) return ref;
  if (baseDir === null || !ref) return null;
  let local: string;
  try {
    // "file:///./x.jpg" in the IPTC examples means "x.jpg beside the item", not "/x.jpg".
    if (/^file:\/\/\/\.\.?\//i.test(ref)) local = decodeURI(ref.slice('file:///'.length));
    else if (/^file:/i.test(ref)) local = fileURLToPath(ref);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return null;
    else local = decodeURI(ref);
  } catch {
    throw refuse(`${where}: href "${ref}" is not a valid file reference`);
  }
  const full = path.resolve(baseDir, local);
  const root = path.resolve(baseDir) + path.sep;
  if (!full.startsWith(root)) throw refuse(`${where}: href "${ref}" points outside the item's folder`);
  return full;
}

/** A positive integer attribute ("1500"), else null. */
export function intAttr(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null;
  const n = Number(value);
  return n > 0 && Number.isSafeInteger(n) ? n : null;
}


/** Plain text as paragraphs: blank lines separate them, or every line does when there are none. */
export const textToHtml = (text: string) => plainToHtml(text, 'paragraph');

/**
 * An element written back as XML, for the quarantine copy of an entry that could not be read.
 * Namespaces are declared where they change; comments and the original formatting are not kept.
 */
export function serializeXml(el: XmlElement, parentNs: string | null = null): string {
  const prefix = el.qname.includes(':') ? el.qname.slice(0, el.qname.indexOf(':')) : '';
  const decl = el.ns !== parentNs && (el.ns || parentNs) ? ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttr(el.ns)}"` : '';
  const attrs = Object.entries(el.attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (!el.children.length) return `<${el.qname}${decl}${attrs}/>`;
  const inner = el.children.map((c) => (typeof c === 'string' ? escapeText(c) : serializeXml(c, el.ns))).join('');
  return `<${el.qname}${decl}${attrs}>${inner}</${el.qname}>`;
}

export { uniqueNames as uniqueTopics } from '../../wire-item.js';

/** The place of a dateline: "Tel Aviv/Beirut (dpa) - " -> "Tel Aviv/Beirut". */
export function datelinePlace(text: string): string {
  let s = text.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) {
    s = s.replace(/\s*[-–—:]+\s*$/, '').replace(/\s*\([^()]*\)\s*$/, '').replace(/[,;]\s*$/, '').trim();
  }
  return s;
}
