import http, { type IncomingMessage, type ServerResponse } from 'node:http';

type Answer = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The HTTP server's first look at a request, before the web framework routes it: the page cache
 * answers a fresh cached page here (about three times cheaper than through routing and hooks);
 * everything else, and any page it cannot answer at once, goes on to the framework.
 */
export class FrontDoor {
  private answer: Answer | null = null;

  /** `headers`: what the app adds to every answer (security headers), sent with cached pages too. */
  constructor(readonly headers: readonly [string, string][]) {}

  /** Sets what answers at the door (null: nothing, e.g. while the app shuts down). */
  open(answer: Answer | null): void {
    this.answer = answer;
  }

  private first(req: IncomingMessage, res: ServerResponse): boolean {
    try {
      return this.answer?.(req, res) ?? false;
    } catch {
      // Outside the framework a throw would end the process: the framework answers instead.
      return res.headersSent;
    }
  }

  /** A Fastify `serverFactory`: a plain HTTP server with the framework's timeouts, this door first. */
  serverFactory = (handler: http.RequestListener, opts: { http?: http.ServerOptions; keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number }) => {
    const server = http.createServer(opts.http ?? {}, (req, res) => {
      if (!this.first(req, res)) handler(req, res);
    });
    if (opts.keepAliveTimeout) server.keepAliveTimeout = opts.keepAliveTimeout;
    if (opts.requestTimeout) server.requestTimeout = opts.requestTimeout;
    server.setTimeout(opts.connectionTimeout ?? 0);
    return server;
  };
}
