/** What a stored budget produces: its 23 tables, the findings of the checks, downloadable files. */
import type { FastifyInstance } from 'fastify';
import { tableToJson } from '../../formats/json.ts';
import { authorize } from '../access.ts';
import { EncodedBody, JSON_TYPE, sendEncoded } from '../encoding.ts';
import { notFound } from '../errors.ts';
import { errors, jsonTable, unitYearParams } from '../schemas.ts';
import { attachment, DOWNLOAD_FORMATS, DOWNLOADS } from '../services/downloads.ts';
import type { AppContext } from '../app.ts';
import { setVersion, type UnitYear, unitOr404 } from './common.ts';

const finding = {
  type: 'object',
  properties: {
    rule: { type: 'string' },
    severity: { type: 'string', enum: ['error', 'warning', 'info'] },
    message: { type: 'string' },
    messageEn: { type: 'string' },
    table: { type: 'string' },
    row: { type: 'integer' },
    rowLabel: { type: 'string' },
    column: { type: 'string' },
    columnLabel: { type: 'string' },
    expected: { type: 'integer', description: '分' },
    found: { type: 'integer', description: '分' },
    source: {
      type: 'object',
      description: '明细来源：file 为“明细”时 row 是该明细在 GET …/line-items 列表中的序号（从 1 起）',
      properties: { file: { type: 'string' }, row: { type: 'integer' }, sheet: { type: 'string' } },
    },
  },
} as const;

export const tablesQuery = {
  type: 'object',
  properties: { table: { type: 'string', pattern: '^[0-9]{2}(,[0-9]{2})*$', description: '只要这些表，如 01,03' } },
} as const;

export const pickTables = <T extends { id: string }>(tables: T[], which?: string) => {
  if (!which) return tables;
  const ids = new Set(which.split(','));
  return tables.filter((t) => ids.has(t.id));
};

export async function outputRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: UnitYear; Querystring: { table?: string } }>(
    '/api/budgets/:unit/:year/tables',
    {
      schema: {
        tags: ['outputs'],
        summary: '由当前数据生成的 23 张公开表（开放数据 JSON 形状，金额为万元）',
        params: unitYearParams,
        querystring: tablesQuery,
        response: { 200: { type: 'object', properties: { version: { type: 'integer' }, tables: { type: 'array', items: jsonTable } } }, ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const unit = await unitOr404(ctx.db, req.params.unit, ctx.units, ctx.generation.value);
      authorize(req.user, 'read', unit);
      const out = await ctx.outputs.get(ctx.db, unit, req.params.year);
      setVersion(reply, out.version);
      const response = () => ({ version: out.version, tables: pickTables(out.tables, req.query.table).map(tableToJson) });
      if (req.query.table) return response();
      let body = out.bodies.get('tables');
      if (!body) out.bodies.set('tables', (body = new EncodedBody(reply.serialize(response()) as string, `tables-${out.version}`)));
      return sendEncoded(req, reply, body, JSON_TYPE, false);
    },
  );

  app.get<{ Params: UnitYear }>(
    '/api/budgets/:unit/:year/findings',
    {
      schema: {
        tags: ['outputs'],
        summary: '检查结果：明细规则与表间勾稽（error 阻止公开）',
        params: unitYearParams,
        response: {
          200: {
            type: 'object',
            properties: {
              version: { type: 'integer' },
              errors: { type: 'integer' },
              warnings: { type: 'integer' },
              findings: { type: 'array', items: finding },
              rulesRun: { type: 'array', items: { type: 'string' } },
              rulesNotRun: { type: 'array', items: { type: 'object', properties: { rule: { type: 'string' }, reason: { type: 'string' } } } },
            },
          },
          ...errors(401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const unit = await unitOr404(ctx.db, req.params.unit, ctx.units, ctx.generation.value);
      authorize(req.user, 'read', unit);
      const { version, report, bodies } = await ctx.outputs.get(ctx.db, unit, req.params.year);
      setVersion(reply, version);
      let body = bodies.get('findings');
      if (!body) {
        const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
        body = new EncodedBody(reply.serialize({ version, errors: count('error'), warnings: count('warning'), ...report }) as string, `findings-${version}`);
        bodies.set('findings', body);
      }
      // the ETag stays the budget's version (If-Match on writes), so no per-coding tags here
      return sendEncoded(req, reply, body, JSON_TYPE, false);
    },
  );

  app.get<{ Params: UnitYear & { format: string }; Querystring: { table?: string } }>(
    '/api/budgets/:unit/:year/download.:format',
    {
      schema: {
        tags: ['outputs'],
        summary: `下载当前数据生成的表：${DOWNLOAD_FORMATS.join(' | ')}`,
        params: { ...unitYearParams, required: ['unit', 'year', 'format'], properties: { ...unitYearParams.properties, format: { type: 'string' } } },
        querystring: tablesQuery,
        response: errors(401, 403, 404),
      },
    },
    async (req, reply) => {
      const unit = await unitOr404(ctx.db, req.params.unit);
      authorize(req.user, 'read', unit);
      const d = DOWNLOADS[req.params.format];
      if (!d) throw notFound(`不支持的格式 ${req.params.format}（可用：${DOWNLOAD_FORMATS.join('、')}）`);
      const { version, tables } = await ctx.outputs.get(ctx.db, unit, req.params.year);
      const key = `budget:${unit.code}:${req.params.year}:${version}:${req.query.table ?? ''}:${req.params.format}`;
      const bytes = await ctx.downloads.get(key, () => d.render(pickTables(tables, req.query.table), `${unit.name}${req.params.year}年部门预算（草稿 v${version}）`));
      setVersion(reply, version);
      reply.header('content-disposition', attachment(`${unit.code}-${req.params.year}-draft-v${version}.${req.params.format}`)).type(d.contentType);
      return bytes;
    },
  );
}
