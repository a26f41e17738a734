import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import { clientDir } from '../site/index.js';
import { apiPlugin } from './api/plugin.js';
import type { NewsroomDeps } from './context.js';
import { newsroomUiPlugin } from './ui/plugin.js';

export { createAuth, sessionCookie, type Auth, type Identity } from './auth/auth.js';
export { LoginLimiter } from './auth/login-limiter.js';
export { sessionSecret } from './auth/secret.js';
export { startScheduler, type Scheduler } from './scheduler.js';
export type { NewsroomDeps } from './context.js';

/** The JSON API as a Fastify plugin (register it with prefix /api/v1). */
export async function newsroomApi(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  await apiPlugin(app, deps);
}

/** The newsroom in the browser (register it with prefix /newsroom), with its built client code. */
export async function newsroomUi(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  if (fs.existsSync(clientDir)) {
    await app.register(fastifyStatic, {
      root: clientDir, prefix: '/assets/', decorateReply: false, index: false, maxAge: '365d', immutable: true,
      allowedPath: (pathName) => /\.(?:js|css)$/.test(pathName),
    });
  }
  await newsroomUiPlugin(app, deps);
}
