/**
 * POST /api/public/audit: the web form of `yusuan audit`, open to anyone (inspectors, researchers,
 * journalists) and rate-limited, since it reads nothing private and writes nothing. An uploaded disclosure is read back into tables
 * by the reader for its file type and checked like our own tables; the answer is the audit JSON
 * of the command (tables, findings, coverage, guessed placements) plus the finding counts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { audit, auditJson } from '../../disclosure/audit/audit.ts';
import { cachedClassification, shippedYears } from '../../classification/load.ts';
import { DisclosureError, READABLE } from '../../disclosure/read/index.ts';
import { badRequest, invalidInput } from '../errors.ts';
import { errors } from '../schemas.ts';
import type { AppContext } from '../app.ts';

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/api/public/audit',
    {
      config: { rateLimit: ctx.auditRateLimit },
      schema: {
        tags: ['public'],
        summary: '核查一份已公开的预算（披露文件）：读回各表并按勾稽规则检查',
        description: `multipart/form-data，文件字段 file（${READABLE.join('、')}，不超过 20 MB）。返回读出的表、检查结果、覆盖情况与推断放置的数字（与 yusuan audit --format json 相同）及 counts。`,
        consumes: ['multipart/form-data'],
        response: {
          200: {
            type: 'object',
            additionalProperties: true,
            properties: { counts: { type: 'object', properties: { errors: { type: 'integer' }, warnings: { type: 'integer' } } } },
          },
          ...errors(400, 413, 422, 429),
        },
      },
    },
    async (req) => {
      const file = req.isMultipart() ? await req.file() : undefined;
      if (!file) throw badRequest('请以 multipart/form-data 上传披露文件（字段 file）');
      const ext = extname(file.filename).toLowerCase();
      if (!READABLE.includes(ext)) throw invalidInput(`无法读取 ${file.filename}：支持的文件类型为 ${READABLE.join('、')}`);
      const bytes = await file.toBuffer();
      // readers take a path (the CLI's entry point), so the upload is written to a private folder
      const dir = mkdtempSync(join(tmpdir(), 'yusuan-audit-'));
      const path = join(dir, `disclosure${ext}`);
      try {
        writeFileSync(path, bytes);
        const result = await audit(path, 'auto', cachedClassification(shippedYears().at(-1)!));
        const count = (s: string) => result.report.findings.filter((f) => f.severity === s).length;
        return { ...auditJson(result), counts: { errors: count('error'), warnings: count('warning') } };
      } catch (e) {
        if (e instanceof DisclosureError) throw invalidInput(e.message.replaceAll(path, file.filename));
        throw e;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
