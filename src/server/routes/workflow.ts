/** Workflow transitions of a budget: submit, withdraw, approve, return, publish (see services/workflow.ts). */
import type { FastifyInstance } from 'fastify';
import { authorize } from '../access.ts';
import { errors, snapshotMeta, status, unitYearParams, versionBody } from '../schemas.ts';
import { TRANSITIONS, transition, type Transition } from '../services/workflow.ts';
import type { AppContext } from '../app.ts';
import { expectedVersion, setVersion, type UnitYear, unitOr404 } from './common.ts';

const WHO: Record<Transition, string> = {
  submit: '编制人（本单位）或管理员',
  withdraw: '编制人（本单位）或管理员',
  approve: '审核人（本部门）或管理员',
  return: '审核人（本部门）或管理员；须填写 comment',
  publish: '审核人（本部门）或管理员；检查有错误时拒绝（422，details.findings）',
};

export async function workflowRoutes(app: FastifyInstance, ctx: AppContext) {
  for (const name of Object.keys(TRANSITIONS) as Transition[]) {
    const t = TRANSITIONS[name];
    app.post<{ Params: UnitYear; Body: { version?: number; comment?: string } | undefined }>(
      `/api/budgets/:unit/:year/${name}`,
      {
        schema: {
          tags: ['workflow'],
          summary: `${t.label}：${t.from.join(' | ')} → ${t.to}`,
          description: `谁可以：${WHO[name]}。需 If-Match 或 version（读取时的版本）；状态不符或版本过期返回 409。`,
          params: unitYearParams,
          body: versionBody,
          response: {
            200: { type: 'object', properties: { status, version: { type: 'integer' }, snapshot: snapshotMeta } },
            ...errors(401, 403, 404, 409, 422, 428),
          },
        },
      },
      async (req, reply) => {
        const unit = await unitOr404(ctx.db, req.params.unit);
        const user = authorize(req.user, t.action, unit);
        const { row, snapshot } = await transition(ctx.db, ctx.outputs, user, unit, req.params.year, name, expectedVersion(req), req.body?.comment);
        if (snapshot) ctx.packages.forgetLatest(unit.code, req.params.year);
        setVersion(reply, row.version);
        return { status: row.status, version: row.version, ...(snapshot ? { snapshot } : {}) };
      },
    );
  }
}
