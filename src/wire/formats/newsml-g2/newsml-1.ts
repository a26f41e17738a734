import type { WireItem, WirePicture, WireRendition } from '../../wire-item.js';
import type { WireFormat, WireParse } from '../format.js';
import { attr, childElements, firstChild, isElement, textOf, trimmedText, type XmlElement } from '../xml.js';
import { nitfBody, xhtmlBody } from './html-body.js';
import { basicIsoDate, g2Namespace, datelinePlace, intAttr, localCode, refuse, resolveHref, serializeXml, textToHtml, uniqueTopics } from './support.js';

/**
 * Legacy IPTC NewsML 1.2 (root <NewsML>, capitalised element names; AFP and Business Wire still
 * send it). Each NewsItem becomes one item: the headline and dateline from the NewsLines, the
 * body from the text ContentItems (NITF or XHTML) of the components that are not media, pictures
 * from the components whose ContentItems are images (Business Wire's Photo and Logo components).
 * Subject codes carry no names in NewsML 1.2 and are not read.
 */
export const newsml12: WireFormat = {
  name: 'newsml-1.2',
  detect: (input) => input.kind === 'xml' && input.root.name === 'NewsML' && input.root.ns !== g2Namespace,
  parse(input, source) {
    if (input.kind !== 'xml') throw refuse('NewsML 1.2 is XML');
    const root = input.root;
    const ctx: Ctx = { ns: root.ns, baseDir: source.baseDir, envelope: firstChild(root, root.ns, 'NewsEnvelope') };
    const out: WireParse = { format: 'newsml-1.2', items: [], skipped: [], failed: [] };
    const newsItems = childElements(root, ctx.ns, 'NewsItem');
    if (!newsItems.length) throw refuse('NewsML 1.2 document without a NewsItem');
    newsItems.forEach((el, i) => {
      try {
        out.items.push(readNewsItem(el, ctx, i + 1));
      } catch (e) {
        out.failed.push({ uri: safeUri(el, ctx.ns), reason: (e as Error).message, raw: serializeXml(el) });
      }
    });
    return out;
  },
};

interface Ctx {
  ns: string;
  baseDir: string | null;
  envelope: XmlElement | undefined;
}

const xhtmlNs = 'http://www.w3.org/1999/xhtml';
/** Roles of components whose text is not part of the story body. */
const notBody = new Set(['headline', 'subheadline', 'stylesheet', 'caption', 'byline', 'dateline', 'contact', 'slugline']);
const pictureUsePreference = ['highres', 'original', 'lowres', 'viewimage', 'preview', 'thumbnail'];

const formal = (el: XmlElement | undefined) => attr(el, 'FormalName')?.trim() ?? '';
const elements = (el: XmlElement) => el.children.filter(isElement);

function identity(el: XmlElement, ns: string): { uri: string | null; version: string | null } {
  const id = firstChild(firstChild(el, ns, 'Identification'), ns, 'NewsIdentifier');
  const provider = trimmedText(firstChild(id, ns, 'ProviderId'));
  const dateId = trimmedText(firstChild(id, ns, 'DateId'));
  const itemId = trimmedText(firstChild(id, ns, 'NewsItemId'));
  const version = trimmedText(firstChild(id, ns, 'RevisionId')) || null;
  // The PublicIdentifier names one revision (it ends in ":1", ":2"...): the item's identity across revisions leaves the revision out.
  if (provider && dateId && itemId) return { uri: `urn:newsml:${provider}:${dateId}:${itemId}`, version };
  const pub = trimmedText(firstChild(id, ns, 'PublicIdentifier'));
  return { uri: pub ? pub.replace(/:\d+[A-Z]?$/, '') : null, version };
}

const safeUri = (el: XmlElement, ns: string) => identity(el, ns).uri;

function readNewsItem(el: XmlElement, ctx: Ctx, position: number): WireItem {
  const { ns } = ctx;
  const { uri, version } = identity(el, ns);
  if (!uri) throw refuse(`NewsItem ${position}: Identification/NewsIdentifier has no ProviderId, DateId and NewsItemId (nor a PublicIdentifier)`);
  const where = `NewsItem ${uri}`;
  const revision = firstChild(firstChild(firstChild(el, ns, 'Identification'), ns, 'NewsIdentifier'), ns, 'RevisionId');
  const update = attr(revision, 'Update')?.trim();
  if ((update && update !== 'N') || firstChild(el, ns, 'Update')) {
    throw refuse(`${where}: an update that carries only changes to an earlier revision (RevisionId Update="${update ?? ''}") is not supported: ask for the full item`);
  }
  const top = firstChild(el, ns, 'NewsComponent');
  if (!top) throw refuse(`${where}: no NewsComponent (a NewsItem that only references others is not a story)`);

  const mgmt = firstChild(el, ns, 'NewsManagement');
  const date = (name: string) => {
    const e = firstChild(mgmt, ns, name);
    return e && textOf(e).trim() ? basicIsoDate(textOf(e), `${where}: NewsManagement/${name}`) : null;
  };
  const status = formal(firstChild(mgmt, ns, 'Status')).toLowerCase();
  const willChange = firstChild(firstChild(mgmt, ns, 'StatusWillChange'), ns, 'DateAndTime');
  const embargo = willChange && textOf(willChange).trim() ? basicIsoDate(textOf(willChange), `${where}: NewsManagement/StatusWillChange/DateAndTime`) : null;
  let pubStatus: WireItem['pubStatus'];
  if (status === '' || status === 'usable') pubStatus = 'usable';
  else if (status === 'withheld') pubStatus = 'withheld';
  else if (status === 'canceled' || status === 'cancelled') pubStatus = 'canceled';
  else if (status === 'embargoed') pubStatus = embargo ? 'usable' : 'withheld';
  else throw refuse(`${where}: NewsManagement/Status "${status}" is not Usable, Embargoed, Withheld or Canceled`);

  const components = flatten(top, ns);
  const storyParts = components.filter((c) => !c.media);
  const lines = (name: string) => storyParts.flatMap((c) => childElements(firstChild(c.el, ns, 'NewsLines') ?? c.el, ns, name)).map(trimmedText).filter(Boolean);
  const headline = lines('HeadLine')[0] ?? '';

  // Body: text content of the story components, the contact block last; the subheadline is the summary.
  const body: string[] = [];
  const contact: string[] = [];
  let summary = '';
  for (const c of storyParts) {
    for (const ci of childElements(c.el, ns, 'ContentItem')) {
      const html = textContent(ci, ns, headline);
      if (!html) continue;
      if (c.role === 'subheadline') summary ||= htmlToText(ci, ns);
      else if (c.role === 'contact') contact.push(html);
      else if (!notBody.has(c.role)) body.push(html);
    }
  }
  summary ||= lines('SubHeadLine')[0] ?? '';

  const admin = storyParts.map((c) => firstChild(c.el, ns, 'AdministrativeMetadata')).filter((e): e is XmlElement => !!e);
  const parties = (name: string) => admin.flatMap((a) => childElements(a, ns, name)).flatMap((p) => childElements(p, ns, 'Party')).map(formal).filter(Boolean);
  const sentFrom = formal(firstChild(firstChild(ctx.envelope, ns, 'SentFrom'), ns, 'Party'));
  const providerId = trimmedText(firstChild(firstChild(firstChild(el, ns, 'Identification'), ns, 'NewsIdentifier'), ns, 'ProviderId'));
  const agency = parties('Provider')[0] || sentFrom || providerId;

  const descriptive = storyParts.flatMap((c) => [...childElements(c.el, ns, 'DescriptiveMetadata'), ...childElements(c.el, ns, 'Metadata')]);
  const language = formal(descriptive.map((d) => firstChild(d, ns, 'Language')).find(Boolean)) || attr(el, 'xml:lang')?.trim() || null;
  const origin = descriptive.flatMap((d) => childElements(d, ns, 'Location')).find((l) => (attr(l, 'HowPresent') ?? 'Origin') === 'Origin');
  const city = childElements(origin ?? top, ns, 'Property').find((p) => formal(p) === 'City');
  const keywords = uniqueTopics(
    descriptive.flatMap((d) => childElements(d, ns, 'Property')).filter((p) => /^(keyword|\w*keywords)$/i.test(formal(p))).map((p) => attr(p, 'Value') ?? ''),
  );
  const rights = storyParts.map((c) => firstChild(c.el, ns, 'RightsMetadata')).find(Boolean);
  const urgency = intAttr(formal(firstChild(mgmt, ns, 'Urgency')));
  const byline = lines('ByLine')[0] ?? uniqueTopics(parties('Creator')).join(', ');
  const pictures = components.filter((c) => c.media && c.role !== 'video').map((c) => picture(c, ctx, where, agency)).filter((p): p is RankedPicture => !!p);
  pictures.sort((a, b) => a.rank - b.rank);
  const bodyHtml = [...body, ...contact].join('\n');

  return {
    format: 'newsml-1.2',
    sourceDir: ctx.baseDir,
    uri,
    version,
    type: bodyHtml ? 'text' : pictures.length ? 'picture' : 'other',
    pubStatus,
    firstCreated: date('FirstCreated'),
    versionCreated: date('ThisRevisionCreated'),
    embargoedUntil: status === 'embargoed' ? embargo : null,
    language,
    urgency: urgency !== null && urgency <= 9 ? urgency : null,
    headline,
    summary,
    bodyHtml,
    byline,
    located: attr(city, 'Value')?.trim() || datelinePlace(lines('DateLine')[0] ?? ''),
    agency,
    copyrightHolder: trimmedText(firstChild(firstChild(rights, ns, 'Copyright'), ns, 'CopyrightHolder')),
    copyrightNotice: lines('CopyrightLine')[0] ?? '',
    usageTerms: trimmedText(firstChild(firstChild(rights, ns, 'UsageRights'), ns, 'Limitations')),
    keywords,
    subjects: [],
    topics: keywords,
    link: null,
    pictures: pictures.map(({ rank: _rank, ...p }, i) => ({ ...p, role: i === 0 && p.role !== 'logo' ? 'featuremedia' : p.role })),
  };
}

interface Component {
  el: XmlElement;
  /** Role FormalName, lower case ("body", "photo", "logo"), or ''. */
  role: string;
  /** Holds media (images, video) and no text. */
  media: boolean;
}

/** The component and its descendants, breadth first (so a headline near the top wins). */
function flatten(top: XmlElement, ns: string): Component[] {
  const out: Component[] = [];
  const queue = [top];
  while (queue.length) {
    const el = queue.shift()!;
    const items = childElements(el, ns, 'ContentItem');
    const kinds = items.map((ci) => mediaKind(ci, ns));
    out.push({ el, role: formal(firstChild(el, ns, 'Role')).toLowerCase(), media: kinds.length > 0 && kinds.every((k) => k !== 'text' && k !== 'other') });
    queue.push(...childElements(el, ns, 'NewsComponent'));
  }
  return out;
}

function mimeOf(ci: XmlElement, ns: string): string {
  return formal(firstChild(ci, ns, 'MimeType')).toLowerCase();
}

function mediaKind(ci: XmlElement, ns: string): 'text' | 'image' | 'video' | 'audio' | 'other' {
  const media = formal(firstChild(ci, ns, 'MediaType')).toLowerCase();
  const mime = mimeOf(ci, ns);
  if (media === 'text' || mime.startsWith('text/') || mime.includes('xml') || mime.includes('html')) return 'text';
  if (media === 'photo' || media === 'graphic' || mime.startsWith('image/')) return 'image';
  if (media === 'video' || mime.startsWith('video/')) return 'video';
  if (media === 'audio' || mime.startsWith('audio/')) return 'audio';
  return 'other';
}

/** A text ContentItem's DataContent as HTML: NITF, XHTML or plain text. Style sheets are not text. */
function textContent(ci: XmlElement, ns: string, headline: string): string {
  if (mediaKind(ci, ns) !== 'text' || mimeOf(ci, ns) === 'text/css') return '';
  const data = firstChild(ci, ns, 'DataContent');
  if (!data) return '';
  const first = elements(data)[0];
  if (first?.name === 'nitf') return nitfBody(first);
  if (first && (first.name === 'html' || first.name === 'body' || first.ns === xhtmlNs)) return xhtmlBody(data, headline);
  if (first) return '';
  return /\S/.test(textOf(data)) ? textToHtml(textOf(data)) : '';
}

/** Plain text of a short text component (a subheadline list): one line per paragraph or list item. */
function htmlToText(ci: XmlElement, ns: string): string {
  const data = firstChild(ci, ns, 'DataContent');
  if (!data) return '';
  const blocks: string[] = [];
  const walk = (e: XmlElement) => {
    if (['p', 'li', 'h1', 'h2', 'h3', 'div'].includes(e.name) && !elements(e).some((c) => ['p', 'li', 'div', 'ul', 'ol'].includes(c.name))) {
      blocks.push(trimmedText(e));
    } else elements(e).forEach(walk);
  };
  walk(data);
  return (blocks.length ? blocks : [trimmedText(data)]).filter(Boolean).join('\n');
}

type RankedPicture = WirePicture & { rank: number };

/** A media component as a picture: its image ContentItems are the renditions; its HeadLine is the caption. */
function picture(c: Component, ctx: Ctx, where: string, agency: string): RankedPicture | null {
  const { ns } = ctx;
  const renditions: WireRendition[] = [];
  childElements(c.el, ns, 'ContentItem').forEach((ci, i) => {
    const raw = attr(ci, 'Href');
    if (!raw || mediaKind(ci, ns) !== 'image') return;
    const href = resolveHref(raw, ctx.baseDir, `${where}: ContentItem ${attr(ci, 'Duid') ?? i + 1}`);
    if (!href) return;
    const props = childElements(firstChild(ci, ns, 'Characteristics') ?? ci, ns, 'Property');
    const prop = (...names: string[]) => attr(props.find((p) => names.includes(formal(p))), 'Value');
    renditions.push({
      name: prop('ImageUse')?.trim() || localCode(attr(ci, 'Duid')) || `rendition-${i + 1}`,
      href,
      mimetype: mimeOf(ci, ns) || null,
      width: intAttr(prop('PixelWidth', 'Width')),
      height: intAttr(prop('PixelHeight', 'Height')),
    });
  });
  const chosen = pictureUsePreference.map((n) => renditions.find((r) => r.name.toLowerCase() === n)).find(Boolean)
    ?? [...renditions].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  if (!chosen) return null;
  const lines = firstChild(c.el, ns, 'NewsLines');
  const caption = trimmedText(firstChild(lines, ns, 'HeadLine'));
  const admin = firstChild(c.el, ns, 'AdministrativeMetadata');
  const credit = ['Creator', 'Provider', 'Source'].map((n) => formal(firstChild(firstChild(admin, ns, n), ns, 'Party'))).find(Boolean);
  const rankProp = childElements(firstChild(c.el, ns, 'DescriptiveMetadata') ?? c.el, ns, 'Property').find((p) => formal(p) === 'Rank');
  return {
    uri: null,
    role: c.role === 'logo' ? 'logo' : 'picture',
    headline: '',
    caption,
    credit: credit || agency,
    copyrightHolder: '',
    href: chosen.href,
    mimetype: chosen.mimetype,
    width: chosen.width,
    height: chosen.height,
    renditions,
    // Logos after pictures, then the component's Rank, then delivery order (sort is stable).
    rank: (c.role === 'logo' ? 1e6 : 0) + (intAttr(attr(rankProp, 'Value')) ?? 1e5),
  };
}
