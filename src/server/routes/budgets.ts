/** A unit's budget for a year: read it, import it (replace), see its history. */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LoadedBudget } from '../../formats/input/budget-folder.ts';
import { authorize, requireUser, unitScopeSql } from '../access.ts';
import { badRequest, invalidInput } from '../errors.ts';
import { listAudit } from '../repo/audit.ts';
import { getBudget } from '../repo/budgets.ts';
import { abortOnClose, type FileJobs } from '../services/file-jobs.ts';
import { importBudget, parseJsonInput, parseWorkbookInput } from '../services/import.ts';
import { loadUnitBudget, totalOf } from '../services/model.ts';
import { errors, importResult, lineItem, status, unitYearParams } from '../schemas.ts';
import type { AppContext } from '../app.ts';
import { expectedVersion, setVersion, type UnitYear, unitOr404, uploadBytes } from './common.ts';

const IMPORT_DOC = `请求体二选一：
- multipart/form-data：文件字段 workbook（输入工作簿 .xlsx），或 budget（budget.json）加 lineItems（line-items.csv），文件不超过 20 MB；可带字段 version。
- application/json（不超过 2 MB）：{ "budget": <budget.json 的内容>, "lineItemsCsv": "<line-items.csv 的文本>", "version"?: n }。
导入在一个事务中完成：任何一处出错，原有数据保持不变（422，details.problems 列出每处问题的文件、行、列）。`;

const budgetView = {
  type: 'object',
  properties: {
    unit: {
      type: 'object',
      properties: { code: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, departmentCode: { type: 'string' }, departmentName: { type: 'string' } },
    },
    year: { type: 'integer' },
    status,
    version: { type: 'integer', description: '修改时在 If-Match 头回传（响应的 ETag 也是它）' },
    reviewComment: { type: ['string', 'null'] },
    updatedAt: { type: 'string', format: 'date-time' },
    document: { type: 'object', additionalProperties: true, description: '项目、年终结转结余、专项资金、绩效目标等（金额为分）' },
    lineItems: { type: 'array', items: lineItem },
    totalFen: { type: 'integer' },
  },
} as const;

const history = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      at: { type: 'string', format: 'date-time' },
      username: { type: ['string', 'null'] },
      displayName: { type: ['string', 'null'] },
      action: { type: 'string' },
      entity: { type: 'string' },
      entityId: { type: 'string' },
      unitCode: { type: ['string', 'null'] },
      year: { type: ['integer', 'null'] },
      before: {},
      after: {},
    },
  },
} as const;

export async function budgetRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: UnitYear }>(
    '/api/budgets/:unit/:year',
    { schema: { tags: ['budgets'], summary: '一个单位一个年度的预算（模型与明细）', params: unitYearParams, response: { 200: budgetView, ...errors(401, 403, 404) } } },
    async (req, reply) => {
      const unit = await unitOr404(ctx.db, req.params.unit);
      authorize(req.user, 'read', unit);
      const { row, items } = await loadUnitBudget(ctx.db, unit, req.params.year);
      setVersion(reply, row.version);
      return {
        unit,
        year: row.year,
        status: row.status,
        version: row.version,
        reviewComment: row.reviewComment,
        updatedAt: row.updatedAt,
        document: row.document,
        lineItems: items.map(({ source: _, unit: __, amount, ...li }) => ({ ...li, amountFen: amount })),
        totalFen: totalOf(items),
      };
    },
  );

  app.post(
    '/api/imports',
    {
      schema: {
        tags: ['budgets'],
        summary: '导入一个输入文件中所有单位的预算（编制人只能导入本单位；新单位只能由管理员导入）',
        description: IMPORT_DOC,
        consumes: ['multipart/form-data', 'application/json'],
        response: { 200: { type: 'object', properties: { budgets: { type: 'array', items: importResult } } }, ...errors(400, 401, 403, 409, 413, 422, 503) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req.user);
      const { loaded } = await readImport(req, ctx.fileJobs, abortOnClose(reply.raw));
      return { budgets: await importBudget(ctx.db, user, loaded.budget) };
    },
  );

  app.post<{ Params: UnitYear }>(
    '/api/budgets/:unit/:year/import',
    {
      schema: {
        tags: ['budgets'],
        summary: '导入（替换）一个单位一个年度的预算：只取文件中该单位的数据',
        description: IMPORT_DOC,
        consumes: ['multipart/form-data', 'application/json'],
        params: unitYearParams,
        response: { 200: { type: 'object', properties: { budget: importResult } }, ...errors(400, 401, 403, 404, 409, 413, 422, 503) },
      },
    },
    async (req, reply) => {
      const user = requireUser(req.user);
      authorize(user, 'edit', await unitOr404(ctx.db, req.params.unit));
      const { loaded, version } = await readImport(req, ctx.fileJobs, abortOnClose(reply.raw));
      const existing = await getBudget(ctx.db, req.params.unit, req.params.year);
      // replacing an existing budget needs the version the client saw
      const expected = existing ? (version ?? expectedVersion(req)) : undefined;
      const [budget] = await importBudget(ctx.db, user, loaded.budget, { ...req.params, expectedVersion: expected });
      return { budget };
    },
  );

  app.get<{ Params: UnitYear; Querystring: { limit?: number; before?: number } }>(
    '/api/budgets/:unit/:year/history',
    {
      schema: {
        tags: ['budgets'],
        summary: '修改记录（留痕）：谁、何时、改了什么（前后对照），新的在前',
        params: unitYearParams,
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, before: { type: 'integer', description: '分页：只返回 id 小于它的记录' } } },
        response: { 200: history, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      authorize(req.user, 'read', await unitOr404(ctx.db, req.params.unit));
      return listAudit(ctx.db, 'a.unit_code = $1 AND a.year = $2', [req.params.unit, req.params.year], req.query.limit ?? 100, req.query.before);
    },
  );

  app.get<{ Querystring: { limit?: number; before?: number } }>(
    '/api/audit',
    {
      schema: {
        tags: ['budgets'],
        summary: '全部修改记录（按权限：管理员全部，审核人本部门，编制人本单位）',
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, before: { type: 'integer' } } },
        response: { 200: history, ...errors(401) },
      },
    },
    async (req) => {
      const user = requireUser(req.user);
      const scope = unitScopeSql(user, 1);
      const where = user.role === 'admin' ? 'true' : `a.unit_code IS NOT NULL AND ${scope.sql}`;
      return listAudit(ctx.db, where, scope.params, req.query.limit ?? 100, req.query.before);
    },
  );
}

/** Reads an import request: multipart files or a JSON body. */
async function readImport(req: FastifyRequest, jobs: FileJobs, signal: AbortSignal): Promise<{ loaded: LoadedBudget; version?: number }> {
  if (!req.isMultipart()) {
    const body = req.body as { budget?: unknown; lineItemsCsv?: unknown; version?: unknown } | undefined;
    if (!body || typeof body !== 'object' || typeof body.lineItemsCsv !== 'string' || !body.budget) {
      throw badRequest('请求体应为 { budget, lineItemsCsv } 或 multipart 文件上传');
    }
    return { loaded: parseJsonInput(body.budget, body.lineItemsCsv), version: typeof body.version === 'number' ? body.version : undefined };
  }
  const files = new Map<string, { name: string; bytes: Buffer }>();
  const fields = new Map<string, string>();
  for await (const part of req.parts()) {
    if (part.type === 'file') files.set(part.fieldname, { name: part.filename, bytes: await uploadBytes(part as MultipartFile) });
    else fields.set(part.fieldname, String(part.value));
  }
  const text = (name: string) => files.get(name)?.bytes.toString('utf8') ?? fields.get(name);
  const version = fields.has('version') ? Number(fields.get('version')) : undefined;
  const workbook = files.get('workbook');
  if (workbook) return { loaded: await parseWorkbookInput(jobs, workbook.bytes, workbook.name, signal), version };
  const budgetText = text('budget');
  const csv = text('lineItems');
  if (budgetText === undefined || csv === undefined) throw badRequest('请上传 workbook（.xlsx），或 budget（budget.json）与 lineItems（line-items.csv）');
  let json: unknown;
  try {
    json = JSON.parse(budgetText);
  } catch (e) {
    throw invalidInput(`budget.json 不是有效的 JSON：${(e as Error).message}`);
  }
  return { loaded: parseJsonInput(json, csv), version };
}
