/** Escaping and plain-text-to-HTML for every wire format: one copy of each. */

export const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** HTML elements that have no end tag: written back as `<br>`, never `<br></br>`. */
export const voidElements = new Set(['br', 'hr', 'img', 'wbr', 'col', 'source', 'track', 'area', 'embed', 'input', 'meta', 'link', 'param', 'base']);

/**
 * Plain text as HTML paragraphs, blank lines between them. Formats differ in what a single line
 * break means: `keep` leaves it inside the paragraph (NINJS), `br` makes it a <br> (feeds),
 * `paragraph` makes every line a paragraph when the text has no blank lines at all, with runs of
 * whitespace collapsed (NewsML).
 */
export function textToHtml(text: string, lineBreaks: 'keep' | 'br' | 'paragraph' = 'keep'): string {
  const blocks = lineBreaks === 'paragraph' && !/\n\s*\n/.test(text) ? text.split(/\r?\n/) : text.split(/\r?\n\s*\r?\n/);
  return blocks
    .map((p) => (lineBreaks === 'paragraph' ? p.replace(/\s+/g, ' ') : p).trim())
    .filter(Boolean)
    .map((p) => `<p>${lineBreaks === 'br' ? escapeText(p).replace(/\s*\r?\n\s*/g, '<br>') : escapeText(p)}</p>`)
    .join('');
}
