/** The province overview: every published department side by side, spending by function, year on year. */
import type { FastifyInstance } from 'fastify';
import { JSON_TYPE, sendEncoded } from '../encoding.ts';
import { errors } from '../schemas.ts';
import { OverviewCache } from '../services/overview.ts';
import type { AppContext } from '../app.ts';

const amount = { type: 'integer', description: '分' } as const;
const fn: object = {
  type: 'object',
  properties: { code: { type: 'string' }, name: { type: 'string' }, amountFen: amount, children: { type: 'array', items: { type: 'object' } } },
};

const overview = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    years: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, totalFen: amount, departments: { type: 'integer' }, units: { type: 'integer' } } } },
    totalFen: amount,
    departments: {
      type: 'array',
      description: '按合计从大到小',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          name: { type: 'string' },
          totalFen: amount,
          previousFen: { type: ['integer', 'null'], description: '上一年度合计；上一年度未公开为 null' },
          units: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, version: { type: 'integer' }, totalFen: amount } } },
          functionFen: { type: 'object', description: '功能分类类、款代码 → 金额（分）', additionalProperties: { type: 'integer' } },
        },
      },
    },
    functions: { type: 'array', description: '支出功能分类 类 › 款 › 项，全部部门合计', items: fn },
    yearOnYear: { type: ['object', 'null'] },
  },
} as const;

export async function publicOverviewRoutes(app: FastifyInstance, ctx: AppContext) {
  const cache = new OverviewCache();
  // reading every snapshot the first time takes a while with thousands of units: start it when the
  // server starts listening, so that the first visitor joins a build already under way
  app.addHook('onListen', async () => {
    void cache.get(ctx.db).catch(() => {});
  });
  app.get<{ Querystring: { year?: number } }>(
    '/api/public/overview',
    {
      schema: {
        tags: ['public'],
        summary: '全省总览：各部门已公开预算的合计、按功能分类的支出（跨部门）与上年对比；由各单位最新公开版本算出',
        querystring: { type: 'object', properties: { year: { type: 'integer', minimum: 2000, maximum: 2100, description: '预算年度（默认最新）' } } },
        response: { 200: overview, ...errors(404) },
      },
    },
    async (req, reply) => {
      const a = await cache.get(ctx.db, req.query.year);
      reply.header('cache-control', 'public, no-cache');
      return sendEncoded(req, reply, a.body, JSON_TYPE);
    },
  );
}
