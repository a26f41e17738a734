import type { FastifyInstance } from 'fastify';

/**
 * With TRUST_PROXY off, X-Forwarded-For is ignored: behind a proxy every client then has the
 * proxy's address, in sign-in limits and the audit log alike. The first request that carries
 * the header says so in the log, once.
 */
export function warnOfUntrustedForwarding(app: FastifyInstance): void {
  let warned = false;
  app.addHook('onRequest', (req, _reply, done) => {
    if (!warned && req.headers['x-forwarded-for'] !== undefined) {
      warned = true;
      req.log.warn({ address: req.ip }, 'requests carry X-Forwarded-For but TRUST_PROXY is off: every client behind that proxy shares its address '
        + '(sign-in limits, audit log); set TRUST_PROXY to the proxy\'s address if it overwrites the header');
    }
    done();
  });
}
