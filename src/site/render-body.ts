import type { DocMark, DocNode } from '../content/index.js';
import { escapeHtml, safeUrl } from './html.js';

/**
 * Renders an article body document to HTML. Written for speed (a string walk, no DOM) and for
 * safety: text is escaped, URLs are checked again, unknown nodes render only their text.
 * Its output matches Tiptap's own serializer for the schema in content/body-schema.ts.
 */
export function renderBody(doc: DocNode): string {
  return renderChildren(doc);
}

/**
 * Children in order, with marks opened and closed as ProseMirror's serializer does: a mark shared
 * by neighbouring text nodes wraps them once (<em>italic <s>struck</s></em>).
 */
function renderChildren(node: DocNode): string {
  let out = '';
  const active: DocMark[] = [];
  for (const child of node.content ?? []) {
    const marks = child.marks ?? [];
    let keep = 0;
    while (keep < active.length && keep < marks.length && sameMark(active[keep]!, marks[keep]!)) keep++;
    while (active.length > keep) out += closeMark(active.pop()!);
    while (active.length < marks.length) {
      const mark = marks[active.length]!;
      out += openMark(mark);
      active.push(mark);
    }
    out += renderNode(child);
  }
  while (active.length) out += closeMark(active.pop()!);
  return out;
}

const sameMark = (a: DocMark, b: DocMark) => a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});

function renderNode(node: DocNode): string {
  const inner = () => renderChildren(node);
  switch (node.type) {
    case 'text':
      return escapeHtml(node.text ?? '');
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = clampLevel(node.attrs?.level);
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      return start !== 1 && Number.isInteger(start) ? `<ol start="${start}">${inner()}</ol>` : `<ol>${inner()}</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'hardBreak':
      return '<br>';
    case 'horizontalRule':
      return '<hr>';
    case 'codeBlock':
      return `<pre><code>${inner()}</code></pre>`;
    case 'image':
      return renderImage(node.attrs ?? {});
    default:
      return inner();
  }
}

function clampLevel(level: unknown): number {
  const n = Number(level);
  return n >= 2 && n <= 4 ? n : 2;
}

function renderImage(attrs: Record<string, unknown>): string {
  const src = safeUrl(attrs.src);
  if (src === '#') return '';
  const alt = typeof attrs.alt === 'string' ? attrs.alt : '';
  let out = `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy" decoding="async"`;
  for (const dim of ['width', 'height'] as const) {
    const n = Number(attrs[dim]);
    if (Number.isInteger(n) && n > 0) out += ` ${dim}="${n}"`;
  }
  return `${out}>`;
}

const markTags: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strike: 's',
  code: 'code',
};

function openMark(mark: DocMark): string {
  if (mark.type === 'link') {
    const href = safeUrl(mark.attrs?.href);
    const title = typeof mark.attrs?.title === 'string' ? ` title="${escapeHtml(mark.attrs.title)}"` : '';
    const rel = /^https?:/i.test(href) ? ' rel="noopener"' : '';
    return `<a href="${escapeHtml(href)}"${title}${rel}>`;
  }
  const tag = markTags[mark.type];
  return tag ? `<${tag}>` : '';
}

function closeMark(mark: DocMark): string {
  if (mark.type === 'link') return '</a>';
  const tag = markTags[mark.type];
  return tag ? `</${tag}>` : '';
}
