import sharp from 'sharp';
import { mulberry32 } from './random.js';

/**
 * The demo newsroom's pictures are drawn here (no photo is shipped): an abstract scene per story
 * in the story's palette, rendered by sharp from SVG to a 1600x900 JPEG.
 */
export interface Palette {
  sky: [string, string];
  ground: string;
  accent: string;
}

export async function drawIllustration(seed: number, p: Palette): Promise<Buffer> {
  const rand = mulberry32(seed);
  const towers = Array.from({ length: 14 }, (_, i) => {
    const w = 60 + rand() * 90;
    const h = 120 + rand() * 380;
    const x = i * 118 - 20 + rand() * 30;
    return `<rect x="${x.toFixed(0)}" y="${(700 - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${p.ground}" opacity="${(0.55 + rand() * 0.4).toFixed(2)}"/>`;
  }).join('');
  const sunX = 250 + rand() * 1100;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[0]}"/><stop offset="1" stop-color="${p.sky[1]}"/></linearGradient></defs>
<rect width="1600" height="900" fill="url(#g)"/>
<circle cx="${sunX.toFixed(0)}" cy="260" r="120" fill="${p.accent}" opacity="0.85"/>
${towers}
<rect y="700" width="1600" height="200" fill="${p.ground}"/>
<path d="M0 780 C 400 740, 1200 840, 1600 770 L1600 900 L0 900 Z" fill="${p.accent}" opacity="0.35"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
