import { createHash } from 'node:crypto';
import { contrastRatio, fontPairings, luminance, minimumContrast, mix, webFontsOf, type PublicationSettings } from '../settings/index.js';
import { fontFaces } from './fonts.js';

/** A generated stylesheet and the address it is served at (named by its content: cached for ever). */
export interface Stylesheet {
  css: string;
  href: string;
}

const hashOf = (css: string) => createHash('sha256').update(css).digest('hex').slice(0, 16);

type Look = Pick<PublicationSettings, 'accentColor' | 'textColor' | 'backgroundColor' | 'fontPairing'>;

/** Every colour a reader reads on `surface` stays at WCAG AA: the mix backs off toward `from` until it does. */
function readableMix(from: string, toward: string, weight: number, readers: string[]): string {
  for (let w = weight; w > 0; w -= 0.01) {
    const c = mix(toward, from, w);
    if (readers.every((r) => contrastRatio(r, c) >= minimumContrast + 0.05)) return c;
  }
  return from;
}

/**
 * The colours the stylesheets use, derived from the three an admin picks: the settings refuse a
 * text or accent colour under 4.5:1 on the background, and every derived surface (masthead,
 * corrections box, highlights) and the muted text are mixed only as far as keeps that true.
 */
function palette(l: Look): Record<string, string> {
  const { accentColor: accent, textColor: text, backgroundColor: background } = l;
  const light = luminance(background) > 0.4;
  const surface = readableMix(background, light ? '#ffffff' : text, light ? 0.7 : 0.06, [text, accent]);
  const tint = readableMix(background, accent, 0.07, [text, accent]);
  const highlight = readableMix(background, accent, 0.2, [text]);
  // The muted text: as far toward the background as stays readable on every surface it sits on.
  let muted = text;
  for (let w = 0.4; w <= 1; w += 0.02) {
    const c = mix(text, background, w);
    if ([background, surface, tint].every((s) => contrastRatio(c, s) >= minimumContrast + 0.05)) { muted = c; break; }
  }
  return {
    '--dl-accent': accent, '--dl-text': text, '--dl-background': background, '--dl-surface': surface, '--dl-muted': muted,
    '--dl-rule': mix(text, background, 0.18), '--dl-tint': tint, '--dl-highlight': highlight,
  };
}

/** The theme stylesheet: the settings' colours and fonts as the custom properties site.css reads. */
export function themeStylesheet(l: Look): Stylesheet {
  const pairing = fontPairings[l.fontPairing];
  const colours = palette(l);
  const light = luminance(l.backgroundColor) > 0.4;
  const css = `/* Dateline theme, made from the site settings. */
${webFontsOf(l.fontPairing).map(fontFaces).join('\n')}
:root {
${Object.entries(colours).map(([k, v]) => `  ${k}: ${v};`).join('\n')}
  --dl-font-heading: ${pairing.heading.stack};
  --dl-font-body: ${pairing.body.stack};
  color-scheme: ${light ? 'light' : 'dark'};
}
`;
  return { css, href: `/assets/theme-${hashOf(css)}.css` };
}

/** The admin's own CSS, appended after the site's, or nothing. */
export function customStylesheet(customCss: string): Stylesheet | null {
  if (!customCss.trim()) return null;
  const css = `${customCss.replace(/\r\n?/g, '\n')}\n`;
  return { css, href: `/assets/custom-${hashOf(css)}.css` };
}
