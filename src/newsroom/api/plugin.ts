import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { DatelineError, isDatelineError } from '../../shared/index.js';
import type { Identity } from '../auth/auth.js';
import type { NewsroomDeps } from '../context.js';
import { maxUploadBytes } from '../media.js';
import { openApiDocument } from './openapi.js';
import { adminRoutes } from './routes/admin.js';
import { topicRoutes } from './routes/topics.js';
import { menuRoutes } from './routes/menus.js';
import { peopleRoutes } from './routes/people.js';
import { tokenRoutes } from './routes/tokens.js';
import { articleRoutes } from './routes/articles.js';
import { pageRoutes } from './routes/pages.js';
import { imageRoutes } from './routes/images.js';
import { searchApiRoutes } from './routes/search.js';
import { sessionRoutes } from './routes/session.js';
import { settingsRoutes } from './routes/settings.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON API under /api/v1: the same commands as the newsroom UI, with bearer tokens or the
 * session cookie (+ CSRF). Errors answer `{"error": {"code", "message", "field"?}}`.
 */
export async function apiPlugin(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 20, fieldSize: 100_000 }, throwFileSizeLimit: true });

  // JSON must be valid UTF-8: a body with broken bytes is refused rather than silently mangled.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 2 * 1024 * 1024 }, (req, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(new DatelineError('INVALID_INPUT', 'the request body is not valid UTF-8', { field: 'body' }), undefined);
      return;
    }
    parseJson(req, text, done);
  });

  /** The signed-in person, or 401; CSRF is checked here for cookie sessions. */
  const who = async (req: FastifyRequest): Promise<Identity> => {
    const id = await deps.auth.identify(req);
    if (!id) throw new DatelineError('UNAUTHENTICATED');
    deps.auth.checkCsrf(req, id);
    return id;
  };

  app.get('/openapi.json', async () => openApiDocument(deps.settings.url, deps.settings.name));
  sessionRoutes(app, deps, who);
  articleRoutes(app, deps, who);
  pageRoutes(app, deps, who);
  imageRoutes(app, deps, who);
  adminRoutes(app, deps, who);
  tokenRoutes(app, deps, who);
  topicRoutes(app, deps, who);
  menuRoutes(app, deps, who);
  peopleRoutes(app, deps, who);
  searchApiRoutes(app, deps);
  settingsRoutes(app, deps, who);

  app.setNotFoundHandler(async (_req, reply) => reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no such API route' } }));
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    if (isDatelineError(err)) {
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'API request failed');
    const code = status === 413 ? 'TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status === 500 ? 'INTERNAL' : 'INVALID_INPUT';
    const message = status === 500 ? 'Something went wrong on our side' : err.message;
    return reply.code(status).send({ error: { code, message } });
  });
}
