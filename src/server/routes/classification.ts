/** The code lists of a budget year, for the web app's code pickers (public: they are official lists). */
import type { FastifyInstance } from 'fastify';
import { cachedClassification } from '../../classification/load.ts';
import type { CodeList } from '../../classification/codes.ts';
import { KINDS } from '../../model/budget.ts';
import { FUND_SOURCES } from '../../model/funds.ts';

const subjects = {
  type: 'array',
  items: {
    type: 'object',
    properties: { code: { type: 'string' }, level: { type: 'string', enum: ['类', '款', '项'] }, parent: { type: 'string' }, name: { type: 'string' } },
  },
} as const;

const strings = { type: 'array', items: { type: 'string' } } as const;

const listOf = (l: CodeList) => l.list().map(({ code, level, parent, name }) => ({ code, level, parent, name }));

export async function classificationRoutes(app: FastifyInstance) {
  app.get<{ Params: { year: number } }>(
    '/api/classification/:year',
    {
      schema: {
        tags: ['org'],
        summary: '一个预算年度的分类目录（支出功能分类、部门/政府预算支出经济分类）以及支出类型和资金来源，供选择代码',
        params: { type: 'object', required: ['year'], properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } },
        response: {
          200: {
            type: 'object',
            properties: { year: { type: 'integer' }, function: subjects, deptEcon: subjects, govEcon: subjects, kinds: strings, funds: strings },
          },
        },
      },
    },
    async (req, reply) => {
      const c = cachedClassification(req.params.year);
      reply.header('cache-control', 'public, max-age=3600');
      return { year: c.year, function: listOf(c.function), deptEcon: listOf(c.deptEcon), govEcon: listOf(c.govEcon), kinds: KINDS, funds: FUND_SOURCES };
    },
  );
}
