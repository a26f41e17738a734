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

function renderChildren(node: DocNode): string {
  let out = '';
  for (const child of node.content ?? []) out += renderNode(child);
  return out;
}

function renderNode(node: DocNode): string {
  const inner = () => renderChildren(node);
  switch (node.type) {
    case 'text':
      return renderText(node.text ?? '', node.marks ?? []);
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

function renderText(text: string, marks: DocMark[]): string {
  let out = escapeHtml(text);
  // Marks are applied innermost-last, so wrap in reverse to keep the stored order outermost.
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i]!;
    if (mark.type === 'link') {
      const href = safeUrl(mark.attrs?.href);
      const title = typeof mark.attrs?.title === 'string' ? ` title="${escapeHtml(mark.attrs.title)}"` : '';
      const rel = /^https?:/i.test(href) ? ' rel="noopener"' : '';
      out = `<a href="${escapeHtml(href)}"${title}${rel}>${out}</a>`;
    } else {
      const tag = markTags[mark.type];
      if (tag) out = `<${tag}>${out}</${tag}>`;
    }
  }
  return out;
}
