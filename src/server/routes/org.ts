/** Departments, units and budgets visible to the signed-in user. */
import type { FastifyInstance } from 'fastify';
import { requireUser, unitScopeSql } from '../access.ts';
import { listBudgets } from '../repo/budgets.ts';
import { byDepartment, listUnits } from '../repo/org.ts';
import { errors, status } from '../schemas.ts';
import type { AppContext } from '../app.ts';

const department = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    units: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } } } },
  },
} as const;

export async function orgRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/departments',
    { schema: { tags: ['org'], summary: '部门及其单位（按权限：管理员全部，审核人本部门，编制人本单位）', response: { 200: { type: 'array', items: department }, ...errors(401) } } },
    async (req) => {
      const scope = unitScopeSql(requireUser(req.user), 1);
      return byDepartment(await listUnits(ctx.db, scope.sql, scope.params));
    },
  );

  app.get<{ Querystring: { year?: number; status?: string; unit?: string } }>(
    '/api/budgets',
    {
      schema: {
        tags: ['budgets'],
        summary: '预算列表（按权限），可按年度、状态、单位筛选；审核人用 status=submitted 查看待审',
        querystring: {
          type: 'object',
          properties: { year: { type: 'integer' }, status, unit: { type: 'string', pattern: '^[0-9]{6}$' } },
        },
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                unitCode: { type: 'string' },
                unitName: { type: 'string' },
                departmentCode: { type: 'string' },
                year: { type: 'integer' },
                status,
                version: { type: 'integer' },
                updatedAt: { type: 'string', format: 'date-time' },
                publishedVersions: { type: 'integer' },
              },
            },
          },
          ...errors(401),
        },
      },
    },
    async (req) => {
      const { year, status: st, unit } = req.query;
      const scope = unitScopeSql(requireUser(req.user), 4);
      return listBudgets(
        ctx.db,
        `($1::int IS NULL OR b.year = $1) AND ($2::text IS NULL OR b.status = $2) AND ($3::text IS NULL OR b.unit_code = $3) AND ${scope.sql}`,
        [year ?? null, st ?? null, unit ?? null, ...scope.params],
      );
    },
  );
}
