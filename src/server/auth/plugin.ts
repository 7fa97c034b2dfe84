/**
 * Sessions and CSRF for /api: the session cookie (HttpOnly, SameSite=Lax, Secure unless served on
 * localhost) identifies the user; every state-changing request must carry the CSRF token from
 * login or GET /api/me in the `x-csrf-token` header (@fastify/csrf-protection, the token bound to
 * the session). /api/login is exempt: there is no session to protect yet.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../access.ts';
import type { Db } from '../db/db.ts';
import { unauthorized } from '../errors.ts';
import { sessionUser, tokenHash } from '../repo/sessions.ts';
import { type Generation, ShortLived } from '../fresh.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    sessionHash: string | null;
  }
}

export const SESSION_COOKIE = 'yusuan_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_EXEMPT = new Set(['/api/login']);

export interface AuthOptions {
  db: Db;
  secret: string;
  secureCookies: boolean;
  /** Sessions are remembered until the next state-changing request (logout, a disabled user) or 1 s. */
  generation: Generation;
}

export async function registerAuth(app: FastifyInstance, { db, secret, secureCookies, generation }: AuthOptions) {
  const sessions = new ShortLived<User | null>(generation);
  await app.register(fastifyCookie, { secret });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: secureCookies, signed: true },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
    getUserInfo: (req) => req.sessionHash ?? '',
    csrfOpts: { hmacKey: secret },
  });
  app.decorateRequest('user', null);
  app.decorateRequest('sessionHash', null);

  const isPrivateApi = (req: FastifyRequest) => req.url.startsWith('/api/') && !req.url.startsWith('/api/public/') && !req.url.startsWith('/api/docs');
  const needsCsrf = (req: FastifyRequest) => UNSAFE.has(req.method) && isPrivateApi(req) && !CSRF_EXEMPT.has(req.routeOptions.url ?? '');

  app.addHook('onRequest', async (req) => {
    if (!isPrivateApi(req)) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const hash = tokenHash(token);
      let user = sessions.get(hash);
      if (user === undefined) {
        const readAt = generation.value;
        user = (await sessionUser(db, hash)) ?? null;
        sessions.set(hash, user, readAt);
      }
      if (user) {
        req.user = user;
        req.sessionHash = hash;
      }
    }
    if (needsCsrf(req) && !req.user) throw unauthorized();
  });
  app.addHook('onRequest', (req, reply, done) => (needsCsrf(req) ? app.csrfProtection(req, reply, done) : done()));
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** A CSRF token for the request's (new) session. */
export const csrfToken = (reply: FastifyReply, sessionHash: string) => reply.generateCsrf({ userInfo: sessionHash });
