import type { WireItem, WirePicture, WireSubject } from '../../wire-item.js';
import type { WireFormat, WireInput, WireSource } from '../format.js';
import { attr, childElements, textOf, type XmlElement } from '../xml.js';
import {
  attrLocal, checkWellFormed, collapse, dateReader, finishPictures, hasElementChildren, holderOf, htmlToText, isImage,
  intOrNull, kid, kids, maybeHtmlToText, mediaFacts, mediaNamespaces, mediaPictures, ns, outerXml, personName, picture,
  readEntries, resolveHtmlUrls, scopeOf, stableUri, subject, topicsOf, uniqueNames, webUrl, xhtmlToHtml,
  type FeedParse, type Scope,
} from './common.js';

/**
 * RSS in all its versions: 2.0 and 0.91-0.94 (`<rss>`, elements in no namespace), 1.0 and
 * 0.90 (`<rdf:RDF>` with items beside the channel), with the common modules: content:encoded,
 * Dublin Core, Media RSS, xhtml:body. One WireItem per item; an item that cannot be read is
 * quarantined on its own.
 */
export const rss: WireFormat = {
  name: 'rss',
  detect: (input) => input.kind === 'xml' && coreNamespace(input.root) !== null,
  parse: (input, source) => parseRss(input, source),
};

/** The namespace RSS's own elements are in, or null when the document is not RSS. */
function coreNamespace(root: XmlElement): string | null {
  if (root.name === 'rss' && (root.ns === '' || root.ns === ns.rss2)) return root.ns;
  if (root.name === 'RDF' && root.ns === ns.rdf) {
    const children = childElements(root);
    for (const core of [ns.rss10, ns.rss090]) if (children.some((c) => c.ns === core)) return core;
    // An empty RDF document: an RSS 1.0 feed with nothing in it (RSS 1.0 declares its namespace on the root).
    if (!children.length) return ns.rss10;
  }
  return null;
}

const itunesNamespaces = [ns.itunes];

function parseRss(input: WireInput, source: WireSource): FeedParse {
  const root = (input as { root: XmlElement }).root;
  checkWellFormed(root);
  const core = coreNamespace(root)!;
  const C = [core];
  const warnings: string[] = [];
  const channel = kid(root, C, 'channel');

  // Relative references resolve against xml:base, else the URL the feed was fetched from (the
  // file name of a fetched feed), else the channel's link, which stands in for it (as feedparser does).
  const fetchedFrom = webUrl(source.fileName, null);
  const bare = scopeOf(root, { base: fetchedFrom, lang: null });
  const bareChannel = channel ? scopeOf(channel, bare) : bare;
  const linkEl = kid(channel, C, 'link');
  const selfEl = kids(channel, [ns.atom], 'link').find((l) => attr(l, 'rel')?.trim() === 'self');
  const feedLink =
    (linkEl && webUrl(textOf(linkEl), scopeOf(linkEl, bareChannel).base)) ||
    (selfEl && webUrl(attr(selfEl, 'href'), scopeOf(selfEl, bareChannel).base)) ||
    webUrl(attrLocal(channel, 'about'), null);
  const rootScope = scopeOf(root, { base: fetchedFrom ?? feedLink, lang: null });
  const channelScope = channel ? scopeOf(channel, rootScope) : rootScope;

  const feed: Feed = {
    core: C,
    link: feedLink,
    title: maybeHtmlToText(textOf(kid(channel, C, 'title'))),
    publisher: collapse(textOf(kid(channel, [ns.dc], 'publisher'))),
    language: collapse(textOf(kid(channel, C, 'language'))) || collapse(textOf(kid(channel, [ns.dc], 'language'))) || channelScope.lang,
    rights: collapse(textOf(kid(channel, C, 'copyright'))) || collapse(textOf(kid(channel, [ns.dc], 'rights'))),
    scope: channelScope,
    sourceDir: source.baseDir,
    warnings,
  };

  // RSS 1.0 and 0.90 put items beside the channel; RSS 2.0 inside it (careless feeds: either).
  const items = core === ns.rss10 || core === ns.rss090 ? [...kids(root, C, 'item'), ...kids(channel, C, 'item')] : [...kids(channel, C, 'item'), ...kids(root, C, 'item')];
  const read = readEntries(items, 'item', (el, n) => readItem(el, n, feed), (el) => collapse(textOf(kid(el, C, 'guid'))) || attrLocal(el, 'about') || collapse(textOf(kid(el, C, 'link'))) || null);
  const version = core === ns.rss10 ? '1.0' : core === ns.rss090 ? '0.90' : attr(root, 'version')?.trim() || '2.0';
  return {
    format: 'rss',
    items: read.items,
    skipped: [],
    failed: read.failed,
    feed: { version: `rss-${version}`, title: feed.title, link: feed.link, language: feed.language },
    warnings,
  };
}

interface Feed {
  core: string[];
  link: string | null;
  title: string;
  publisher: string;
  language: string | null;
  rights: string;
  scope: Scope;
  sourceDir: string | null;
  warnings: string[];
}

function readItem(item: XmlElement, n: number, feed: Feed): WireItem {
  const where = `item ${n}`;
  const scope = scopeOf(item, feed.scope);
  const inScope = (el: XmlElement) => scopeOf(el, scope);
  const own = (name: string) => kid(item, feed.core, name);
  const dc = (name: string) => kids(item, [ns.dc], name);

  const titleEl = own('title') ?? kid(item, mediaNamespaces, 'title') ?? dc('title')[0];
  const headline = titleEl ? maybeHtmlToText(textOf(titleEl)) : '';

  // The link: <link>, else an atom:link to the page, else a guid that is a permalink URL.
  const linkEl = own('link');
  const guidEl = own('guid');
  const guid = collapse(textOf(guidEl));
  const atomAlternate = kids(item, [ns.atom], 'link').find((l) => (attr(l, 'rel')?.trim() || 'alternate') === 'alternate');
  const permalink = guidEl !== undefined && attr(guidEl, 'isPermaLink')?.trim().toLowerCase() !== 'false';
  const link =
    (linkEl && webUrl(textOf(linkEl), inScope(linkEl).base)) ||
    (atomAlternate && webUrl(attr(atomAlternate, 'href'), inScope(atomAlternate).base)) ||
    (permalink ? webUrl(guid, null) : null);

  const date = dateReader(feed.warnings, where);
  const pubDate = own('pubDate');
  const dcDate = dc('date')[0];
  const terms = (name: string) => kid(item, [ns.dcterms], name);
  const versionCreated = date(terms('modified'), pubDate, dcDate, terms('issued'), terms('created'));
  const firstCreated = date(pubDate, terms('issued'), terms('created'));

  // The body: a full text (content:encoded, xhtml:body, fullitem) with the description as its
  // summary, else the description itself.
  const html = (el: XmlElement | undefined): string => {
    if (!el) return '';
    const s = inScope(el);
    // Naked markup (unescaped HTML) takes the feed's default namespace: any namespace is HTML here, except xhtml:body's own.
    return (hasElementChildren(el) ? xhtmlToHtml(el.children, s, el.ns !== ns.xhtml) : resolveHtmlUrls(textOf(el), s.base)).trim();
  };
  const fullEl = [kid(item, [ns.content], 'encoded'), kid(item, [ns.xhtml], 'body'), own('fullitem')].find((el) => el && html(el));
  const descEl = own('description') ?? dc('description')[0];
  const full = html(fullEl);
  const description = html(descEl);
  const summary = full && description ? htmlToText(description) : '';

  const bylines = uniqueNames([...kids(item, feed.core, 'author').map((a) => personName(textOf(a))), ...dc('creator').map(textOf)]);
  if (!bylines.length) bylines.push(...uniqueNames(kids(item, itunesNamespaces, 'author').map(textOf)));

  const sourceEl = own('source');
  const rights = collapse(textOf(dc('rights')[0])) || feed.rights;
  const bodyEl = fullEl ?? descEl;
  const language =
    collapse(textOf(dc('language')[0])) || (bodyEl && attr(bodyEl, 'xml:lang')?.trim()) || attr(item, 'xml:lang')?.trim() || feed.language || null;

  const { keywords, subjects } = categories(item, feed.core);
  const pictures = finishPictures(mediaPictures(item, inScope, enclosures(item, feed.core, inScope)));

  const uri =
    guid ||
    collapse(textOf(dc('identifier')[0])) ||
    attrLocal(item, 'about')?.trim() ||
    link ||
    collapse(textOf(linkEl)) ||
    fallbackUri(feed, item, headline, versionCreated, pubDate ?? dcDate, full || description);

  return {
    format: 'rss',
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
    summary,
    bodyHtml: full || description,
    byline: bylines.join(', '),
    located: '',
    agency: collapse(textOf(dc('publisher')[0])) || collapse(textOf(sourceEl)) || feed.publisher || feed.title,
    copyrightHolder: rights ? holderOf(rights) : '',
    copyrightNotice: rights,
    usageTerms: '',
    keywords,
    subjects,
    topics: topicsOf(keywords, subjects),
    link,
    pictures,
  };
}

/**
 * An item with no guid and no link: a hash of the feed's link, the title and the date; an item
 * with no title adds its text, and one with neither its whole XML, so two such items differ.
 */
function fallbackUri(feed: Feed, item: XmlElement, headline: string, date: Date | null, dateEl: XmlElement | undefined, body: string): string {
  const parts = [feed.link ?? feed.title, headline, date?.toISOString() ?? collapse(textOf(dateEl))];
  if (!headline) parts.push(body ? htmlToText(body) : outerXml(item));
  return stableUri(parts);
}

/** category (a domain makes it a subject), dc:subject, media:category (a scheme makes it a subject), media:keywords. */
function categories(item: XmlElement, core: string[]): { keywords: string[]; subjects: WireSubject[] } {
  const keywords: string[] = [];
  const subjects: WireSubject[] = [];
  for (const el of childElements(item)) {
    const relevant = el.name === 'category' || el.name === 'subject' || el.name === 'keywords';
    if (!relevant) continue; // the body is also a child: never collapse what is not read
    const text = collapse(textOf(el));
    if (el.name === 'category' && core.includes(el.ns)) {
      const domain = attr(el, 'domain')?.trim();
      if (!text) continue;
      if (domain) subjects.push(subject(text, text, domain, '/'));
      else keywords.push(text);
    } else if (el.name === 'subject' && el.ns === ns.dc) {
      if (text) keywords.push(text);
    } else if (mediaNamespaces.includes(el.ns) && el.name === 'category') {
      const scheme = attr(el, 'scheme')?.trim();
      const name = attr(el, 'label')?.trim() || text;
      if (!name) continue;
      if (scheme) subjects.push(subject(name, text, scheme));
      else keywords.push(name);
    } else if (mediaNamespaces.includes(el.ns) && el.name === 'keywords') {
      keywords.push(...text.split(',').map((k) => k.trim()).filter(Boolean));
    }
  }
  return { keywords: uniqueNames(keywords), subjects };
}

/** <enclosure> elements that are images (type image/*, or an image file name when no type is given). */
function enclosures(item: XmlElement, core: string[], scope: (el: XmlElement) => Scope): WirePicture[] {
  const defaults = mediaFacts(item, { headline: '', caption: '', credit: '', copyrightHolder: '' });
  return kids(item, core, 'enclosure').flatMap((el) => {
    const href = webUrl(attr(el, 'url'), scope(el).base);
    const type = attr(el, 'type')?.trim() || undefined;
    if (!href || !isImage(type, href)) return [];
    const p = picture(
      [{ name: 'enclosure', href, mimetype: type ?? null, width: intOrNull(attr(el, 'width')), height: intOrNull(attr(el, 'height')) }],
      mediaFacts(el, defaults),
    );
    return p ? [p] : [];
  });
}
