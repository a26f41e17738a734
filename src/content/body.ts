import { getSchema } from '@tiptap/core';
import { DOMParser as SchemaParser } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import sanitizeHtml from 'sanitize-html';
import { bodyExtensions } from './body-schema.js';
import type { Doc, DocMark, DocNode } from './model.js';

const safeSchemes = ['http', 'https', 'mailto', 'tel'];

/** The only markup a body may carry in; everything else is dropped, its text kept. */
const bodyPolicy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'u', 's',
    'br', 'hr', 'img', 'code', 'pre',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start'],
  },
  allowedSchemes: safeSchemes,
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Agency HTML often uses h1 for subheads and div for paragraphs.
  transformTags: { h1: 'h2', h5: 'h4', h6: 'h4', div: 'p' },
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object'],
};

/**
 * What @tiptap/html's generateJSON does, with the schema and its parser made once and a
 * script-less DOM shared by a run of bodies (making them cost 5 ms a story; a wire import files
 * thousands). The DOM keeps every document it parsed until it is closed, so it is replaced
 * after a few dozen bodies.
 */
const bodyParser = (() => {
  const parser = SchemaParser.fromSchema(getSchema(bodyExtensions));
  let window: Window | null = null;
  let dom: InstanceType<Window['DOMParser']> | null = null;
  let uses = 0;
  return () => {
    if (!window || !dom || ++uses > 50) {
      if (window) window.happyDOM.close().catch(() => {});
      window = new Window({ settings: {
        disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true,
        disableIframePageLoading: true, disableComputedStyleRendering: true,
      } });
      dom = new window.DOMParser();
      uses = 0;
    }
    return { dom, parser };
  };
})();

/** Sanitises agency or editor HTML and turns it into the structured body document. */
export function bodyFromHtml(html: string): Doc {
  const clean = capDepth(sanitizeHtml(html, bodyPolicy));
  const { dom, parser } = bodyParser();
  const parsed = dom.parseFromString(`<!DOCTYPE html><html><body>${clean}</body></html>`, 'text/html');
  const doc = parser.parse(parsed.body as unknown as globalThis.Node).toJSON() as Doc;
  return { type: 'doc', content: (doc.content ?? []).filter((n) => !isEmptyParagraph(n)) };
}

/** Deeper than any story is written: quotes in lists in quotes stop being structure long before this. */
export const maxBodyDepth = 32;
const voidTags = new Set(['br', 'hr', 'img']);

/**
 * Elements nested deeper than `max` are unwrapped (their text stays, in the enclosing element):
 * the DOM and ProseMirror parsers recurse per level, and 2,000 nested blockquotes overflowed the
 * stack. Works on the sanitiser's output, whose tags are balanced and whose attribute values
 * carry no raw `<` or `>`.
 */
export function capDepth(clean: string, max = maxBodyDepth): string {
  const kept: boolean[] = [];
  let depth = 0;
  return clean.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, (tag, closing: string, name: string) => {
    if (voidTags.has(name.toLowerCase())) return tag;
    if (closing) {
      const keep = kept.pop() ?? true;
      if (keep) depth--;
      return keep ? tag : '';
    }
    const keep = depth < max;
    kept.push(keep);
    if (keep) depth++;
    return keep ? tag : '';
  });
}

/** Plain paragraphs of text as a body, for demo content and plain-text wire bodies. */
export function bodyFromParagraphs(paragraphs: string[]): Doc {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/**
 * Plain text from a field that should never hold markup (headline, caption): tags are removed,
 * script and style contents discarded, entities decoded, whitespace collapsed.
 */
export function plainText(input: string): string {
  const stripped = sanitizeHtml(input, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: bodyPolicy.nonTextTags!,
  });
  return decodeBasicEntities(stripped).replace(/\s+/g, ' ').trim();
}

function decodeBasicEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function isEmptyParagraph(node: DocNode): boolean {
  return node.type === 'paragraph' && !node.content?.some((c) => c.type !== 'text' || c.text?.trim());
}

/** The text of a document, paragraphs separated by blank lines: for descriptions and search. */
export function bodyText(doc: DocNode): string {
  if (doc.type === 'text') return doc.text ?? '';
  if (doc.type === 'hardBreak') return '\n';
  const inner = (doc.content ?? []).map(bodyText);
  return isBlock(doc.type) && doc.type !== 'doc' ? inner.join('') : inner.join('\n\n');
}

const isBlock = (type: string) =>
  ['paragraph', 'heading', 'codeBlock', 'listItem', 'doc', 'blockquote', 'bulletList', 'orderedList'].includes(type);

/** Counts the paragraphs of a document (top level and nested), e.g. for tests and word counts. */
export function paragraphs(doc: DocNode): DocNode[] {
  if (doc.type === 'paragraph') return [doc];
  return (doc.content ?? []).flatMap(paragraphs);
}

export type { DocMark };
