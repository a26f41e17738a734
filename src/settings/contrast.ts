import { DatelineError } from '../shared/index.js';

/** WCAG AA for normal text. */
export const minimumContrast = 4.5;

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hexOf([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2's relative luminance of an sRGB colour. */
export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2's contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `weight` of `a` mixed into `b` (0: b, 1: a), in sRGB as CSS color-mix does. */
export function mix(a: string, b: string, weight: number): string {
  const [x, y] = [rgbOf(a), rgbOf(b)];
  return hexOf(x.map((c, i) => c * weight + y[i]! * (1 - weight)) as Rgb);
}

/**
 * Shown rounded down, so a pair just under the bar never reads as "4.50:1" while refused.
 */
const formatRatio = (ratio: number) => `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;

/**
 * Refuses a pair of colours readers could not read: `field` is the one the admin changed (the
 * error names it), `message` names both.
 */
export function requireContrast(fore: { name: string; value: string }, back: { name: string; value: string }, field: string): void {
  const ratio = contrastRatio(fore.value, back.value);
  if (ratio >= minimumContrast) return;
  throw new DatelineError('INVALID_INPUT',
    `${fore.name} and ${back.name} have a contrast of ${formatRatio(ratio)}; at least ${minimumContrast}:1 is needed`, { field });
}
