/**
 * The code lists of a budget year, for the web app's code pickers (public: they are official
 * lists), and the finance department's import of a year's official list.
 */
import type { FastifyInstance } from 'fastify';
import type { CodeList } from '../../classification/codes.ts';
import { CONFIDENCES } from '../../classification/codes.ts';
import { isListKind, LIST_KINDS } from '../../classification/import.ts';
import { KINDS } from '../../model/budget.ts';
import { FUND_SOURCES } from '../../model/funds.ts';
import { requireAdmin } from '../access.ts';
import { badRequest, invalidInput } from '../errors.ts';
import { uploadBytes } from './common.ts';
import { classificationFor, importCodeList } from '../services/code-lists.ts';
import { errors } from '../schemas.ts';
import type { AppContext } from '../app.ts';

const subjects = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      code: { type: 'string' },
      level: { type: 'string', enum: ['类', '款', '项'] },
      parent: { type: 'string' },
      name: { type: 'string' },
      confidence: { type: 'string', enum: CONFIDENCES, description: 'imported 导入的官方目录 | high/medium/low 随软件提供 | seen 见于已公开文件 | input 由输入提供' },
      sources: { type: 'string' },
    },
  },
} as const;

const strings = { type: 'array', items: { type: 'string' } } as const;
const origin = {
  type: 'object',
  properties: { path: { type: 'string' }, origin: { type: 'string' }, description: { type: 'string' }, note: { type: 'string' }, sha256: { type: 'string' }, importedAt: { type: 'string' } },
} as const;
const yearParam = { type: 'integer', minimum: 2000, maximum: 2100 } as const;

const listOf = (l: CodeList) => l.list().map(({ code, level, parent, name, confidence, sources }) => ({ code, level, parent, name, confidence, sources }));

export async function classificationRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: { year: number } }>(
    '/api/classification/:year',
    {
      schema: {
        tags: ['org'],
        summary: '一个预算年度的分类目录（支出功能分类、部门/政府预算支出经济分类）以及支出类型和资金来源，供选择代码；lists 说明各目录的来源',
        params: { type: 'object', required: ['year'], properties: { year: yearParam } },
        response: {
          200: {
            type: 'object',
            properties: {
              year: { type: 'integer' },
              function: subjects,
              deptEcon: subjects,
              govEcon: subjects,
              kinds: strings,
              funds: strings,
              lists: { type: 'object', additionalProperties: { type: 'array', items: origin } },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const c = await classificationFor(ctx.db, req.params.year);
      // short: an import by the finance department should reach the pickers soon
      reply.header('cache-control', 'public, max-age=60');
      const lists = Object.fromEntries(Object.entries(c.origins).map(([k, os]) => [k, os.map((o) => ({ path: o.path, origin: o.origin, ...o.provenance }))]));
      return { year: c.year, function: listOf(c.function), deptEcon: listOf(c.deptEcon), govEcon: listOf(c.govEcon), kinds: KINDS, funds: FUND_SOURCES, lists };
    },
  );

  app.post<{ Params: { year: number; kind: string } }>(
    '/api/admin/code-lists/:year/:kind',
    {
      schema: {
        tags: ['org'],
        summary: '导入一个年度的官方科目表（财政部门管理员）',
        description: `multipart/form-data，文件字段 file（.xlsx 或 .csv）：按表头找编码列与名称列，按编码长度分级并检查上级；有任何问题则整表不导入。kind：${Object.keys(LIST_KINDS).join(' | ')}。`,
        consumes: ['multipart/form-data'],
        params: { type: 'object', required: ['year', 'kind'], properties: { year: yearParam, kind: { type: 'string', enum: Object.keys(LIST_KINDS) } } },
        response: {
          200: {
            type: 'object',
            properties: { year: { type: 'integer' }, kind: { type: 'string' }, sourceName: { type: 'string' }, sha256: { type: 'string' }, levels: { type: 'object', additionalProperties: { type: 'integer' } }, subjects: { type: 'integer' } },
          },
          ...errors(400, 401, 403, 413, 422),
        },
      },
    },
    async (req) => {
      requireAdmin(req.user);
      const { year, kind } = req.params;
      if (!isListKind(kind)) throw invalidInput(`kind 应为 ${Object.keys(LIST_KINDS).join('、')}`);
      const file = req.isMultipart() ? await req.file() : undefined;
      if (!file) throw badRequest('请以 multipart/form-data 上传科目表（字段 file）');
      return importCodeList(ctx.db, req.user, year, kind, await uploadBytes(file), file.filename);
    },
  );
}
