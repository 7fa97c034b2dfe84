/** What every signed-in user does to their own account: change the password. */
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../access.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { ApiError, invalidInput } from '../errors.ts';
import { recordAudit } from '../repo/audit.ts';
import { deleteUserSessions } from '../repo/sessions.ts';
import { passwordHashOf, updateUser } from '../repo/users.ts';
import { errors } from '../schemas.ts';
import type { AppContext } from '../app.ts';

export async function accountRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/me/password',
    {
      // the current password is checked here too: limit guessing it from a stolen session like a login
      config: { rateLimit: ctx.loginRateLimit },
      schema: {
        tags: ['auth'],
        summary: '修改自己的密码：须给出当前密码；新密码须符合密码规则；其他会话随之结束',
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 200 }, newPassword: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 204: { type: 'null' }, ...errors(400, 401, 403, 422, 429) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req.user);
      const { currentPassword, newPassword } = req.body;
      const stored = await passwordHashOf(ctx.db, user.id);
      if (!stored || !(await verifyPassword(currentPassword, stored))) throw new ApiError(403, 'forbidden', '当前密码不正确');
      if (newPassword === currentPassword) throw invalidInput('新密码不能与当前密码相同');
      const problem = passwordProblem(newPassword, user.username);
      if (problem) throw invalidInput(problem);
      const passwordHash = await hashPassword(newPassword);
      await ctx.db.transaction(async (tx) => {
        await updateUser(tx, user.id, { passwordHash });
        await deleteUserSessions(tx, user.id, req.sessionHash!);
        await recordAudit(tx, user, { action: 'password', entity: 'user', entityId: user.id });
      });
      reply.code(204);
    },
  );
}
