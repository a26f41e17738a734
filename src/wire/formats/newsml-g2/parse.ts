import type { WireItem, WirePicture, WireRendition, WireSubject } from '../../wire-item.js';
import type { WireFailure, WireFormat, WireParse } from '../format.js';
import { attr, childElements, firstChild, isElement, textOf, trimmedText, type XmlElement } from '../xml.js';
import { descendant, looksLikeXhtml, nitfBody, nitfHead, xhtmlBody } from './html-body.js';
import { datelinePlace, g2Namespace, intAttr, isoDate, localCode, refuse, resolveHref, serializeXml, textToHtml, uniqueTopics } from './support.js';

export { g2Namespace };

const newsRoots = new Set(['newsMessage', 'newsItem', 'packageItem']);

/** Valid G2 objects that are not news: recognised and skipped. */
const notNews: Record<string, string> = {
  conceptItem: 'a NewsML-G2 conceptItem (a controlled-vocabulary concept such as a person or an event), not a news item',
  knowledgeItem: 'a NewsML-G2 knowledgeItem (a set of concepts), not a news item',
  planningItem: 'a NewsML-G2 planningItem (coverage planning), not a news item',
  catalogItem: 'a NewsML-G2 catalogItem (scheme definitions), not a news item',
  catalog: 'a NewsML-G2 catalog (scheme definitions), not a news item',
};

/**
 * Parts of an item with names no other format uses: a document whose root is one of these, even
 * without the G2 namespace (the guidelines print them so), is a fragment. Any other root in the
 * G2 namespace is refused as a fragment too.
 */
const fragments = new Set([
  'itemSet', 'itemMeta', 'contentMeta', 'contentSet', 'groupSet', 'itemRef', 'groupRef', 'rightsInfo',
  'inlineXML', 'inlineData', 'remoteContent', 'partMeta', 'hopHistory', 'catalogRef',
]);

/** Item classes (NewsCodes "ninat") that map to a WireItem type of the same name. */
/** The end of an embargo that gives none: later than any real date. */
const untilFurtherNotice = new Date('9999-12-31T23:59:59Z');

const itemTypes = new Set<WireItem['type']>(['text', 'picture', 'video', 'audio', 'graphic', 'composite']);
const pictureTypes = new Set<WireItem['type']>(['picture', 'graphic']);
const summaryRoles = ['summary', 'teaser', 'abstract', 'lead', 'standfirst', 'synopsis'];
const renditionPreference = ['original', 'highres', 'hires', 'baseimage', 'print', 'large', 'web', 'viewimage', 'preview'];

/**
 * IPTC NewsML-G2 (https://iptc.org/standards/newsml-g2/): a newsItem, a packageItem, or a
 * newsMessage carrying several of them. Documents that declare no namespace (TT's feed) are read
 * when their root is a G2 element. Pictures delivered in the same message are attached to the text
 * that a package or a link associates them with.
 */
export const newsmlG2: WireFormat = {
  name: 'newsml-g2',
  detect(input) {
    if (input.kind !== 'xml') return false;
    const { ns, name } = input.root;
    if (ns === g2Namespace) return true;
    return ns === '' && (newsRoots.has(name) || name in notNews || fragments.has(name));
  },
  parse(input, source) {
    if (input.kind !== 'xml') throw refuse('NewsML-G2 is XML');
    const root = input.root;
    const ctx: Ctx = { ns: root.ns, baseDir: source.baseDir };
    const out: WireParse = { format: 'newsml-g2', items: [], skipped: [], failed: [] };
    if (root.name === 'newsMessage') return readMessage(root, ctx, out);
    if (root.name === 'newsItem' || root.name === 'packageItem') {
      const entry = readEntry(root, ctx, null);
      assemble([entry], out);
      return out;
    }
    if (root.name in notNews) {
      out.skipped.push({ uri: attr(root, 'guid')?.trim() || null, reason: notNews[root.name]! });
      return out;
    }
    throw refuse(`a NewsML-G2 <${root.qname}> fragment, not a complete item: a delivery must be a newsItem, packageItem or newsMessage`);
  },
};

interface Ctx {
  /** The document's namespace: the G2 one, or '' for documents that declare none. */
  ns: string;
  baseDir: string | null;
}

interface PictureLink {
  residref: string | null;
  /** Resolved as a rendition href is (null when it cannot be used). */
  href: string | null;
  title: string;
  mimetype: string | null;
}

interface Entry {
  guid: string;
  package: boolean;
  item: WireItem;
  /** The item's own picture (picture and graphic items with a usable rendition). */
  picture: WirePicture | null;
  /** Pictures the item links to (itemMeta/link with itemClass picture or graphic). */
  links: PictureLink[];
  /** Items a package references, in the order of its groups. */
  refs: string[];
  /** Set when the item is recognised but not to be ingested. */
  skip: string | null;
}

function readMessage(root: XmlElement, ctx: Ctx, out: WireParse): WireParse {
  const entries: Entry[] = [];
  let n = 0;
  for (const set of childElements(root, ctx.ns, 'itemSet')) {
    for (const el of set.children.filter(isElement)) {
      n++;
      if (el.ns !== ctx.ns) {
        out.skipped.push({ uri: null, reason: `itemSet entry ${n}: <${el.qname}> is not a NewsML-G2 element` });
      } else if (el.name in notNews) {
        out.skipped.push({ uri: attr(el, 'guid')?.trim() || null, reason: notNews[el.name]! });
      } else if (el.name !== 'newsItem' && el.name !== 'packageItem') {
        out.skipped.push({ uri: null, reason: `itemSet entry ${n}: <${el.qname}> is not a NewsML-G2 item` });
      } else {
        try {
          entries.push(readEntry(el, ctx, n));
        } catch (e) {
          out.failed.push(failure(el, e));
        }
      }
    }
  }
  assemble(entries, out);
  return out;
}

function failure(el: XmlElement, e: unknown): WireFailure {
  return { uri: attr(el, 'guid')?.trim() || null, reason: (e as Error).message, raw: serializeXml(el) };
}

/**
 * Turns the entries into items: pictures a package or a link ties to a text delivered alongside
 * go into that text's pictures (and are not delivered again on their own); a package whose items
 * all came in the same message has done its job and is skipped.
 */
function assemble(entries: Entry[], out: WireParse): void {
  const byGuid = new Map(entries.map((e) => [e.guid, e]));
  const attached = new Map<string, WirePicture[]>();
  const usedBy = new Map<string, string>();
  const attach = (text: Entry, picture: Entry) => {
    if (!picture.picture || usedBy.has(picture.guid)) return;
    attached.set(text.guid, [...(attached.get(text.guid) ?? []), picture.picture]);
    usedBy.set(picture.guid, text.guid);
  };
  for (const pkg of entries.filter((e) => e.package)) {
    const delivered = pkg.refs.map((r) => byGuid.get(r)).filter((e): e is Entry => !!e && !e.package);
    const text = delivered.find((e) => !pictureTypes.has(e.item.type));
    if (text) for (const p of delivered.filter((e) => pictureTypes.has(e.item.type))) attach(text, p);
    if (pkg.refs.length && pkg.refs.every((r) => byGuid.has(r))) {
      pkg.skip = `packageItem ${pkg.guid}: its ${pkg.refs.length} item(s) are delivered in the same newsMessage and read from there`;
    }
  }
  for (const entry of entries) {
    for (const link of entry.links) {
      const target = link.residref ? byGuid.get(link.residref) : undefined;
      if (target && pictureTypes.has(target.item.type)) attach(entry, target);
    }
  }
  for (const entry of entries) {
    if (entry.skip) {
      out.skipped.push({ uri: entry.guid, reason: entry.skip });
      continue;
    }
    const owner = usedBy.get(entry.guid);
    if (owner) {
      out.skipped.push({ uri: entry.guid, reason: `picture delivered with ${owner}: attached to that item` });
      continue;
    }
    const item = entry.item;
    if (!pictureTypes.has(item.type)) {
      const inMessage = attached.get(entry.guid) ?? [];
      const known = new Set(inMessage.map((p) => p.uri));
      const linked = entry.links.filter((l) => !l.residref || !known.has(l.residref)).flatMap((l) => linkPicture(l, item));
      item.pictures = [...inMessage, ...linked].map((p, i) => ({ ...p, role: i === 0 ? 'featuremedia' : 'picture' }));
    }
    out.items.push(item);
  }
}

/** A picture known only from a link (dpa links its pictures by URL): little more than the href and a title. */
function linkPicture(link: PictureLink, item: WireItem): WirePicture[] {
  const href = link.href;
  if (!href) return [];
  return [{
    uri: link.residref,
    role: 'picture',
    headline: link.title,
    caption: link.title,
    credit: item.agency,
    copyrightHolder: '',
    href,
    mimetype: link.mimetype,
    width: null,
    height: null,
    renditions: [{ name: 'link', href, mimetype: link.mimetype, width: null, height: null }],
  }];
}

// ---- one item ----

function readEntry(el: XmlElement, ctx: Ctx, position: number | null): Entry {
  const { ns } = ctx;
  const guid = attr(el, 'guid')?.trim();
  if (!guid) throw refuse(`${el.name}${position ? ` (itemSet entry ${position})` : ''} has no guid`);
  const where = `${el.name} guid=${guid}`;
  const isPackage = el.name === 'packageItem';
  const itemMeta = firstChild(el, ns, 'itemMeta');
  if (!itemMeta) throw refuse(`${where}: itemMeta is missing`);
  const itemClass = firstChild(itemMeta, ns, 'itemClass');
  if (!itemClass) throw refuse(`${where}: itemMeta/itemClass is missing`);
  // An itemClass without a qcode is schema-valid (IPTC's dev tests send one): an unclassified item.
  const cls = localCode(attr(itemClass, 'qcode') ?? attr(itemClass, 'uri')) || 'unclassified';
  const type: WireItem['type'] = isPackage ? 'composite' : itemTypes.has(cls as WireItem['type']) ? (cls as WireItem['type']) : 'other';

  const date = (name: string, nullable = false): Date | null => {
    const e = firstChild(itemMeta, ns, name);
    if (!e) return null;
    if (nullable && !textOf(e).trim()) return null;
    return isoDate(textOf(e), `${where}: itemMeta/${name}`);
  };

  const cm = firstChild(el, ns, 'contentMeta');
  const language = attr(childElements(cm ?? emptyEl, ns, 'language')[0], 'tag')?.trim() || attr(el, 'xml:lang')?.trim() || null;
  const content = readContent(el, ctx);
  const rights = readRights(el, ns);
  const agency = providerName(itemMeta, ns) || rights.holder || hostOf(attr(firstChild(itemMeta, ns, 'provider'), 'uri'));
  const story = type === 'text' || type === 'composite' || type === 'other';
  const lead = isPackage ? leadRef(el, ns) : undefined;
  const headline = pickHeadline(cm, ns) || trimmedText(firstChild(itemMeta, ns, 'title')) || content.headline || pickHeadline(lead, ns) || trimmedText(firstChild(lead, ns, 'title'));
  const byline = bylineOf(cm, ns) || content.byline;
  const summary = pickDescription(cm, ns, story) || content.summary || pickDescription(lead, ns, story);
  const subjects = subjectsOf(cm, ns, language);
  const keywords = childElements(cm ?? emptyEl, ns, 'keyword').map(trimmedText).filter(Boolean);

  const item: WireItem = {
    format: 'newsml-g2',
    sourceDir: ctx.baseDir,
    uri: guid,
    version: attr(el, 'version')?.trim() || null,
    type,
    pubStatus: pubStatus(itemMeta, ns, where),
    firstCreated: date('firstCreated'),
    versionCreated: date('versionCreated'),
    // An empty <embargoed/> is an embargo with no end given yet: held until a later version names one.
    embargoedUntil: firstChild(itemMeta, ns, 'embargoed') && !textOf(firstChild(itemMeta, ns, 'embargoed')).trim() ? untilFurtherNotice : date('embargoed', true),
    language,
    urgency: urgency(cm, ns),
    headline,
    summary,
    bodyHtml: isPackage ? '' : content.html,
    byline,
    located: locatedOf(cm, ns),
    agency,
    copyrightHolder: rights.holder,
    copyrightNotice: rights.notice,
    usageTerms: rights.terms,
    keywords,
    subjects,
    topics: uniqueTopics([...keywords, ...subjects.map((s) => s.name)]),
    link: null,
    pictures: [],
  };

  let picture: WirePicture | null = null;
  if (pictureTypes.has(type)) {
    picture = ownPicture(el, ctx, where, item, trimmedText(firstChild(cm, ns, 'creditline')));
    item.pictures = picture ? [picture] : [];
  }
  const entry: Entry = {
    guid, package: isPackage, item, picture, links: pictureLinks(itemMeta, ctx, where), refs: isPackage ? packageRefs(el, ns) : [], skip: null,
  };
  if (!item.headline && !item.bodyHtml && !item.summary && !item.pictures.length) {
    entry.skip = `${where}: no headline, no story body, no description and no picture (a ${cls} item with nothing to publish)`;
  } else if (!item.headline && type === 'text') {
    throw refuse(`${where}: no headline (contentMeta/headline, itemMeta/title or the body's own headline)`);
  }
  return entry;
}

function pubStatus(itemMeta: XmlElement, ns: string, where: string): WireItem['pubStatus'] {
  const e = firstChild(itemMeta, ns, 'pubStatus');
  if (!e) return 'usable';
  const code = localCode(attr(e, 'qcode') ?? attr(e, 'uri')).toLowerCase();
  if (code === 'usable' || code === 'withheld' || code === 'canceled') return code;
  if (code === 'cancelled') return 'canceled';
  throw refuse(`${where}: itemMeta/pubStatus "${attr(e, 'qcode') ?? attr(e, 'uri') ?? ''}" is not stat:usable, stat:withheld or stat:canceled`);
}

/** The provider as a credit reads: its name, literal, or the code of its QCode ("nprov:REUTERS" -> "REUTERS"). */
function providerName(itemMeta: XmlElement, ns: string): string {
  const p = firstChild(itemMeta, ns, 'provider');
  if (!p) return '';
  return trimmedText(firstChild(p, ns, 'name')) || attr(p, 'literal')?.trim() || localCode(attr(p, 'qcode'));
}

function hostOf(uri: string | undefined): string {
  if (!uri) return '';
  try {
    return new URL(uri.trim()).hostname.replace(/^www\./i, '');
  } catch {
    return '';
  }
}

function readRights(el: XmlElement, ns: string): { holder: string; notice: string; terms: string } {
  let holder = '';
  let notice = '';
  let terms = '';
  for (const r of childElements(el, ns, 'rightsInfo')) {
    const h = firstChild(r, ns, 'copyrightHolder');
    holder ||= trimmedText(firstChild(h, ns, 'name')) || attr(h, 'literal')?.trim() || '';
    notice ||= trimmedText(firstChild(r, ns, 'copyrightNotice'));
    terms ||= trimmedText(firstChild(r, ns, 'usageTerms'));
  }
  return { holder, notice, terms };
}

const roleOf = (e: XmlElement) => localCode(attr(e, 'role')).toLowerCase();

/** The main headline: one without a role (or role main) first, then the lowest rank, then delivery order. */
function pickHeadline(cm: XmlElement | undefined, ns: string): string {
  const all = childElements(cm ?? emptyEl, ns, 'headline').map((h, i) => ({ h, i, text: trimmedText(h) })).filter((x) => x.text);
  const score = (h: XmlElement) => (roleOf(h) === '' || roleOf(h) === 'main' ? 0 : 1);
  all.sort((a, b) => score(a.h) - score(b.h) || (intAttr(attr(a.h, 'rank')) ?? 1e9) - (intAttr(attr(b.h, 'rank')) ?? 1e9) || a.i - b.i);
  return all[0]?.text ?? '';
}

/**
 * The summary: for a story, a description in a summary role (summary, teaser, abstract...) or
 * without a role; a caption on a story is not its summary (TT puts a cut-off excerpt there). For a
 * picture, video or audio item the caption comes first, then any description.
 */
function pickDescription(cm: XmlElement | undefined, ns: string, story: boolean): string {
  const all = childElements(cm ?? emptyEl, ns, 'description').filter((d) => trimmedText(d));
  const byRole = (role: string) => all.find((d) => roleOf(d) === role);
  const order = story ? [...summaryRoles, ''] : ['caption', ...summaryRoles, ''];
  for (const role of order) {
    const hit = byRole(role);
    if (hit) return trimmedText(hit);
  }
  return story || !all[0] ? '' : trimmedText(all[0]);
}

function bylineOf(cm: XmlElement | undefined, ns: string): string {
  if (!cm) return '';
  const bys = uniqueTopics(childElements(cm, ns, 'by').map(trimmedText));
  if (bys.length) return bys.join(', ');
  const creators = childElements(cm, ns, 'creator').map((c) => trimmedText(firstChild(c, ns, 'name')) || attr(c, 'literal')?.trim() || '');
  return uniqueTopics(creators).join(', ');
}

function locatedOf(cm: XmlElement | undefined, ns: string): string {
  if (!cm) return '';
  const located = firstChild(cm, ns, 'located');
  const name = trimmedText(firstChild(located, ns, 'name')) || attr(located, 'literal')?.trim();
  if (name) return name;
  return datelinePlace(trimmedText(firstChild(cm, ns, 'dateline')));
}

function urgency(cm: XmlElement | undefined, ns: string): number | null {
  const n = intAttr(trimmedText(firstChild(cm, ns, 'urgency')));
  return n !== null && n >= 1 && n <= 9 ? n : null;
}

/** Subjects with a name (in the item's language when there is a choice); the QCode (or URI) as the code. */
function subjectsOf(cm: XmlElement | undefined, ns: string, language: string | null): WireSubject[] {
  const lang = language?.toLowerCase().split('-')[0];
  const out: WireSubject[] = [];
  for (const s of childElements(cm ?? emptyEl, ns, 'subject')) {
    const names = childElements(s, ns, 'name').filter((n) => trimmedText(n));
    const langOf = (n: XmlElement) => attr(n, 'xml:lang')?.toLowerCase();
    const name = names.find((n) => lang && langOf(n)?.split('-')[0] === lang) ?? names.find((n) => !langOf(n)) ?? names[0];
    if (!name) continue;
    out.push({ name: trimmedText(name), code: attr(s, 'qcode')?.trim() || attr(s, 'uri')?.trim() || '' });
  }
  return out;
}

function pictureLinks(itemMeta: XmlElement, ctx: Ctx, where: string): PictureLink[] {
  const { ns } = ctx;
  return childElements(itemMeta, ns, 'link').flatMap((l, i) => {
    const cls = localCode(attr(firstChild(l, ns, 'itemClass'), 'qcode') ?? attr(firstChild(l, ns, 'itemClass'), 'uri'));
    const ct = attr(l, 'contenttype')?.trim() || null;
    if (cls !== 'picture' && cls !== 'graphic' && !ct?.startsWith('image/')) return [];
    return [{
      residref: attr(l, 'residref')?.trim() || null,
      href: attr(l, 'href')?.trim() ? resolveHref(attr(l, 'href')!, ctx.baseDir, `${where}: itemMeta/link[${i + 1}]`) : null,
      title: trimmedText(firstChild(l, ns, 'title')),
      mimetype: ct,
    }];
  });
}

/** The items a package's groups reference, from the root group down (each once). */
function packageRefs(el: XmlElement, ns: string): string[] {
  const groupSet = firstChild(el, ns, 'groupSet');
  if (!groupSet) return [];
  const groups = childElements(groupSet, ns, 'group');
  const byId = new Map(groups.map((g) => [attr(g, 'id') ?? '', g]));
  const refs: string[] = [];
  const seen = new Set<XmlElement>();
  const walk = (g: XmlElement | undefined) => {
    if (!g || seen.has(g)) return;
    seen.add(g);
    for (const c of g.children.filter(isElement)) {
      if (c.ns !== ns) continue;
      if (c.name === 'itemRef') {
        const ref = attr(c, 'residref')?.trim();
        if (ref && !refs.includes(ref)) refs.push(ref);
      } else if (c.name === 'groupRef') walk(byId.get(attr(c, 'idref') ?? ''));
    }
  };
  walk(byId.get(attr(groupSet, 'root') ?? ''));
  groups.forEach(walk);
  return refs;
}

/** A package's first item reference (in its root group) that carries a headline or title: the package's lead. */
function leadRef(el: XmlElement, ns: string): XmlElement | undefined {
  const groupSet = firstChild(el, ns, 'groupSet');
  const groups = childElements(groupSet ?? emptyEl, ns, 'group');
  const root = groups.find((g) => attr(g, 'id') === attr(groupSet, 'root')) ?? groups[0];
  const refs = [root, ...groups].flatMap((g) => childElements(g ?? emptyEl, ns, 'itemRef'));
  return refs.find((r) => pickHeadline(r, ns) || trimmedText(firstChild(r, ns, 'title')));
}

const emptyEl: XmlElement = { name: '', ns: '', qname: '', attrs: {}, children: [] };

// ---- content ----

interface Content {
  html: string;
  /** From the body itself (NITF hedline, XHTML title), for items whose metadata lacks them. */
  headline: string;
  byline: string;
  summary: string;
}

/**
 * The body: XHTML (or HTML) inlineXML first, then NITF inlineXML (body.content mapped to HTML),
 * then plain-text inlineData. Other inline XML (SportsML, events) is data, not a story body.
 */
function readContent(el: XmlElement, ctx: Ctx): Content {
  const contentSet = firstChild(el, ctx.ns, 'contentSet');
  const out: Content = { html: '', headline: '', byline: '', summary: '' };
  if (!contentSet) return out;
  const cm = firstChild(el, ctx.ns, 'contentMeta');
  const headline = pickHeadline(cm, ctx.ns);
  const summary = pickDescription(cm, ctx.ns, true);
  let xhtml = '';
  let nitf = '';
  let plain = '';
  for (const c of contentSet.children.filter(isElement)) {
    if (c.ns !== ctx.ns || attr(c, 'hascontent') === 'false') continue;
    const ct = (attr(c, 'contenttype') ?? '').toLowerCase();
    if (c.name === 'inlineXML') {
      const first = c.children.find(isElement);
      if (ct.includes('nitf') || first?.name === 'nitf') {
        const doc = first?.name === 'nitf' ? first : c;
        const head = nitfHead(doc);
        out.headline ||= head.headline;
        out.byline ||= head.byline;
        out.summary ||= head.summary;
        nitf ||= nitfBody(doc);
      } else if (ct.includes('html') || looksLikeXhtml(c)) {
        out.headline ||= trimmedText(first?.name === 'html' ? descendant(first, 'title') : undefined);
        xhtml ||= xhtmlBody(c, headline || out.headline, summary);
      }
    } else if (c.name === 'inlineData') {
      let text = textOf(c);
      if ((attr(c, 'encoding') ?? '').toLowerCase() === 'base64') {
        text = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
      }
      if (!/\S/.test(text)) continue;
      if (ct.includes('html')) xhtml ||= text.trim();
      else if (!ct || ct.startsWith('text/')) plain ||= textToHtml(text);
    }
  }
  out.html = xhtml || nitf || plain;
  return out;
}

/** A picture item's own picture: its remoteContent renditions, the best image one chosen. */
function ownPicture(el: XmlElement, ctx: Ctx, where: string, item: WireItem, creditline: string): WirePicture | null {
  const contentSet = firstChild(el, ctx.ns, 'contentSet');
  const renditions: WireRendition[] = [];
  childElements(contentSet ?? emptyEl, ctx.ns, 'remoteContent').forEach((rc, i) => {
    const raw = attr(rc, 'href');
    if (!raw?.trim()) return;
    const href = resolveHref(raw, ctx.baseDir, `${where}: contentSet/remoteContent[${i + 1}]`);
    if (!href) return;
    renditions.push({
      name: localCode(attr(rc, 'rendition')) || localCode(attr(rc, 'renditionuri')) || `rendition-${i + 1}`,
      href,
      mimetype: attr(rc, 'contenttype')?.trim() || null,
      width: intAttr(attr(rc, 'width')),
      height: intAttr(attr(rc, 'height')),
    });
  });
  const images = renditions.filter((r) => !r.mimetype || r.mimetype.startsWith('image/'));
  const chosen = renditionPreference.map((n) => images.find((r) => r.name.toLowerCase() === n)).find(Boolean)
    ?? [...images].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  if (!chosen) return null;
  return {
    uri: item.uri,
    role: 'featuremedia',
    headline: item.headline,
    caption: item.summary || item.headline,
    credit: creditline || item.byline || item.agency,
    copyrightHolder: item.copyrightHolder,
    href: chosen.href,
    mimetype: chosen.mimetype,
    width: chosen.width,
    height: chosen.height,
    renditions,
  };
}
