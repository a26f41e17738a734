import { escapeAttr, escapeText } from '../markup.js';
import { innerXml, isElement, trimmedText, type XmlElement, type XmlNode } from '../xml.js';

/**
 * Story bodies carried inside NewsML (G2 inlineXML, NewsML 1.2 DataContent) turned into HTML for
 * the content layer, which sanitises it: XHTML is passed through, NITF is mapped to HTML.
 */


const elementsOf = (el: XmlElement) => el.children.filter(isElement);

function findDeep(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of elementsOf(el)) {
    if (c.name === name) return c;
    const hit = findDeep(c, name);
    if (hit) return hit;
  }
  return undefined;
}

/** The first element below `el` (itself excluded) with this local name, in document order. */
export const descendant = findDeep;

/** Whitespace-only text between elements, reduced to one line break or space (indentation is not content). */
function tidy(nodes: XmlNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const n of nodes) {
    if (typeof n !== 'string' || /\S/.test(n)) out.push(n);
    else if (n) {
      const prev = out[out.length - 1];
      const blank = n.includes('\n') ? '\n' : ' ';
      // Text that is only space, next to other such text (where an element was left out), becomes one break.
      if (typeof prev === 'string' && !/\S/.test(prev)) out[out.length - 1] = prev.includes('\n') ? prev : blank;
      else out.push(blank);
    }
  }
  return out;
}

/** A copy of the tree without the elements `drop` says no to. */
function prune(el: XmlElement, drop: (e: XmlElement, parent: XmlElement) => boolean): XmlElement {
  const children: XmlNode[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') children.push(c);
    else if (!drop(c, el)) children.push(prune(c, drop));
  }
  return { ...el, children: tidy(children) };
}

/** True when the element holds an XHTML document or XHTML elements. */
export function looksLikeXhtml(container: XmlElement): boolean {
  const first = elementsOf(container)[0];
  if (!first) return false;
  return first.ns === 'http://www.w3.org/1999/xhtml' || first.name === 'html' || first.name === 'body';
}

/**
 * The body of an XHTML document (or XHTML fragment) as HTML. The document's own <header> under
 * <body> (title, slugline, byline: dpa puts the metadata there), an <h1> repeating the headline
 * (TT) and a paragraph repeating the summary word for word (dpa's teaser) are left out, since the
 * article shows them from the metadata.
 */
export function xhtmlBody(container: XmlElement, headline: string, summary = ''): string {
  const first = elementsOf(container)[0];
  let body = container;
  if (first?.name === 'html') body = elementsOf(first).find((c) => c.name === 'body') ?? first;
  else if (first?.name === 'body') body = first;
  const title = headline.replace(/\s+/g, ' ').trim();
  const standfirst = summary.replace(/\s+/g, ' ').trim();
  let h1Dropped = false;
  let teaserDropped = false;
  const cleaned = prune(body, (e, parent) => {
    if (parent === body && e.name === 'header') return true;
    if (e.name === 'head' || e.name === 'title' || e.name === 'script') return true;
    if (!h1Dropped && title && e.name === 'h1' && trimmedText(e) === title) return (h1Dropped = true);
    if (!teaserDropped && standfirst && e.name === 'p' && trimmedText(e) === standfirst) return (teaserDropped = true);
    return false;
  });
  return innerXml(cleaned).trim();
}

// ---- NITF ----

/** NITF elements with an HTML equivalent. */
const nitfToHtmlName: Record<string, string> = {
  p: 'p', hl1: 'h2', hl2: 'h2', br: 'br', em: 'em', q: 'q', a: 'a', pre: 'pre', bq: 'blockquote', sub: 'sub', sup: 'sup',
  ul: 'ul', ol: 'ol', li: 'li', dl: 'dl', dt: 'dt', dd: 'dd',
  table: 'table', caption: 'caption', thead: 'thead', tbody: 'tbody', tfoot: 'tfoot', tr: 'tr', td: 'td', th: 'th', col: 'col', colgroup: 'colgroup',
  // Not NITF, but agencies write them.
  b: 'strong', strong: 'strong', i: 'em', h2: 'h2', h3: 'h3',
};
/** Dropped with their content: pictures by reference, editorial notes, table metadata. */
const nitfDropped = new Set(['media', 'note', 'fn', 'nitf-table-metadata', 'body.head', 'body.end', 'hedline', 'byline', 'dateline', 'distributor', 'tagline']);
const keptAttributes: Record<string, string[]> = { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], col: ['span'], colgroup: ['span'] };
const voids = new Set(['br', 'col']);

/** The text of an NITF document's body.content (or the element given) as HTML; unknown inline markup (person, org, chron ...) keeps its text. */
export function nitfBody(nitfOrContent: XmlElement): string {
  const content = nitfOrContent.name === 'body.content' ? nitfOrContent : findDeep(nitfOrContent, 'body.content');
  if (!content) return '';
  return elementsOf(content).length || /\S/.test(trimmedText(content))
    ? tidy(content.children).map((n) => nitfNode(n, false)).join('').trim()
    : '';
}

/** One NITF node as HTML; line breaks and indentation in text collapse to spaces except inside <pre>. */
function nitfNode(node: XmlNode, pre: boolean): string {
  if (typeof node === 'string') return escapeText(pre ? node : node.replace(/\s+/g, ' '));
  if (nitfDropped.has(node.name)) return '';
  const inner = tidy(node.children).map((n) => nitfNode(n, pre || node.name === 'pre')).join('');
  const tag = nitfToHtmlName[node.name];
  if (!tag) return inner;
  if (tag === 'p' && !/\S/.test(inner)) return '';
  const attrs = (keptAttributes[tag] ?? []).filter((a) => node.attrs[a] !== undefined).map((a) => ` ${a}="${escapeAttr(node.attrs[a]!)}"`).join('');
  return voids.has(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${inner}</${tag}>`;
}

/** NITF's own headline, byline and abstract, for items whose metadata lacks them. */
export function nitfHead(nitf: XmlElement): { headline: string; byline: string; summary: string } {
  const head = findDeep(nitf, 'body.head');
  const hl1 = head && findDeep(head, 'hl1');
  const byline = head && findDeep(head, 'byline');
  const abstract = head && findDeep(head, 'abstract');
  return { headline: trimmedText(hl1), byline: trimmedText(byline), summary: trimmedText(abstract) };
}
