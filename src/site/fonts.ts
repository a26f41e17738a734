import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fontPairings, type WebFont } from '../settings/index.js';

const require = createRequire(import.meta.url);

interface FontPackage {
  /** @font-face rules pointing at the site's own copies. */
  css: string;
  /** File name -> absolute path, for the files those rules name. */
  files: Map<string, string>;
}

const packages = new Map<string, FontPackage>();
/** Files served under /assets/fonts/, from every package a pairing uses. */
const served = new Map<string, string>();

/**
 * A @fontsource package's upright and italic faces (variable weight), with its `./files/...`
 * addresses rewritten to /assets/fonts/: the site serves the woff2 files itself, so a reader's
 * browser asks no third party. Read once.
 */
export function fontFaces(font: WebFont): string {
  let known = packages.get(font.package);
  if (!known) {
    const dir = path.dirname(require.resolve(`${font.package}/package.json`));
    const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    const files = new Map<string, string>();
    const css = ['index.css', 'wght-italic.css'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n')
      .replace(/url\(\.\/files\/([\w.-]+\.woff2)\)/g, (_m, file: string) => {
        files.set(file, path.join(dir, 'files', file));
        // The version in the address: a newer package's file is a new address, so each is cached for ever.
        return `url(/assets/fonts/${file}?v=${version})`;
      });
    known = { css, files };
    packages.set(font.package, known);
    for (const [file, full] of files) served.set(file, full);
  }
  return known.css;
}

/** GET /assets/fonts/{file}: the woff2 files of the curated pairings, nothing else. */
export function fontRoutes(app: FastifyInstance): void {
  for (const pairing of Object.values(fontPairings)) for (const f of [pairing.heading.font, pairing.body.font]) if (f) fontFaces(f);
  app.get<{ Params: { file: string } }>('/assets/fonts/:file', async (req, reply) => {
    const full = served.get(req.params.file);
    if (!full) return reply.code(404).type('text/plain; charset=utf-8').send('no such font');
    return reply.type('font/woff2').header('cache-control', 'public, max-age=31536000, immutable').send(fs.createReadStream(full));
  });
}
