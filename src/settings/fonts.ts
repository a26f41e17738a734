/**
 * The curated font pairings: a heading face and a body face each. The web fonts come from
 * @fontsource packages and are served by the site itself (no third-party request); "system"
 * downloads nothing.
 */
export const fontPairingIds = ['system', 'editorial', 'modern', 'contemporary'] as const;
export type FontPairingId = (typeof fontPairingIds)[number];

/** A @fontsource-variable package and the family name its CSS declares. */
export interface WebFont {
  package: '@fontsource-variable/playfair-display' | '@fontsource-variable/source-serif-4' | '@fontsource-variable/inter';
  family: string;
}

const playfair: WebFont = { package: '@fontsource-variable/playfair-display', family: 'Playfair Display Variable' };
const sourceSerif: WebFont = { package: '@fontsource-variable/source-serif-4', family: 'Source Serif 4 Variable' };
const inter: WebFont = { package: '@fontsource-variable/inter', family: 'Inter Variable' };

const serifStack = "Georgia, 'Iowan Old Style', 'Palatino Linotype', 'Times New Roman', serif";
const sansStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export interface FontPairing {
  id: FontPairingId;
  label: string;
  heading: { font: WebFont | null; stack: string };
  body: { font: WebFont | null; stack: string };
}

export const fontPairings: Record<FontPairingId, FontPairing> = {
  system: { id: 'system', label: 'Newspaper (system fonts, nothing to download)', heading: { font: null, stack: serifStack }, body: { font: null, stack: serifStack } },
  editorial: {
    id: 'editorial', label: 'Editorial: Playfair Display headlines, Source Serif 4 text',
    heading: { font: playfair, stack: `'${playfair.family}', ${serifStack}` }, body: { font: sourceSerif, stack: `'${sourceSerif.family}', ${serifStack}` },
  },
  modern: {
    id: 'modern', label: 'Modern: Inter headlines, Source Serif 4 text',
    heading: { font: inter, stack: `'${inter.family}', ${sansStack}` }, body: { font: sourceSerif, stack: `'${sourceSerif.family}', ${serifStack}` },
  },
  contemporary: {
    id: 'contemporary', label: 'Contemporary: Source Serif 4 headlines, Inter text',
    heading: { font: sourceSerif, stack: `'${sourceSerif.family}', ${serifStack}` }, body: { font: inter, stack: `'${inter.family}', ${sansStack}` },
  },
};

/** The web fonts a pairing needs, each once. */
export function webFontsOf(id: FontPairingId): WebFont[] {
  const p = fontPairings[id];
  return [...new Set([p.heading.font, p.body.font].filter((f): f is WebFont => f !== null))];
}
