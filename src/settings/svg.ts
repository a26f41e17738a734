import sanitizeHtml from 'sanitize-html';
import { DatelineError } from '../shared/index.js';

/** Drawing elements only: no script, foreignObject (HTML inside), animation, iframes or links out. */
const drawing = [
  'svg', 'g', 'defs', 'title', 'desc', 'symbol', 'use', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker', 'image',
  'filter', 'feGaussianBlur', 'feOffset', 'feBlend', 'feColorMatrix', 'feComposite', 'feFlood', 'feMerge', 'feMergeNode', 'feDropShadow',
];

const attributes = [
  'id', 'class', 'style', 'transform', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'clip-path', 'clip-rule', 'mask', 'filter',
  'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'width', 'height', 'viewBox', 'preserveAspectRatio',
  'points', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits', 'patternTransform',
  'patternContentUnits', 'clipPathUnits', 'maskUnits', 'maskContentUnits', 'font-family', 'font-size', 'font-weight', 'font-style',
  'text-anchor', 'dominant-baseline', 'letter-spacing', 'dx', 'dy', 'xmlns', 'xmlns:xlink', 'version', 'href', 'xlink:href', 'role',
  'aria-label', 'aria-hidden', 'focusable', 'visibility', 'display', 'color', 'vector-effect', 'paint-order', 'stdDeviation', 'in', 'in2',
  'result', 'mode', 'values', 'type', 'operator', 'k1', 'k2', 'k3', 'k4', 'flood-color', 'flood-opacity', 'markerWidth', 'markerHeight',
  'refX', 'refY', 'orient', 'markerUnits', 'shape-rendering', 'text-rendering', 'xml:space', 'lengthAdjust', 'textLength', 'startOffset',
];

/** A reference inside the drawing (`#id`), or a picture embedded in it: nothing that makes a request. */
const inside = /^\s*#[\w.:-]*\s*$/;
const embeddedPicture = /^\s*data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;
/** `url(...)` in a value or style sheet that points anywhere but inside the drawing. */
const outsideUrl = /url\(\s*(?!['"]?#)[^)]*\)/gi;
const scriptish = /javascript:|vbscript:|expression\s*\(|@import|behavior\s*:|-moz-binding/i;

function cleanAttributes(tag: string, attribs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (name === 'href' || name === 'xlink:href') {
      if (inside.test(value) || (tag === 'image' && embeddedPicture.test(value))) out[name] = value;
      continue;
    }
    if (scriptish.test(value)) continue;
    const local = value.replace(outsideUrl, 'none');
    out[name] = local;
  }
  return out;
}

const policy: sanitizeHtml.IOptions = {
  allowedTags: drawing,
  allowedAttributes: { '*': attributes },
  // Addresses are judged by cleanAttributes alone (only #fragments, and embedded pictures).
  allowedSchemes: ['data'],
  allowedSchemesAppliedToAttributes: [],
  parser: { xmlMode: true, lowerCaseTags: false, lowerCaseAttributeNames: false, decodeEntities: true },
  // Their content is dropped with them, not kept as loose text.
  // <style> too: the sanitiser copies a style sheet's text unescaped (entities decoded, CDATA kept),
  // so `&lt;/style&gt;&lt;script&gt;` inside one came out as live markup. Presentation attributes
  // and style="" (cleaned per attribute) are enough for a logo.
  nonTextTags: ['script', 'style', 'foreignObject', 'iframe', 'object', 'embed', 'noscript', 'textarea', 'option', 'a'],
  disallowedTagsMode: 'discard',
  selfClosing: ['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'stop', 'use', 'image', 'feMergeNode', 'feOffset', 'feGaussianBlur', 'feFlood', 'feBlend', 'feColorMatrix', 'feComposite', 'feDropShadow'],
  transformTags: { '*': (tagName, attribs) => ({ tagName, attribs: cleanAttributes(tagName, attribs) }) },
};

const maxSvgBytes = 512 * 1024;

/**
 * An SVG logo made safe to serve from the site: scripts, event handlers, foreignObject,
 * `javascript:` and every reference outside the drawing (external pictures, fonts, style sheets)
 * removed. Returns the clean markup and its shape (from viewBox, else width and height).
 */
export function sanitizeSvg(bytes: Buffer): { svg: string; width: number; height: number } {
  if (bytes.length > maxSvgBytes) throw new DatelineError('TOO_LARGE', `an SVG logo may be at most ${maxSvgBytes / 1024} KB`);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // The prolog goes first: a DOCTYPE's internal subset (entities) would otherwise leave its text behind.
  const body = text.replace(/<\?xml[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>/gi, '');
  let svg = sanitizeHtml(body, policy).trim();
  // A last look at the result: should any trick slip past the sanitiser, the logo is refused.
  if (/<\s*\/?\s*(?:script|style|foreignObject|iframe|object|embed|a)\b|\son[a-z]+\s*=|<!\[CDATA\[/i.test(svg)) {
    throw new DatelineError('MEDIA_REJECTED', 'the SVG holds markup a logo may not have (scripts, style sheets, embedded pages)');
  }
  if (!/^<svg[\s>]/.test(svg)) throw new DatelineError('MEDIA_REJECTED', 'the file is not an SVG drawing (it must start with <svg>)');
  if (!/^<svg[^>]*\sxmlns=/.test(svg)) svg = svg.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  const shape = shapeOf(svg);
  if (!shape) throw new DatelineError('MEDIA_REJECTED', 'the SVG needs a viewBox, or a width and height, to be drawn at the right shape');
  return { svg: `${svg}\n`, ...shape };
}

function shapeOf(svg: string): { width: number; height: number } | null {
  const root = /^<svg([^>]*)>/.exec(svg)?.[1] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box?.length === 4 && box[2]! > 0 && box[3]! > 0) return { width: box[2]!, height: box[3]! };
  const [w, h] = [Number.parseFloat(attr('width') ?? ''), Number.parseFloat(attr('height') ?? '')];
  return w > 0 && h > 0 ? { width: w, height: h } : null;
}
