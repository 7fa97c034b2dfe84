/**
 * User management: the finance department's admins create users, set their role and scope (a
 * reviewer's department, an editor's unit), disable them and reset their passwords. A password an
 * admin chooses must pass the password rules; one the server generates is random.
 */
import type { FastifyInstance } from 'fastify';
import { requireAdmin, type Role } from '../access.ts';
import { hashPassword, randomPassword } from '../auth/password.ts';
import { clearFailures } from '../auth/backoff.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { invalidInput, notFound, conflict } from '../errors.ts';
import { recordAudit } from '../repo/audit.ts';
import { getUnit } from '../repo/org.ts';
import { deleteUserSessions } from '../repo/sessions.ts';
import { getUser, insertUser, listUsers, setRole, updateUser } from '../repo/users.ts';
import { errors, user } from '../schemas.ts';
import type { AppContext } from '../app.ts';

interface NewUserBody {
  username: string;
  displayName: string;
  role: Role;
  departmentCode?: string;
  unitCode?: string;
  password?: string;
}

const withPassword = {
  type: 'object',
  properties: { user, password: { type: 'string', description: '服务器生成的初始密码，只返回这一次' } },
} as const;

export async function userRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/users', { schema: { tags: ['users'], summary: '用户列表（管理员）', response: { 200: { type: 'array', items: user }, ...errors(401, 403) } } }, async (req) => {
    requireAdmin(req.user);
    return listUsers(ctx.db);
  });

  app.post<{ Body: NewUserBody }>(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '新建用户（管理员）；不给密码则生成一个随机密码并只返回一次',
        body: {
          type: 'object',
          required: ['username', 'displayName', 'role'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', pattern: '^[A-Za-z0-9_.-]{2,50}$' },
            displayName: { type: 'string', minLength: 1, maxLength: 100 },
            role: { type: 'string', enum: ['admin', 'reviewer', 'editor'] },
            departmentCode: { type: 'string', pattern: '^[0-9]{3}$', description: '审核人必填' },
            unitCode: { type: 'string', pattern: '^[0-9]{6}$', description: '编制人必填' },
            password: { type: 'string', minLength: 1, maxLength: 200, description: '须符合密码规则（至少 10 个字符，不是常见、重复或连续的字符，不含用户名）' },
          },
        },
        response: { 201: withPassword, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req.user);
      const b = req.body;
      const scope = await checkScope(ctx, b);
      checkPassword(b.password, b.username);
      const password = b.password ?? randomPassword();
      const created = await ctx.db.transaction(async (tx) => {
        if ((await tx.query('SELECT 1 FROM users WHERE username = $1', [b.username])).length) throw conflict(`用户名 ${b.username} 已存在`);
        const u = await insertUser(tx, { ...b, ...scope, passwordHash: await hashPassword(password) });
        await recordAudit(tx, admin, { action: 'create', entity: 'user', entityId: u.id, after: u });
        return u;
      });
      reply.code(201);
      return { user: { ...created, disabled: false }, ...(b.password ? {} : { password }) };
    },
  );

  app.patch<{ Params: { id: number }; Body: PatchUserBody }>(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改用户（管理员）：改名、角色与范围、停用、重置密码（resetPassword 生成随机密码）；停用或改密码会结束其会话',
        params: { type: 'object', properties: { id: { type: 'integer' } } },
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            displayName: { type: 'string', minLength: 1, maxLength: 100 },
            role: { type: 'string', enum: ['admin', 'reviewer', 'editor'] },
            departmentCode: { type: 'string', pattern: '^[0-9]{3}$', description: '审核人的部门' },
            unitCode: { type: 'string', pattern: '^[0-9]{6}$', description: '编制人的单位' },
            disabled: { type: 'boolean' },
            resetPassword: { type: 'boolean' },
            password: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        response: { 200: withPassword, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const admin = requireAdmin(req.user);
      const before = await getUser(ctx.db, req.params.id);
      if (!before) throw notFound('用户不存在');
      const b = req.body;
      if (before.id === admin.id && b.disabled) throw invalidInput('不能停用自己');
      const roleChange = b.role !== undefined || b.departmentCode !== undefined || b.unitCode !== undefined;
      if (before.id === admin.id && roleChange) throw invalidInput('不能修改自己的角色');
      const scope = roleChange ? { role: b.role ?? before.role, ...(await checkScope(ctx, { ...b, role: b.role ?? before.role })) } : undefined;
      checkPassword(b.password, before.username);
      const generated = req.body.resetPassword ? randomPassword() : undefined;
      const password = req.body.password ?? generated;
      const after = await ctx.db.transaction(async (tx) => {
        await updateUser(tx, before.id, {
          displayName: req.body.displayName,
          disabled: req.body.disabled,
          passwordHash: password ? await hashPassword(password) : undefined,
        });
        if (scope) await setRole(tx, before.id, scope);
        // a new password also lifts a lock from failed sign-ins
        if (password) await clearFailures(tx, before.username);
        if (password || req.body.disabled) await deleteUserSessions(tx, before.id);
        const u = (await getUser(tx, before.id))!;
        await recordAudit(tx, admin, { action: password ? 'update+password' : 'update', entity: 'user', entityId: u.id, before, after: u });
        return u;
      });
      return { user: after, ...(generated ? { password: generated } : {}) };
    },
  );
}

interface PatchUserBody {
  displayName?: string;
  role?: Role;
  departmentCode?: string;
  unitCode?: string;
  disabled?: boolean;
  resetPassword?: boolean;
  password?: string;
}

function checkPassword(password: string | undefined, username: string) {
  const problem = password === undefined ? undefined : passwordProblem(password, username);
  if (problem) throw invalidInput(problem);
}

async function checkScope(ctx: AppContext, b: Pick<NewUserBody, 'role' | 'departmentCode' | 'unitCode'>) {
  if (b.role === 'admin') return { departmentCode: null, unitCode: null };
  if (b.role === 'reviewer') {
    if (!b.departmentCode || b.unitCode) throw invalidInput('审核人须指定且只指定 departmentCode');
    if (!(await ctx.db.query('SELECT 1 FROM departments WHERE code = $1', [b.departmentCode])).length) throw invalidInput(`部门 ${b.departmentCode} 不存在`);
    return { departmentCode: b.departmentCode, unitCode: null };
  }
  if (!b.unitCode || b.departmentCode) throw invalidInput('编制人须指定且只指定 unitCode');
  if (!(await getUnit(ctx.db, b.unitCode))) throw invalidInput(`单位 ${b.unitCode} 不存在`);
  return { departmentCode: null, unitCode: b.unitCode };
}
