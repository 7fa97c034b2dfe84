import type { FastifyInstance } from 'fastify';
import { requireUser } from '../access.ts';
import { clearFailures, lockedFor, recordFailure } from '../auth/backoff.ts';
import { dummyHash, verifyPassword } from '../auth/password.ts';
import { clearSessionCookie, csrfToken, setSessionCookie } from '../auth/plugin.ts';
import { ApiError } from '../errors.ts';
import { createSession, deleteSession, SESSION_HOURS } from '../repo/sessions.ts';
import { findLogin } from '../repo/users.ts';
import { errors, session } from '../schemas.ts';
import type { AppContext } from '../app.ts';

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/login',
    {
      config: { rateLimit: ctx.loginRateLimit },
      schema: {
        tags: ['auth'],
        summary: '登录（按 IP 限速；同一用户名连续失败 5 次后暂时锁定，时长逐次加倍）',
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 200: session, ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const locked = await lockedFor(ctx.db, username);
      if (locked) throw new ApiError(429, 'rate_limited', `该用户名登录失败次数过多，请 ${locked} 秒后再试`);
      const found = await findLogin(ctx.db, username);
      // unknown and disabled users are checked against a dummy hash: the same work, the same time
      const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash()));
      if (!found || !ok) {
        await recordFailure(ctx.db, username);
        throw new ApiError(401, 'unauthorized', '用户名或密码错误');
      }
      await clearFailures(ctx.db, username);
      const { passwordHash: _, ...user } = found;
      const { token, hash } = await createSession(ctx.db, user.id);
      setSessionCookie(reply, token, ctx.secureCookies, SESSION_HOURS * 3600);
      return { user, csrfToken: csrfToken(reply, hash) };
    },
  );

  app.post('/api/logout', { schema: { tags: ['auth'], summary: '退出登录', response: { 204: { type: 'null' }, ...errors(401, 403) } } }, async (req, reply) => {
    await deleteSession(ctx.db, req.sessionHash!);
    clearSessionCookie(reply, ctx.secureCookies);
    reply.code(204);
  });

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: '当前用户与 CSRF 令牌', response: { 200: session, ...errors(401) } } },
    async (req, reply) => ({ user: requireUser(req.user), csrfToken: csrfToken(reply, req.sessionHash!) }),
  );
}
