/**
 * POST /api/public/audit: the web form of `yusuan audit`, open to anyone (inspectors, researchers,
 * journalists) and rate-limited, since it reads nothing private and writes nothing. An uploaded
 * disclosure is read back into tables by the reader for its file type and checked like our own
 * tables, in one of the server's file workers (a heap and time limit each, a short queue: a full
 * one answers 503 with Retry-After); the answer is the audit JSON of the command (tables,
 * findings, coverage, guessed placements) plus the finding counts. One file per request: a page
 * with several files sends them one after another.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { READABLE } from '../../disclosure/read/index.ts';
import type { AuditOutcome } from '../../disclosure/audit/outcome.ts';
import { badRequest, invalidInput } from '../errors.ts';
import { uploadBytes } from './common.ts';
import { errors } from '../schemas.ts';
import { abortOnClose, refuseWhenFull, runFileJob } from '../services/file-jobs.ts';
import type { AppContext } from '../app.ts';

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/api/public/audit',
    {
      config: { rateLimit: ctx.auditRateLimit },
      schema: {
        tags: ['public'],
        summary: '核查一份已公开的预算（披露文件）：读回各表并按勾稽规则检查',
        description: `multipart/form-data，文件字段 file（${READABLE.join('、')}，不超过 20 MB）。返回读出的表、检查结果、覆盖情况与推断放置的数字（与 yusuan audit --format json 相同）及 counts。文件超过读取上限（解压大小、行数、页数、时间、内存）时返回 422；同时处理的文件过多时返回 503 与 Retry-After。`,
        consumes: ['multipart/form-data'],
        response: {
          200: {
            type: 'object',
            additionalProperties: true,
            properties: { counts: { type: 'object', properties: { errors: { type: 'integer' }, warnings: { type: 'integer' } } } },
          },
          ...errors(400, 413, 422, 429, 503),
        },
      },
    },
    async (req, reply) => {
      refuseWhenFull(ctx.fileJobs);
      const file = req.isMultipart() ? await req.file() : undefined;
      if (!file) throw badRequest('请以 multipart/form-data 上传披露文件（字段 file）');
      const ext = extname(file.filename).toLowerCase();
      if (!READABLE.includes(ext)) throw invalidInput(`无法读取 ${file.filename}：支持的文件类型为 ${READABLE.join('、')}`);
      const bytes = await uploadBytes(file);
      const signal = abortOnClose(reply.raw);
      // readers take a path (the CLI's entry point), so the upload is written to a private folder,
      // removed however the job ends (done, refused, over its limits, or the client gone)
      const dir = mkdtempSync(join(tmpdir(), 'yusuan-audit-'));
      try {
        // under the upload's own name: readers name the file in their messages
        const path = join(dir, basename(file.filename).replace(/[^\p{L}\p{N}._-]/gu, '_'));
        writeFileSync(path, bytes);
        const request = { path, name: file.filename, layout: 'auto' as const, formats: ['api' as const] };
        const outcome = await runFileJob<AuditOutcome>(ctx.fileJobs, { kind: 'audit', request }, file.filename, signal);
        if (!outcome.ok) throw invalidInput(outcome.unreadable);
        return reply.type('application/json; charset=utf-8').send(outcome.reports.api);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
