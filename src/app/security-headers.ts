import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every answer (CSP, HSTS on https, nosniff, referrer policy, ...). helmet's
 * middleware is run once, on a response that records what it sets: the headers do not vary by
 * request, and the list is what the page cache sends before routing too.
 */
export function securityHeaderList(o: { https: boolean; imageHosts?: readonly string[] }): [string, string][] {
  const apply = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // The site's own pictures, and only the hosts the operator names (IMAGE_HOSTS: a media CDN,
        // an agency's picture server): a page must not be able to beacon to any https host.
        imgSrc: ["'self'", 'data:', ...(o.imageHosts ?? []).map((h) => `https://${h}`)],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Readers' clicks tell other sites where they came from (the site, not the page), as is usual.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Pictures from the media folder may be embedded by syndication partners.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: o.https ? undefined : false,
  });
  const set = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | string[]) => set.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => set.delete(name.toLowerCase()),
    getHeader: (name: string) => set.get(name.toLowerCase()),
  };
  let failed: unknown;
  apply({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => (failed = err));
  if (failed) throw failed;
  return [...set];
}

export function securityHeaders(app: FastifyInstance, list: readonly [string, string][]): void {
  const headers = Object.fromEntries(list);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
