import type { FastifyInstance } from 'fastify';
import { isDatelineError } from '../shared/index.js';
import { maxWireFileBytes } from './file-story.js';
import { charsetOf } from './fetched.js';
import { ingestDelivery, type IngestContext } from './ingest.js';
import type { WireSourceRecord } from './ports.js';
import { authorisePush, rulesOf } from './sources.js';

/**
 * POST /ingest/{source}: an agency (or its relay) pushes one delivery, any format, with the
 * source's token. 200 with what became of each item; 422 when the delivery could not be read
 * (it is quarantined, and the answer says where); 401 for a missing or wrong token.
 */
export async function wirePushPlugin(app: FastifyInstance, opts: { ctx: IngestContext }): Promise<void> {
  const { ctx } = opts;
  // Bytes as sent: the parsers decide what they are (JSON, XML in any declared encoding).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxWireFileBytes }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err, _req, reply) => {
    const fail = (status: number, code: string, message: string) => reply.code(status).send({ error: { code, message } });
    if (isDatelineError(err)) return fail(err.status, err.code, err.message);
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) return fail(413, 'TOO_LARGE', `a delivery is at most ${maxWireFileBytes} bytes`);
    if (status < 500) return fail(status, 'BAD_REQUEST', (err as Error).message);
    app.log.error({ err }, 'wire push failed');
    return fail(500, 'INTERNAL', 'the delivery could not be taken in; send it again');
  });

  const authorised = new WeakMap<object, WireSourceRecord>();
  app.post<{ Params: { source: string } }>('/ingest/:source', {
    // The token is checked before the body is read: a stranger cannot make us buffer 20 MB.
    onRequest: async (req) => {
      authorised.set(req, await authorisePush(ctx, (req.params as { source: string }).source, req.headers.authorization));
    },
  }, async (req, reply) => {
    const source = authorised.get(req)!;
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const charset = charsetOf(req.headers['content-type']);
    const fileName = String(req.headers['x-file-name'] ?? `push-${ctx.now().toISOString()}`).slice(0, 200);
    const result = await ingestDelivery(ctx, { bytes, fileName, baseDir: null, charset, sourceId: source.id }, rulesOf(source));
    const unread = result.quarantined.length > 0 && result.items.length === 0 && result.format === null;
    return reply.code(unread ? 422 : 200).send({
      ...(unread ? { error: { code: 'INVALID_WIRE_ITEM', message: result.quarantined[0]!.reason } } : {}),
      format: result.format,
      items: result.items.map((i) => ({ uri: i.uri, itemId: i.itemId, outcome: i.wire, articleId: i.articleId, story: i.story ?? null })),
      skipped: result.skipped,
      quarantined: result.quarantined,
    });
  });
}
