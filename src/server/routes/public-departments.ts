/**
 * A department's public package (部门预算): its 23 tables rolled up from the latest published
 * snapshot of each of its units. It changes whenever one of them publishes again, so it is sent
 * with `no-cache` and ETag = its content hash (304 on If-None-Match).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JSON_TYPE, noneMatchHits, sendEncoded } from '../encoding.ts';
import { notFound } from '../errors.ts';
import { charts, errors, jsonTable } from '../schemas.ts';
import type { DepartmentPackage } from '../services/department-packages.ts';
import { classificationFor } from '../services/code-lists.ts';
import { attachment, DOWNLOAD_FORMATS, DOWNLOADS } from '../services/downloads.ts';
import { departmentPublication, PUBLICATION_FORMATS } from '../services/publication-files.ts';
import type { AppContext } from '../app.ts';
import { pickTables, tablesQuery } from './outputs.ts';

interface DeptYear {
  dept: string;
  year: number;
}

const deptYearParams = {
  type: 'object',
  required: ['dept', 'year'],
  properties: {
    dept: { type: 'string', pattern: '^[0-9]{3}$', description: '部门代码（3 位）' },
    year: { type: 'integer', minimum: 2000, maximum: 2100, description: '预算年度' },
  },
} as const;

const part = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    version: { type: ['integer', 'null'], description: '所用的公开版本；null 表示该单位本年度尚未公开，未计入' },
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
    contentHash: { type: ['string', 'null'], description: '该版本的 contentHash' },
  },
} as const;

const pkg = {
  type: 'object',
  properties: {
    department: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
    year: { type: 'integer' },
    contentHash: { type: 'string', description: 'sha256（十六进制），由部门与各单位所用版本算出；任一单位再次公开即改变（也是 ETag）' },
    units: { type: 'array', description: '部门的全部单位（按代码）：所用版本，或尚未公开', items: part },
    tables: { type: 'array', items: jsonTable },
  },
} as const;

const BASE = '/api/public/departments/:dept/:year';

export async function publicDepartmentRoutes(app: FastifyInstance, ctx: AppContext) {
  /** The package, unless the client already has it (304); the tables' ETag is per coding (sendEncoded). */
  const route = (suffix: string, schema: object, handler: (d: DepartmentPackage, req: FastifyRequest, reply: FastifyReply) => unknown, encoded = false) =>
    app.get<{ Params: DeptYear }>(`${BASE}${suffix}`, { schema: { tags: ['public'], params: deptYearParams, ...schema } }, async (req, reply) => {
      const d = await ctx.departments.get(ctx.db, req.params.dept, req.params.year);
      reply.header('cache-control', 'public, no-cache');
      if (!encoded) {
        const etag = `"${d.contentHash}"`;
        reply.header('etag', etag);
        if (noneMatchHits(req.headers['if-none-match'], etag)) return reply.code(304).send();
      }
      return handler(d, req, reply);
    });

  route(
    '',
    {
      summary: '部门预算：由各单位最新公开版本汇总的 23 张表（合计、部门、各单位；开放数据 JSON 形状，金额为万元），及所用版本与尚未公开的单位',
      response: { 200: pkg, ...errors(404) },
    },
    (d, req, reply) => sendEncoded(req, reply, d.body, JSON_TYPE),
    true,
  );

  route('/charts', { summary: '部门预算的图表数据', response: { 200: charts, ...errors(404) } }, (d) => d.charts());

  app.get<{ Params: DeptYear & { format: string }; Querystring: { table?: string } }>(
    `${BASE}/download.:format`,
    {
      schema: {
        tags: ['public'],
        summary: `下载部门预算的表：${DOWNLOAD_FORMATS.join(' | ')}`,
        params: { ...deptYearParams, properties: { ...deptYearParams.properties, format: { type: 'string' } } },
        querystring: tablesQuery,
        response: errors(404),
      },
    },
    async (req, reply) => {
      const f = DOWNLOADS[req.params.format];
      if (!f) throw notFound(`不支持的格式 ${req.params.format}（可用：${DOWNLOAD_FORMATS.join('、')}）`);
      const d = await ctx.departments.get(ctx.db, req.params.dept, req.params.year);
      const { department, year } = d;
      const key = `public-dept:${d.contentHash}:${req.query.table ?? ''}:${req.params.format}`;
      const bytes = await ctx.downloads.get(key, () => f.render(pickTables(d.tables, req.query.table), `${department.name}${year}年部门预算`));
      reply.header('cache-control', 'public, no-cache');
      reply.header('content-disposition', attachment(`${department.code}-${year}-${d.contentHash.slice(0, 8)}.${req.params.format}`)).type(f.contentType);
      return bytes;
    },
  );

  app.get<{ Params: DeptYear & { format: string } }>(
    `${BASE}/publication.:format`,
    {
      schema: {
        tags: ['public'],
        summary: `下载部门预算全文（封面、目录、说明与 23 张表；由各单位最新公开版本汇总）：${Object.keys(PUBLICATION_FORMATS).join(' | ')}`,
        params: { ...deptYearParams, properties: { ...deptYearParams.properties, format: { type: 'string' } } },
        response: errors(404),
      },
    },
    async (req, reply) => {
      const f = PUBLICATION_FORMATS[req.params.format];
      if (!f) throw notFound(`不支持的格式 ${req.params.format}（可用：${Object.keys(PUBLICATION_FORMATS).join('、')}）`);
      const d = await ctx.departments.get(ctx.db, req.params.dept, req.params.year);
      const { department, year } = d;
      const key = `public-dept-publication:${d.contentHash}:${req.params.format}`;
      const bytes = await ctx.downloads.get(key, async () => f.render(departmentPublication(d, await classificationFor(ctx.db, year))));
      reply.header('cache-control', 'public, no-cache');
      reply.header('content-disposition', attachment(`${department.code}-${year}-${d.contentHash.slice(0, 8)}-预算全文.${req.params.format}`)).type(f.contentType);
      return bytes;
    },
  );
}
