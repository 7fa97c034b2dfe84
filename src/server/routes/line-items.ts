/**
 * Line items of a budget, one at a time. Every write names the budget version it was based on
 * (If-Match or `version`); a stale version gets 409 and changes nothing. A write returns the new
 * version (also as ETag) and puts the budget back to draft.
 */
import type { FastifyInstance } from 'fastify';
import { authorize, type User } from '../access.ts';
import type { Queryable } from '../db/db.ts';
import { notFound } from '../errors.ts';
import { recordAudit } from '../repo/audit.ts';
import { type BudgetRow, getBudgetForUpdate } from '../repo/budgets.ts';
import { deleteLineItem, getLineItem, insertLineItems, nextPosition, type StoredLineItem, updateLineItem } from '../repo/line-items.ts';
import type { UnitRow } from '../repo/org.ts';
import { classificationFor } from '../services/code-lists.ts';
import { type LineItemInput, toLineItem } from '../services/line-item.ts';
import { loadUnitBudget } from '../services/model.ts';
import { beginEdit } from '../services/workflow.ts';
import { errors, lineItem, lineItemInput, status, unitYearParams } from '../schemas.ts';
import type { AppContext } from '../app.ts';
import { expectedVersion, setVersion, type UnitYear, unitOr404 } from './common.ts';

type ItemParams = UnitYear & { id: number };
const itemParams = { ...unitYearParams, required: ['unit', 'year', 'id'], properties: { ...unitYearParams.properties, id: { type: 'integer' } } } as const;
const written = { type: 'object', properties: { version: { type: 'integer' }, status, item: lineItem } } as const;

const view = ({ source: _, unit: __, amount, ...li }: StoredLineItem) => ({ ...li, amountFen: amount });
const auditView = (li: StoredLineItem | undefined) => li && view(li);

export async function lineItemRoutes(app: FastifyInstance, ctx: AppContext) {
  /** Runs `fn` on the locked budget after the version and state checks, in one transaction. */
  const edit = async <T>(user: User | null, unit: UnitRow, year: number, version: number, fn: (tx: Queryable, row: BudgetRow, u: User) => Promise<T>) => {
    const u = authorize(user, 'edit', unit);
    return ctx.db.transaction(async (tx) => {
      const row = await getBudgetForUpdate(tx, unit.code, year);
      if (!row) throw notFound(`${unit.name}（${unit.code}）${year} 年度预算尚未导入`);
      const updated = await beginEdit(tx, u, row, version);
      return { row: updated, result: await fn(tx, updated, u) };
    });
  };

  app.get<{ Params: UnitYear }>(
    '/api/budgets/:unit/:year/line-items',
    {
      schema: {
        tags: ['line items'],
        summary: '预算明细',
        params: unitYearParams,
        response: { 200: { type: 'object', properties: { version: { type: 'integer' }, items: { type: 'array', items: lineItem } } }, ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const unit = await unitOr404(ctx.db, req.params.unit);
      authorize(req.user, 'read', unit);
      const { row, items } = await loadUnitBudget(ctx.db, unit, req.params.year);
      setVersion(reply, row.version);
      return { version: row.version, items: items.map(view) };
    },
  );

  app.post<{ Params: UnitYear; Body: LineItemInput }>(
    '/api/budgets/:unit/:year/line-items',
    {
      schema: {
        tags: ['line items'],
        summary: '新增一条明细（需 If-Match 版本）',
        params: unitYearParams,
        body: { ...lineItemInput, required: ['functionCode', 'deptEconCode', 'kind', 'fund', 'amount'] },
        response: { 201: written, ...errors(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const unit = await unitOr404(ctx.db, req.params.unit);
      authorize(req.user, 'edit', unit);
      const version = expectedVersion(req);
      const { row, result } = await edit(req.user, unit, req.params.year, version, async (tx, b, u) => {
        const li = toLineItem(req.body, undefined, unit, b.document, await classificationFor(tx, b.year));
        const [item] = await insertLineItems(tx, b.id, [li], await nextPosition(tx, b.id));
        await recordAudit(tx, u, { action: 'create', entity: 'line_item', entityId: item.id, unitCode: unit.code, year: b.year, after: view(item) });
        return item;
      });
      setVersion(reply, row.version);
      reply.code(201);
      return { version: row.version, status: row.status, item: view(result) };
    },
  );

  app.patch<{ Params: ItemParams; Body: LineItemInput }>(
    '/api/budgets/:unit/:year/line-items/:id',
    {
      schema: {
        tags: ['line items'],
        summary: '修改一条明细（只传要改的字段；需 If-Match 版本）',
        params: itemParams,
        body: lineItemInput,
        response: { 200: written, ...errors(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const unit = await unitOr404(ctx.db, req.params.unit);
      authorize(req.user, 'edit', unit);
      const version = expectedVersion(req);
      const { row, result } = await edit(req.user, unit, req.params.year, version, async (tx, b, u) => {
        const before = await getLineItem(tx, b.id, req.params.id, unit.code);
        if (!before) throw notFound(`明细 ${req.params.id} 不存在`);
        const li = toLineItem(req.body, before, unit, b.document, await classificationFor(tx, b.year));
        const item = (await updateLineItem(tx, b.id, before.id, li))!;
        await recordAudit(tx, u, { action: 'update', entity: 'line_item', entityId: item.id, unitCode: unit.code, year: b.year, before: view(before), after: view(item) });
        return item;
      });
      setVersion(reply, row.version);
      return { version: row.version, status: row.status, item: view(result) };
    },
  );

  app.delete<{ Params: ItemParams }>(
    '/api/budgets/:unit/:year/line-items/:id',
    {
      schema: {
        tags: ['line items'],
        summary: '删除一条明细（需 If-Match 版本）',
        params: itemParams,
        response: { 200: { type: 'object', properties: { version: { type: 'integer' }, status } }, ...errors(401, 403, 404, 409, 428) },
      },
    },
    async (req, reply) => {
      const unit = await unitOr404(ctx.db, req.params.unit);
      authorize(req.user, 'edit', unit);
      const version = expectedVersion(req);
      const { row } = await edit(req.user, unit, req.params.year, version, async (tx, b, u) => {
        const before = await getLineItem(tx, b.id, req.params.id, unit.code);
        if (!before || !(await deleteLineItem(tx, b.id, before.id))) throw notFound(`明细 ${req.params.id} 不存在`);
        await recordAudit(tx, u, { action: 'delete', entity: 'line_item', entityId: before.id, unitCode: unit.code, year: b.year, before: auditView(before) });
      });
      setVersion(reply, row.version);
      return { version: row.version, status: row.status };
    },
  );
}
