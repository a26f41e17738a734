import type { WireItem, WirePicture, WireSubject } from '../../wire-item.js';
import type { WireFormat, WireInput, WireSource } from '../format.js';
import { attr, childElements, textOf, type XmlElement } from '../xml.js';
import {
  collapse, dateReader, finishPictures, hasElementChildren, holderOf, htmlToText, isImage, kid, kids, mediaNamespaces,
  mediaPictures, ns, outerXml, parseFeedDate, picture, readEntries, refuse, resolveHtmlUrls, resolveUrl, scopeOf, stableUri,
  subject, textToHtml, topicsOf, uniqueNames, webUrl, xhtmlToHtml, type FeedParse, type Scope,
} from './common.js';

/**
 * Atom: 1.0 (RFC 4287) and 0.3 (http://purl.org/atom/ns#), a feed or a lone entry, with
 * Media RSS pictures and RFC 6721 tombstones (at:deleted-entry) read as kills.
 */
export const atom: WireFormat = {
  name: 'atom',
  detect: (input) => input.kind === 'xml' && isAtomRoot(input.root),
  parse: (input, source) => parseAtom(input, source),
};

const atomNamespaces: string[] = [ns.atom, ns.atom03];

/** feed or entry in either Atom namespace; also a <feed> in no namespace at all, as careless feeds write it. */
function isAtomRoot(root: XmlElement): boolean {
  if (root.name !== 'feed' && root.name !== 'entry') return false;
  return atomNamespaces.includes(root.ns) || (root.name === 'feed' && root.ns === '');
}

interface Feed {
  /** The namespace Atom's elements are in (or '' for a feed that declared none). */
  A: string[];
  is03: boolean;
  link: string | null;
  title: string;
  publisher: string;
  language: string | null;
  rights: string;
  authors: string[];
  sourceDir: string | null;
  warnings: string[];
}

function parseAtom(input: WireInput, source: WireSource): FeedParse {
  const root = (input as { root: XmlElement }).root;
  const warnings: string[] = [];
  if (root.ns === '') warnings.push('<feed> declares no namespace: read as Atom 1.0');
  const A = [root.ns];
  const is03 = root.ns === ns.atom03;

  // Relative references resolve against xml:base, else the document's URL (RFC 4287 and 3986):
  // the URL a fetched feed came from (its file name), else the feed's self link, else its alternate link.
  const fetchedFrom = webUrl(source.fileName, null);
  const bare = scopeOf(root, { base: fetchedFrom, lang: null });
  const link = (rel: string) => {
    const el = linksOf(root, A).find((l) => l.rel === rel && webUrl(l.href, scopeOf(l.el, bare).base));
    return el ? webUrl(el.href, scopeOf(el.el, bare).base) : null;
  };
  const docUrl = fetchedFrom ?? link('self') ?? link('alternate');
  const scope = { base: docUrl, lang: null };

  const isFeed = root.name === 'feed';
  const feed: Feed = {
    A,
    is03,
    link: link('alternate') ?? docUrl,
    title: isFeed ? plainOf(kid(root, A, 'title'), is03) : '',
    publisher: isFeed ? collapse(textOf(kid(root, [ns.dc], 'publisher'))) : '',
    language: (isFeed ? collapse(textOf(kid(root, [ns.dc], 'language'))) : '') || null,
    rights: isFeed ? plainOf(kid(root, A, 'rights') ?? kid(root, A, 'copyright'), is03) : '',
    authors: isFeed ? personNames(root, A) : [],
    sourceDir: source.baseDir,
    warnings,
  };

  const info = { version: is03 ? 'atom-0.3' : 'atom-1.0', title: feed.title, link: feed.link, language: feed.language ?? bare.lang };
  if (!isFeed) {
    const read = readEntries([root], 'entry', (el, n) => readEntry(el, n, feed, scope), (el) => idOf(el, A));
    return { format: 'atom', items: read.items, skipped: [], failed: read.failed, feed: { ...info, link: null, language: null }, warnings };
  }
  const feedScope = scopeOf(root, scope);
  const entries = childElements(root).filter((c) => (c.name === 'entry' && A.includes(c.ns)) || (c.name === 'deleted-entry' && c.ns === ns.tombstones));
  const read = readEntries(
    entries,
    'entry',
    (el, n) => (el.ns === ns.tombstones ? readTombstone(el, n, feed, feedScope) : readEntry(el, n, feed, feedScope)),
    (el) => (el.ns === ns.tombstones ? attr(el, 'ref')?.trim() || null : idOf(el, A)),
  );
  return { format: 'atom', items: read.items, skipped: [], failed: read.failed, feed: info, warnings };
}

const idOf = (entry: XmlElement, A: string[]) => collapse(textOf(kid(entry, A, 'id'))) || null;

interface Link {
  el: XmlElement;
  rel: string;
  href: string;
  type: string;
}

/** atom:link elements; rel defaults to "alternate" (RFC 4287 4.2.7.2). */
function linksOf(el: XmlElement, A: string[]): Link[] {
  return kids(el, A, 'link').map((l) => ({
    el: l,
    rel: attr(l, 'rel')?.trim().toLowerCase() || 'alternate',
    href: attr(l, 'href')?.trim() ?? '',
    type: attr(l, 'type')?.trim().toLowerCase() ?? '',
  }));
}

function personNames(el: XmlElement | undefined, A: string[]): string[] {
  return uniqueNames(kids(el, A, 'author').map((a) => textOf(kid(a, A, 'name'))));
}

function readEntry(entry: XmlElement, n: number, feed: Feed, parent: Scope): WireItem {
  const { A, is03 } = feed;
  const where = `entry ${n}`;
  const scope = scopeOf(entry, parent);
  const inScope = (el: XmlElement) => scopeOf(el, scope);
  const own = (name: string) => kid(entry, A, name);
  const source = own('source');

  const headline = plainOf(own('title'), is03);
  const links = linksOf(entry, A);
  const alternates = links.filter((l) => l.rel === 'alternate' && l.href);
  const page = alternates.find((l) => !l.type || l.type === 'text/html' || l.type === 'application/xhtml+xml') ?? alternates[0];
  const link = page ? webUrl(page.href, inScope(page.el).base) : null;

  const date = dateReader(feed.warnings, where);
  const versionCreated = date(own('updated'), own('modified'), own('published'), own('issued'), own('created'));
  const firstCreated = date(own('published'), own('issued'), own('created'), kid(entry, [ns.dcterms], 'issued'));

  const contentEl = own('content');
  const summaryEl = own('summary');
  const content = contentEl ? construct(contentEl, is03, true, inScope(contentEl), `${where} <${contentEl.qname}>`) : null;
  // A summary is a text construct, but careless feeds give it a media type (base64 and all): read like content.
  const summary = summaryEl ? construct(summaryEl, is03, true, inScope(summaryEl), `${where} <${summaryEl.qname}>`) : null;
  if (content?.note) feed.warnings.push(content.note);
  if (summary?.note) feed.warnings.push(summary.note);
  const hasBody = !!content?.html;
  const summaryText = hasBody && summary && summary.text !== content!.text ? summary.text : '';

  let authors = personNames(entry, A);
  if (!authors.length) authors = personNames(source, A);
  if (!authors.length) authors = uniqueNames(kids(entry, [ns.dc], 'creator').map(textOf));
  if (!authors.length) authors = feed.authors;

  const rights = plainOf(own('rights') ?? own('copyright'), is03) || plainOf(kid(source, A, 'rights'), is03) || feed.rights;
  const language =
    (contentEl && attr(contentEl, 'xml:lang')?.trim()) ||
    attr(entry, 'xml:lang')?.trim() ||
    collapse(textOf(kid(entry, [ns.dc], 'language'))) ||
    scope.lang ||
    feed.language ||
    null;

  const { keywords, subjects } = categories(entry, A);
  const license = links.find((l) => l.rel === 'license' && l.href);
  const pictures = finishPictures(mediaPictures(entry, inScope, enclosures(links, inScope)));

  const id = idOf(entry, A);
  const uri =
    id ||
    (page && (resolveUrl(page.href, inScope(page.el).base) ?? page.href)) ||
    stableUri([feed.link ?? feed.title, headline, versionCreated?.toISOString() ?? '', ...(headline ? [] : [content?.text || summary?.text || outerXml(entry)])]);

  return {
    format: 'atom',
    sourceDir: feed.sourceDir,
    uri,
    version: null,
    type: 'text',
    pubStatus: 'usable',
    firstCreated,
    versionCreated,
    embargoedUntil: null,
    language,
    urgency: null,
    headline,
    summary: summaryText,
    bodyHtml: hasBody ? content!.html : summary?.html ?? '',
    byline: authors.join(', '),
    located: '',
    agency: collapse(textOf(kid(entry, [ns.dc], 'publisher'))) || plainOf(kid(source, A, 'title'), is03) || feed.publisher || feed.title,
    copyrightHolder: rights ? holderOf(rights) : '',
    copyrightNotice: rights,
    usageTerms: license ? webUrl(license.href, inScope(license.el).base) ?? '' : '',
    keywords,
    subjects,
    topics: topicsOf(keywords, subjects),
    link,
    pictures,
  };
}

/**
 * RFC 6721: the publisher withdrew an entry. Agencies use it as a kill, so it becomes an item
 * for the withdrawn entry's id with pubStatus "canceled" (no headline or body needed).
 */
function readTombstone(el: XmlElement, n: number, feed: Feed, parent: Scope): WireItem {
  const ref = attr(el, 'ref')?.trim();
  if (!ref) throw refuse(`entry ${n} (<${el.qname}>) has no ref attribute: it does not say which entry is withdrawn`);
  const when = attr(el, 'when')?.trim() ?? '';
  const read = when ? parseFeedDate(when) : { date: null };
  if (when && !read.date) feed.warnings.push(`entry ${n} <${el.qname}> when: unreadable date "${when}": left empty`);
  const scope = scopeOf(el, parent);
  const by = kid(el, [ns.tombstones], 'by');
  const page = linksOf(el, [ns.atom]).find((l) => l.rel === 'alternate' && l.href);
  return {
    format: 'atom',
    sourceDir: feed.sourceDir,
    uri: ref,
    version: null,
    type: 'text',
    pubStatus: 'canceled',
    firstCreated: null,
    versionCreated: read.date,
    embargoedUntil: null,
    language: scope.lang ?? feed.language,
    urgency: null,
    headline: '',
    summary: collapse(textOf(kid(el, [ns.tombstones], 'comment'))),
    bodyHtml: '',
    byline: by ? collapse(textOf(kid(by, [ns.atom], 'name'))) : '',
    located: '',
    agency: feed.publisher || feed.title,
    copyrightHolder: '',
    copyrightNotice: '',
    usageTerms: '',
    keywords: [],
    subjects: [],
    topics: [],
    link: page ? webUrl(page.href, scopeOf(page.el, scope).base) : null,
    pictures: [],
  };
}

// ---- text constructs and content ----

type Kind = 'text' | 'html' | 'xhtml' | 'xml' | 'binary';

/**
 * How an Atom text construct or content element is to be read. Atom 1.0: type text, html or
 * xhtml (titles, summaries, rights); content may also carry a media type (text/* is text,
 * XML types inline XML, anything else base64). Atom 0.3: a media type plus mode (xml, escaped, base64).
 */
function kindOf(el: XmlElement, is03: boolean, isContent: boolean): { kind: Kind; base64: boolean } {
  const type = (attr(el, 'type') ?? '').trim().toLowerCase();
  if (type === 'html') return { kind: 'html', base64: false };
  if (type === 'xhtml') return { kind: 'xhtml', base64: false };
  if (!type || type === 'text' || (!isContent && !is03)) return { kind: hasElementChildren(el) && is03 ? 'xhtml' : 'text', base64: false };
  if (is03) {
    const mode = (attr(el, 'mode') ?? 'xml').trim().toLowerCase();
    const kind: Kind = type === 'text/html' ? 'html' : type === 'application/xhtml+xml' ? 'xhtml' : type.startsWith('text/') ? 'text' : /[/+]xml$/.test(type) ? 'xml' : 'binary';
    if (mode === 'base64') return { kind, base64: true };
    // mode="xml" with markup inside is inline XHTML, whatever the type says.
    if (mode === 'xml' && hasElementChildren(el) && (kind === 'html' || kind === 'xhtml')) return { kind: 'xhtml', base64: false };
    return { kind: kind === 'xhtml' && !hasElementChildren(el) ? 'html' : kind, base64: false };
  }
  if (type === 'text/html') return { kind: 'html', base64: false };
  if (type.startsWith('text/')) return { kind: 'text', base64: false };
  if (type === 'application/xhtml+xml') return { kind: 'xhtml', base64: false };
  if (/[/+]xml$/.test(type)) return { kind: 'xml', base64: false };
  return { kind: 'binary', base64: true };
}

interface Construct {
  html: string;
  text: string;
  /** Why there is no HTML from it (out-of-line or binary content). */
  note?: string;
}

function construct(el: XmlElement, is03: boolean, isContent: boolean, scope: Scope, where: string): Construct {
  if (isContent && attr(el, 'src') !== undefined) {
    return { html: '', text: '', note: `${where}: out-of-line content (src="${attr(el, 'src')}"), not fetched` };
  }
  const { kind, base64 } = kindOf(el, is03, isContent);
  if (kind === 'xml' || (kind === 'binary' && !is03)) {
    return { html: '', text: '', note: `${where}: content of type "${attr(el, 'type')}" is not text: left out` };
  }
  let raw = textOf(el);
  if (base64) {
    const decoded = Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (kind === 'binary' || decoded.includes('\uFFFD')) return { html: '', text: '', note: `${where}: base64 content that is not text: left out` };
    raw = decoded;
  }
  if (kind === 'html') {
    const html = resolveHtmlUrls(base64 ? raw.trim() : htmlSource(el, scope).trim(), scope.base);
    // Plain text only when asked (titles): bodies are used as HTML, and converting them is costly.
    return { html, get text() { return htmlToText(html); } };
  }
  if (kind === 'xhtml' && !base64) {
    const elements = childElements(el);
    const div = elements.length === 1 && elements[0]!.name === 'div' ? elements[0]! : undefined;
    const html = div ? xhtmlToHtml(div.children, scopeOf(div, scope)) : xhtmlToHtml(el.children, scope);
    return { html: html.trim(), get text() { return collapse(textOf(div ?? el)); } };
  }
  return { html: textToHtml(raw), get text() { return collapse(raw); } };
}

/**
 * The HTML source of type="html": the text. Careless feeds also wrap escaped HTML in an XHTML
 * div (TypePad: the div's text is the HTML) or write the markup unescaped (naked elements are
 * written back as HTML beside the text, which is HTML source already).
 */
function htmlSource(el: XmlElement, scope: Scope): string {
  const elements = childElements(el);
  if (!elements.length) return textOf(el);
  const only = elements[0]!;
  if (elements.length === 1 && only.name === 'div' && !hasElementChildren(only)) return textOf(only);
  return el.children.map((c) => (typeof c === 'string' ? c : xhtmlToHtml([c], scope, true))).join('');
}

/** A text construct as plain text (headline, rights, a source's title). */
function plainOf(el: XmlElement | undefined, is03: boolean): string {
  if (!el) return '';
  return construct(el, is03, false, { base: null, lang: null }, '').text;
}

// ---- categories and pictures ----

/** atom:category (term, or label; a scheme makes it a subject), dc:subject, media:category, media:keywords. */
function categories(entry: XmlElement, A: string[]): { keywords: string[]; subjects: WireSubject[] } {
  const keywords: string[] = [];
  const subjects: WireSubject[] = [];
  for (const el of childElements(entry)) {
    if (el.name === 'category' && A.includes(el.ns)) {
      const term = attr(el, 'term')?.trim() ?? '';
      const label = attr(el, 'label')?.trim() ?? '';
      const scheme = attr(el, 'scheme')?.trim();
      if (!term && !label) continue;
      if (scheme) subjects.push(subject(label || term, term, scheme));
      else keywords.push(term || label);
    } else if (el.name === 'subject' && el.ns === ns.dc) {
      keywords.push(collapse(textOf(el)));
    } else if (el.name === 'category' && mediaNamespaces.includes(el.ns)) {
      const text = collapse(textOf(el));
      const scheme = attr(el, 'scheme')?.trim();
      const name = attr(el, 'label')?.trim() || text;
      if (!name) continue;
      if (scheme) subjects.push(subject(name, text, scheme));
      else keywords.push(name);
    } else if (el.name === 'keywords' && mediaNamespaces.includes(el.ns)) {
      keywords.push(...textOf(el).split(',').map((k) => k.trim()));
    }
  }
  return { keywords: uniqueNames(keywords), subjects };
}

/** link rel="enclosure" to an image (type image/*, or an image file name when no type is given). */
function enclosures(links: Link[], scope: (el: XmlElement) => Scope): WirePicture[] {
  return links.flatMap((l) => {
    if (l.rel !== 'enclosure') return [];
    const href = webUrl(l.href, scope(l.el).base);
    if (!href || !isImage(l.type || undefined, href)) return [];
    const title = collapse(attr(l.el, 'title') ?? '');
    const p = picture([{ name: 'enclosure', href, mimetype: l.type || null, width: null, height: null }], {
      headline: title, caption: '', credit: '', copyrightHolder: '',
    });
    return p ? [p] : [];
  });
}
