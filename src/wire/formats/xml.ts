import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DatelineError } from '../../shared/index.js';
import { escapeAttr, escapeText, voidElements } from './markup.js';

/**
 * A namespace-aware XML tree for the wire formats (NewsML-G2, RSS, Atom). Agencies pick their
 * own prefixes, so elements are matched by namespace URI and local name, never by prefix.
 */
export interface XmlElement {
  /** Local name, without prefix: "newsItem", "entry". */
  name: string;
  /** Namespace URI, or '' for none. */
  ns: string;
  /** Prefixed name as written, for messages. */
  qname: string;
  /** Attributes by name as written ("xml:lang", "rel"); values decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export const xmlNs = 'http://www.w3.org/XML/1998/namespace';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded here (decodeEntities) in one pass, so "&amp;#233;" stays "&#233;".
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // CDATA sections apart, so their text is taken as written and never entity-decoded.
  cdataPropName: '#cdata',
});

function refuse(message: string): DatelineError {
  return new DatelineError('INVALID_WIRE_ITEM', message);
}

/**
 * Reads XML bytes into a tree. Refuses, with a line number where there is one: documents that
 * declare entities (entity expansion, "billion laughs", and external entities that would read
 * local files: XXE), bytes that are not valid in the document's encoding, and XML that is not
 * well-formed. Nothing outside the bytes is ever fetched or read.
 */
export function readXml(bytes: Buffer, charset?: string | null): XmlElement {
  const text = decodeXml(bytes, charset);
  refuseDeclarations(text);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) throw refuse(`not well-formed XML: line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  let raw: unknown[];
  try {
    raw = parser.parse(text) as unknown[];
  } catch (e) {
    throw refuse(`not well-formed XML: ${(e as Error).message}`);
  }
  const roots = build(raw, new Map([['xml', xmlNs]])).filter((n): n is XmlElement => typeof n !== 'string');
  if (roots.length !== 1) throw refuse(`not well-formed XML: expected one root element, found ${roots.length}`);
  return roots[0]!;
}

/** True when the bytes look like XML rather than JSON (or anything else). */
export function looksLikeXml(bytes: Buffer): boolean {
  const head = sniffHead(bytes).replace(/^\s+/, '');
  return head.startsWith('<');
}

function sniffHead(bytes: Buffer): string {
  const bom = bomOf(bytes);
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length, 400));
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder('utf-16le').decode(bytes.subarray(0, 400));
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder('utf-16be').decode(bytes.subarray(0, 400));
  return bytes.subarray(bom?.length ?? 0, 400).toString('latin1');
}

function bomOf(bytes: Buffer): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * The document's text: a byte-order mark decides, else the XML declaration's encoding, else the
 * transport's charset (HTTP Content-Type), else UTF-8 (XML 1.0, appendix F). Invalid bytes are
 * refused rather than replaced: a story must not reach readers with mangled letters.
 */
export function decodeXml(bytes: Buffer, charset?: string | null): string {
  const bom = bomOf(bytes);
  const head = sniffHead(bytes);
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
  const unmarked16 = bytes[0] === 0x3c && bytes[1] === 0 ? 'utf-16le' : bytes[0] === 0 && bytes[1] === 0x3c ? 'utf-16be' : null;
  const label = bom?.encoding ?? unmarked16 ?? declared ?? charset ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  } catch {
    throw refuse(`unknown character encoding "${label}"`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw refuse(`bytes that are not valid ${label}${bom || declared ? '' : ' (no encoding declared)'}: at or after byte ${firstBadByte(bytes, label)}`);
  }
}

/** Where decoding first fails, found by halving (only on the error path). */
function firstBadByte(bytes: Buffer, label: string): number {
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function refuseDeclarations(text: string): void {
  const doctype = /<!DOCTYPE[\s\S]*?(\[[\s\S]*?\]\s*)?>/i.exec(text);
  if (!doctype) return;
  if (/<!ENTITY/i.test(doctype[0]) || /<!ENTITY/i.test(text.slice(0, doctype.index + doctype[0].length + 2000))) {
    throw refuse(`the document declares XML entities (line ${lineOf(text, doctype.index)}): refused, since entity expansion and external entities are how XML bombs and file reads (XXE) work`);
  }
  if (/\b(SYSTEM|PUBLIC)\b/.test(doctype[0]) && doctype[1]) {
    throw refuse(`the document's DOCTYPE has an internal subset with an external reference (line ${lineOf(text, doctype.index)}): refused`);
  }
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

type RawNode = Record<string, unknown>;

function build(raw: unknown[], scope: Map<string, string>): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of raw as RawNode[]) {
    if ('#text' in node) {
      out.push(decodeEntities(String(node['#text'])));
      continue;
    }
    if ('#cdata' in node) {
      out.push((node['#cdata'] as RawNode[]).map((t) => String(t['#text'] ?? '')).join(''));
      continue;
    }
    const qname = Object.keys(node).find((k) => k !== ':@');
    if (!qname || qname.startsWith('?') || qname.startsWith('!')) continue;
    const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
    const attrs: Record<string, string> = {};
    let local = scope;
    for (const [k, v] of Object.entries(rawAttrs)) {
      const value = decodeEntities(String(v));
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (local === scope) local = new Map(scope);
        local.set(k === 'xmlns' ? '' : k.slice(6), value);
      } else attrs[k] = value;
    }
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    out.push({
      name: colon < 0 ? qname : qname.slice(colon + 1),
      ns: local.get(prefix) ?? '',
      qname,
      attrs,
      children: build((node[qname] ?? []) as unknown[], local),
    });
  }
  return out;
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five entities and character references; anything else is left as written. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[ref] ?? whole;
  });
}

// ---- reading the tree ----

export const isElement = (n: XmlNode | undefined): n is XmlElement => typeof n === 'object' && n !== null;

/** Child elements, optionally only those with this namespace and local name. */
export function childElements(el: XmlElement, ns?: string, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isElement(c) && (ns === undefined || c.ns === ns) && (name === undefined || c.name === name));
}

export function firstChild(el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (isElement(c) && c.ns === ns && c.name === name) return c;
  return undefined;
}

/** All text inside an element, tags dropped, whitespace as written. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

/** Text with runs of whitespace collapsed and ends trimmed: for titles, names, dates. */
export const trimmedText = (el: XmlElement | undefined) => textOf(el).replace(/\s+/g, ' ').trim();

export function attr(el: XmlElement | undefined, name: string): string | undefined {
  return el?.attrs[name];
}

/**
 * The children serialised back to markup with prefixes dropped: XHTML inside Atom content or
 * NewsML-G2 inlineXML becomes plain HTML ("<p>...</p>") for the sanitiser.
 */
export function innerXml(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (typeof c === 'string') s += escapeText(c);
    else {
      const attrs = Object.entries(c.attrs).filter(([k]) => !k.includes(':')).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
      s += voidElements.has(c.name) ? `<${c.name}${attrs}>` : `<${c.name}${attrs}>${innerXml(c)}</${c.name}>`;
    }
  }
  return s;
}

/** Describes an element for an error message: "<newsItem> (urn:...)" */
export const describe = (el: XmlElement) => `<${el.qname}>`;
