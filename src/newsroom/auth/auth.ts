import type {} from '@fastify/cookie';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret, newSecret, verifyPassword, type AccountStore, type Actor, type TokenCheck, type User } from '../../accounts/index.js';
import type { AuditLog } from '../../audit/index.js';
import { DatelineError } from '../../shared/index.js';
import type { LoginLimiter } from './login-limiter.js';

export const sessionCookie = 'dl_session';

export interface Identity {
  actor: Extract<Actor, { kind: 'user' }>;
  via: 'session' | 'token';
  /** The session's CSRF token (cookie sessions only). */
  csrfToken: string | null;
}

export interface AuthDeps {
  accounts: AccountStore;
  audit: AuditLog;
  limiter: LoginLimiter;
  now: () => Date;
  /** Secure cookies when the site is served over https. */
  secureCookies: boolean;
  sessionHours: number;
}

export type Auth = ReturnType<typeof createAuth>;

export function createAuth(deps: AuthDeps) {
  const resolved = new WeakMap<FastifyRequest, Promise<Identity | null>>();

  async function fromToken(req: FastifyRequest, token: string): Promise<Identity | null> {
    const found = await deps.accounts.tokenUser(hashSecret(token), deps.now());
    if (!found) return null;
    // A token that was good once says why it no longer is (401), so its owner knows what to do.
    if (!found.ok) throw new DatelineError('UNAUTHENTICATED', tokenRefusal(found));
    const actor = { kind: 'user' as const, user: found.user, ip: req.ip };
    // Token use is audited once an hour per token, not on every request.
    if (!found.lastUsedAt || deps.now().getTime() - found.lastUsedAt.getTime() > 3_600_000) {
      await deps.audit.append({ actorId: found.user.id, actor: found.user.email, action: 'token-use', subject: `user:${found.user.id}`, ip: req.ip }, deps.now());
    }
    return { actor, via: 'token', csrfToken: null };
  }

  async function fromCookie(req: FastifyRequest): Promise<Identity | null> {
    const raw = req.cookies[sessionCookie];
    if (!raw) return null;
    const unsigned = req.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return null;
    const session = await deps.accounts.session(hashSecret(unsigned.value), deps.now());
    if (!session) return null;
    return { actor: { kind: 'user', user: session.user, ip: req.ip }, via: 'session', csrfToken: session.csrfToken };
  }

  /** Who is asking: a bearer token wins over a cookie. Resolved once per request. */
  function identify(req: FastifyRequest): Promise<Identity | null> {
    let p = resolved.get(req);
    if (!p) {
      const header = req.headers.authorization;
      p = header?.startsWith('Bearer ') ? fromToken(req, header.slice(7).trim()) : fromCookie(req);
      resolved.set(req, p);
    }
    return p;
  }

  /** The CSRF rule: a state-changing request that rides on a cookie must echo its session's token. */
  function checkCsrf(req: FastifyRequest, id: Identity, fromElsewhere?: string): void {
    if (id.via !== 'session' || ['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
    const body = req.body as Record<string, unknown> | undefined;
    const sent = req.headers['x-csrf-token'] ?? fromElsewhere ?? (body && typeof body === 'object' ? body._csrf : undefined);
    const a = Buffer.from(typeof sent === 'string' ? sent : '');
    const b = Buffer.from(id.csrfToken ?? '');
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new DatelineError('CSRF');
  }

  async function signIn(req: FastifyRequest, reply: FastifyReply, email: string, password: string): Promise<{ user: User; csrfToken: string }> {
    const ip = req.ip;
    const wait = deps.limiter.begin(ip, email, deps.now().getTime());
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new DatelineError('RATE_LIMITED', `too many failed sign-ins from here; try again in ${waitText(wait)}`);
    }
    const found = await deps.accounts.userByEmail(email.trim().toLowerCase());
    // Always one scrypt (a decoy for unknown accounts), and disabled ones are checked too:
    // the time taken must not tell which accounts exist.
    const ok = await verifyPassword(password, found?.passwordHash);
    if (!found || !ok || found.disabled) {
      const failures = deps.limiter.failed(email, deps.now().getTime());
      if (failures) req.log.warn({ account: email.slice(0, 200), failures, ip }, 'sign-in: many failed attempts for one account; someone may be guessing its password');
      await deps.audit.append({ actorId: found?.id ?? null, actor: email.slice(0, 200), action: 'sign-in-failed', subject: found ? `user:${found.id}` : '', ip }, deps.now());
      throw new DatelineError('UNAUTHENTICATED', 'wrong email or password');
    }
    deps.limiter.succeeded(ip, email);
    // A fresh session every time; the one this browser held before ends.
    await endSession(req);
    const { secret, hash } = newSecret();
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(deps.now().getTime() + deps.sessionHours * 3_600_000);
    await deps.accounts.createSession({ idHash: hash, userId: found.id, csrfToken, expiresAt }, deps.now());
    await deps.audit.append({ actorId: found.id, actor: found.email, action: 'sign-in', subject: `user:${found.id}`, ip }, deps.now());
    reply.setCookie(sessionCookie, secret, {
      signed: true, httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, path: '/', expires: expiresAt,
    });
    const { passwordHash: _, ...user } = found;
    return { user, csrfToken };
  }

  async function endSession(req: FastifyRequest): Promise<void> {
    const raw = req.cookies[sessionCookie];
    const unsigned = raw ? req.unsignCookie(raw) : null;
    if (unsigned?.valid && unsigned.value) await deps.accounts.deleteSession(hashSecret(unsigned.value));
  }

  async function signOut(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    await endSession(req);
    reply.clearCookie(sessionCookie, { path: '/' });
  }

  return { identify, checkCsrf, signIn, signOut };
}

const waitText = (s: number) => (s < 120 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`);

/** Why a known API token is refused, said plainly (the API's 401 message). */
function tokenRefusal({ token, refused }: Extract<TokenCheck, { ok: false }>): string {
  if (refused === 'revoked') return `this API token (${token.id}) was revoked on ${token.revokedAt!.toISOString()}; create a new one`;
  if (refused === 'disabled') return `the account of this API token (${token.id}) is disabled`;
  return `this API token (${token.id}) expired on ${token.expiresAt.toISOString()}; renew it (dateline token renew ${token.id}) or create a new one`;
}
