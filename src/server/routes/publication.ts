/** The inputs of 第一部分 部门预算说明 of a unit's budget: read them, replace them (If-Match version). */
import type { FastifyInstance } from 'fastify';
import { authorize, requireUser } from '../access.ts';
import { getBudget } from '../repo/budgets.ts';
import { inputsView, savePublicationInputs } from '../services/publication-inputs.ts';
import { errors, unitYearParams } from '../schemas.ts';
import type { AppContext } from '../app.ts';
import { expectedVersion, setVersion, type UnitYear, unitOr404 } from './common.ts';
import { notFound } from '../errors.ts';

const view = {
  type: 'object',
  properties: {
    version: { type: 'integer' },
    amountUnit: { type: 'string', enum: ['万元'] },
    inputs: { type: ['object', 'null'], additionalProperties: true, description: 'budget.json 的 publication 字段（金额为万元）' },
  },
} as const;

export async function publicationRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: UnitYear }>(
    '/api/budgets/:unit/:year/publication',
    { schema: { tags: ['budgets'], summary: '预算说明所需的信息（机构设置、人员、上年数、政府采购、国有资产、原因说明）', params: unitYearParams, response: { 200: view, ...errors(401, 403, 404) } } },
    async (req, reply) => {
      const unit = await unitOr404(ctx.db, req.params.unit);
      authorize(req.user, 'read', unit);
      const row = await getBudget(ctx.db, unit.code, req.params.year);
      if (!row) throw notFound(`${unit.name}（${unit.code}）${req.params.year} 年度预算尚未导入`);
      setVersion(reply, row.version);
      return inputsView(row);
    },
  );

  app.put<{ Params: UnitYear; Body: { inputs: unknown; version?: number } }>(
    '/api/budgets/:unit/:year/publication',
    {
      schema: {
        tags: ['budgets'],
        summary: '保存预算说明所需的信息（整体替换；inputs 为 null 时删除），须带读取时的版本号',
        params: unitYearParams,
        body: { type: 'object', required: ['inputs'], properties: { inputs: { type: ['object', 'null'] }, version: { type: 'integer' } } },
        response: { 200: view, ...errors(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req.user);
      const unit = await unitOr404(ctx.db, req.params.unit);
      authorize(user, 'edit', unit);
      const saved = await savePublicationInputs(ctx.db, user, unit, req.params.year, req.body.inputs, expectedVersion(req));
      setVersion(reply, saved.version);
      return saved;
    },
  );
}
