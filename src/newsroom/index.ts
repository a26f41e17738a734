import type { FastifyInstance } from 'fastify';
import { apiPlugin } from './api/plugin.js';
import type { NewsroomDeps } from './context.js';

export { createAuth, sessionCookie, type Auth, type Identity } from './auth/auth.js';
export { LoginLimiter } from './auth/login-limiter.js';
export { sessionSecret } from './auth/secret.js';
export { startScheduler, type Scheduler } from './scheduler.js';
export type { NewsroomDeps } from './context.js';

/** The JSON API as a Fastify plugin (register it with prefix /api/v1). */
export async function newsroomApi(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  await apiPlugin(app, deps);
}
