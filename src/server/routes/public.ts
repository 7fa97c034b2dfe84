/**
 * The public, anonymous API: only published snapshots. A version's URL
 * (/api/public/packages/:unit/:year/v/:n) never changes content and is cached as immutable;
 * /latest follows the newest version and is revalidated by ETag (the content hash).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JSON_TYPE, noneMatchHits, sendEncoded } from '../encoding.ts';
import { notFound } from '../errors.ts';
import { listPublished, listSnapshotVersions } from '../repo/snapshots.ts';
import { charts, errors, jsonTable, snapshotMeta, unitYearParams } from '../schemas.ts';
import { yearOnYear } from '../services/charts.ts';
import { attachment, DOWNLOAD_FORMATS, DOWNLOADS } from '../services/downloads.ts';
import type { PackageEntry } from '../services/packages.ts';
import { classificationFor } from '../services/code-lists.ts';
import { PUBLICATION_FORMATS, snapshotPublication } from '../services/publication-files.ts';
import type { AppContext } from '../app.ts';
import { type UnitYear } from './common.ts';
import { pickTables, tablesQuery } from './outputs.ts';

type RefParams = UnitYear & { n?: number };
const refParams = { ...unitYearParams, properties: { ...unitYearParams.properties, n: { type: 'integer', minimum: 1, description: '公开版本号' } } } as const;

const pkg = {
  type: 'object',
  properties: {
    unit: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } } },
    department: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
    year: { type: 'integer' },
    version: { type: 'integer' },
    publishedAt: { type: 'string', format: 'date-time' },
    publishedBy: { type: ['string', 'null'] },
    contentHash: { type: 'string' },
    tables: { type: 'array', items: jsonTable },
  },
} as const;

export async function publicRoutes(app: FastifyInstance, ctx: AppContext) {
  /**
   * Registers a route under both …/latest and …/v/:n. A handler that sends an EncodedBody sets the
   * ETag and answers If-None-Match itself (one tag per coding); the others get the content hash.
   */
  const both = (suffix: string, schema: object, handler: (e: PackageEntry, req: FastifyRequest<{ Params: RefParams; Querystring: { table?: string } }>, reply: FastifyReply) => unknown, encoded = false) => {
    for (const ref of ['latest', 'v/:n']) {
      app.get<{ Params: RefParams; Querystring: { table?: string } }>(
        `/api/public/packages/:unit/:year/${ref}${suffix}`,
        { schema: { tags: ['public'], params: refParams, ...schema } },
        async (req, reply) => {
          const e = await ctx.packages.get(ctx.db, req.params.unit, req.params.year, req.params.n);
          reply.header('cache-control', req.params.n ? 'public, max-age=31536000, immutable' : 'public, no-cache');
          if (!encoded) {
            const etag = `"${e.meta.contentHash}"`;
            reply.header('etag', etag);
            if (noneMatchHits(req.headers['if-none-match'], etag)) return reply.code(304).send();
          }
          return handler(e, req, reply);
        },
      );
    }
  };

  app.get(
    '/api/public/departments',
    {
      schema: {
        tags: ['public'],
        summary: '已公开预算的部门、单位与年度',
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                name: { type: 'string' },
                units: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      code: { type: 'string' },
                      name: { type: 'string' },
                      years: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, latestVersion: { type: 'integer' }, publishedAt: { type: 'string', format: 'date-time' } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    async () => {
      const depts = new Map<string, { code: string; name: string; units: Map<string, { code: string; name: string; years: object[] }> }>();
      for (const p of await listPublished(ctx.db)) {
        const d = depts.get(p.departmentCode) ?? { code: p.departmentCode, name: p.departmentName, units: new Map() };
        depts.set(p.departmentCode, d);
        const u = d.units.get(p.unitCode) ?? { code: p.unitCode, name: p.unitName, years: [] };
        d.units.set(p.unitCode, u);
        u.years.push({ year: p.year, latestVersion: p.latestVersion, publishedAt: p.publishedAt });
      }
      return [...depts.values()].map((d) => ({ ...d, units: [...d.units.values()] }));
    },
  );

  app.get<{ Params: UnitYear }>(
    '/api/public/packages/:unit/:year',
    { schema: { tags: ['public'], summary: '一个单位一个年度的全部公开版本', params: unitYearParams, response: { 200: { type: 'array', items: snapshotMeta }, ...errors(404) } } },
    async (req) => {
      const versions = await listSnapshotVersions(ctx.db, req.params.unit, req.params.year);
      if (!versions.length) throw notFound(`${req.params.unit} ${req.params.year} 年度预算尚未公开`);
      return versions;
    },
  );

  both('', { summary: '公开的 23 张表（最新版或第 n 版；开放数据 JSON 形状，金额为万元）', response: { 200: pkg, ...errors(404) } }, (e, req, reply) =>
    sendEncoded(req, reply, e.body, JSON_TYPE),
  true);

  both('/charts', { summary: '图表数据：按功能分类、收入来源、基本/项目支出、“三公”经费', response: { 200: charts, ...errors(404) } }, (e) => e.charts());

  both('/content', { summary: '快照原文（其 sha256 即 contentHash）：模型与表（金额为分）', response: errors(404) }, (e, req, reply) =>
    sendEncoded(req, reply, e.raw, JSON_TYPE),
  true);

  for (const ref of ['latest', 'v/:n']) {
    app.get<{ Params: RefParams & { format: string }; Querystring: { table?: string } }>(
      `/api/public/packages/:unit/:year/${ref}/download.:format`,
      {
        schema: {
          tags: ['public'],
          summary: `下载公开的表（最新版或第 n 版）：${DOWNLOAD_FORMATS.join(' | ')}`,
          params: { ...refParams, properties: { ...refParams.properties, format: { type: 'string' } } },
          querystring: tablesQuery,
          response: errors(404),
        },
      },
      async (req, reply) => {
        const d = DOWNLOADS[req.params.format];
        if (!d) throw notFound(`不支持的格式 ${req.params.format}（可用：${DOWNLOAD_FORMATS.join('、')}）`);
        const e = await ctx.packages.get(ctx.db, req.params.unit, req.params.year, req.params.n);
        const { unit, year } = e.content;
        const key = `public:${unit.code}:${year}:${e.meta.version}:${req.query.table ?? ''}:${req.params.format}`;
        const bytes = await ctx.downloads.get(key, () => d.render(pickTables(e.content.tables, req.query.table), `${unit.name}${year}年部门预算`));
        reply.header('cache-control', req.params.n ? 'public, max-age=31536000, immutable' : 'public, no-cache');
        reply.header('content-disposition', attachment(`${unit.code}-${year}-v${e.meta.version}.${req.params.format}`)).type(d.contentType);
        return bytes;
      },
    );
  }

  for (const ref of ['latest', 'v/:n']) {
    app.get<{ Params: RefParams & { format: string } }>(
      `/api/public/packages/:unit/:year/${ref}/publication.:format`,
      {
        schema: {
          tags: ['public'],
          summary: `下载预算全文（封面、目录、说明与 23 张表；最新版或第 n 版）：${Object.keys(PUBLICATION_FORMATS).join(' | ')}`,
          params: { ...refParams, properties: { ...refParams.properties, format: { type: 'string' } } },
          response: errors(404),
        },
      },
      async (req, reply) => {
        const f = PUBLICATION_FORMATS[req.params.format];
        if (!f) throw notFound(`不支持的格式 ${req.params.format}（可用：${Object.keys(PUBLICATION_FORMATS).join('、')}）`);
        const e = await ctx.packages.get(ctx.db, req.params.unit, req.params.year, req.params.n);
        const { unit, year } = e.content;
        const key = `public-publication:${unit.code}:${year}:${e.meta.version}:${req.params.format}`;
        const bytes = await ctx.downloads.get(key, async () => f.render(snapshotPublication(e.content, await classificationFor(ctx.db, year))));
        reply.header('cache-control', req.params.n ? 'public, max-age=31536000, immutable' : 'public, no-cache');
        reply.header('content-disposition', attachment(`${unit.code}-${year}-v${e.meta.version}-预算全文.${req.params.format}`)).type(f.contentType);
        return bytes;
      },
    );
  }

  app.get<{ Params: UnitYear }>(
    '/api/public/packages/:unit/:year/yoy',
    {
      schema: {
        tags: ['public'],
        summary: '与上一年度的对比（两年都已公开时；各取最新版）',
        params: unitYearParams,
        response: {
          200: {
            type: 'object',
            properties: {
              years: { type: 'array', items: { type: 'integer' } },
              versions: { type: 'array', items: { type: 'integer' } },
              rows: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    key: { type: 'string' },
                    label: { type: 'string' },
                    previousFen: { type: 'integer' },
                    currentFen: { type: 'integer' },
                    changeFen: { type: 'integer' },
                    changeRatio: { type: ['number', 'null'] },
                  },
                },
              },
            },
          },
          ...errors(404),
        },
      },
    },
    async (req) => {
      const { unit, year } = req.params;
      const current = await ctx.packages.get(ctx.db, unit, year);
      const previous = await ctx.packages.get(ctx.db, unit, year - 1).catch(() => {
        throw notFound(`${unit} ${year - 1} 年度预算尚未公开，无法对比`);
      });
      return { years: [year - 1, year], versions: [previous.meta.version, current.meta.version], rows: yearOnYear(previous.charts(), current.charts()) };
    },
  );
}
