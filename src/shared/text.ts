/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE/U+FFFF; lone surrogates).
 * No newsroom writes them on purpose, and one in a headline makes every feed and sitemap that
 * carries it unreadable, so they are dropped wherever text comes in (and again on the way out).
 */
const forbidden = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function dropForbiddenChars(text: string): string {
  return text.replace(forbidden, '');
}

/** The same for every string in a parsed body or query (objects and arrays, however deep). */
export function withoutForbiddenChars<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return dropForbiddenChars(value) as T;
  // Deeper than any form or document of ours: left as is, the body parser's limits apply.
  if (depth > 64 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withoutForbiddenChars(value[i], depth + 1);
    return value;
  }
  // Only plain records (parsed JSON, forms): a multipart file stream or a Date is not text.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  for (const key of Object.keys(value)) {
    (value as Record<string, unknown>)[key] = withoutForbiddenChars((value as Record<string, unknown>)[key], depth + 1);
  }
  return value;
}

/** Text for an XML element or attribute: markup escaped once, forbidden characters dropped. */
export function xmlText(text: string): string {
  return dropForbiddenChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
