import type { FastifyInstance } from 'fastify';
import { requireUser } from '../access.ts';
import { verifyPassword } from '../auth/password.ts';
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
        summary: '登录（按 IP 限速）',
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
      const found = await findLogin(ctx.db, req.body.username);
      if (!found || !(await verifyPassword(req.body.password, found.passwordHash))) {
        throw new ApiError(401, 'unauthorized', '用户名或密码错误');
      }
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
