/**
 * The yusuan web server: a JSON API over the budget store (see the OpenAPI document at
 * /api/docs). `buildApp` expects a migrated database (see db/migrate.ts); `main.ts` starts it.
 */
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { InputError } from '../formats/input/errors.ts';
import { registerAuth } from './auth/plugin.ts';
import type { Db } from './db/db.ts';
import { ApiError } from './errors.ts';
import { serverSecret } from './repo/sessions.ts';
import { accountRoutes } from './routes/account.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { budgetRoutes } from './routes/budgets.ts';
import { publicationRoutes } from './routes/publication.ts';
import { classificationRoutes } from './routes/classification.ts';
import { lineItemRoutes } from './routes/line-items.ts';
import { orgRoutes } from './routes/org.ts';
import { outputRoutes } from './routes/outputs.ts';
import { publicDepartmentRoutes } from './routes/public-departments.ts';
import { publicOverviewRoutes } from './routes/public-overview.ts';
import { publicRoutes } from './routes/public.ts';
import { userRoutes } from './routes/users.ts';
import { workflowRoutes } from './routes/workflow.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerStatic } from './static.ts';
import type { TrustProxy } from './trust-proxy.ts';
import { DepartmentPackageCache } from './services/department-packages.ts';
import { DownloadCache } from './services/downloads.ts';
import { OutputCache } from './services/outputs.ts';
import { fileJobs, type FileJobs } from './services/file-jobs.ts';
import type { PoolLimits } from '../disclosure/audit/pool.ts';
import { PackageCache } from './services/packages.ts';
import { Generation, ShortLived } from './fresh.ts';
import type { UnitRow } from './repo/org.ts';

export interface AppOptions {
  db: Db;
  /** Send cookies with Secure (default false: plain http on localhost). */
  secureCookies?: boolean;
  /** Login attempts per IP and window (default 10 per minute). */
  loginRateLimit?: { max: number; timeWindow: number | string };
  /** Anonymous disclosure audits per client (default 20 a minute). */
  auditRateLimit?: { max: number; timeWindow: number | string };
  /** JSON body limit in bytes (default 2 MB) and upload limit per file (default 20 MB). */
  bodyLimit?: number;
  uploadLimit?: number;
  logger?: FastifyServerOptions['logger'];
  /** The built web app served at / (default web/dist). */
  webRoot?: string;
  /** Reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY, see trust-proxy.ts); default none. */
  trustProxy?: TrustProxy;
  /** Workers that read uploaded files (default: services/file-jobs.ts SERVER_LIMITS). */
  fileJobs?: Partial<PoolLimits>;
}

/** What the route modules share. */
export interface AppContext {
  db: Db;
  secureCookies: boolean;
  loginRateLimit: { max: number; timeWindow: number | string };
  auditRateLimit: { max: number; timeWindow: number | string };
  outputs: OutputCache;
  packages: PackageCache;
  /** Department packages, composed from the unit packages above. */
  departments: DepartmentPackageCache;
  downloads: DownloadCache;
  /** Bumped by every state-changing request; empties the short-lived caches below and in auth. */
  generation: Generation;
  units: ShortLived<UnitRow>;
  /** Audits and workbook imports run here, never in the server's own thread. */
  fileJobs: FileJobs;
}

const MB = 1024 * 1024;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? 2 * MB, trustProxy: opts.trustProxy ?? false });
  const packages = new PackageCache();
  const generation = new Generation();
  const ctx: AppContext = {
    db: opts.db,
    secureCookies: opts.secureCookies ?? false,
    loginRateLimit: opts.loginRateLimit ?? { max: 10, timeWindow: '1 minute' },
    auditRateLimit: opts.auditRateLimit ?? { max: 20, timeWindow: '1 minute' },
    outputs: new OutputCache(generation),
    packages,
    departments: new DepartmentPackageCache(packages),
    downloads: new DownloadCache(),
    generation,
    units: new ShortLived(generation),
    fileJobs: fileJobs(opts.fileJobs),
  };
  app.addHook('onClose', () => ctx.fileJobs.close());
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ statusCode: 404, code: 'not_found', message: `没有这个地址：${req.method} ${req.url}` });
  });

  await registerSecurityHeaders(app, { https: ctx.secureCookies });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'yusuan 预算 API',
        version: '1',
        description:
          '部门预算的编制、审核与公开。登录后会话在 HttpOnly Cookie 中；所有修改类请求须带 x-csrf-token 头（登录或 GET /api/me 返回）。' +
          '修改预算须带读取时的版本（If-Match 头或 version 字段），过期返回 409。金额：明细与图表为分（整数），表为万元。错误响应 { statusCode, code, message, details }。',
      },
      tags: [
        { name: 'auth', description: '登录与会话' },
        { name: 'users', description: '用户（管理员）' },
        { name: 'org', description: '部门与单位' },
        { name: 'budgets', description: '预算：读取、导入、修改记录' },
        { name: 'line items', description: '预算明细' },
        { name: 'workflow', description: '送审、审核、退回、公开' },
        { name: 'outputs', description: '表、检查结果、下载' },
        { name: 'public', description: '公开数据（无需登录）' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yusuan_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: (_req, c) => rateLimited(c.ttl) });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: opts.uploadLimit ?? 20 * MB, files: 3, fields: 10 } });
  const secret = await serverSecret(opts.db, 'cookie');
  await registerAuth(app, { db: opts.db, secret, secureCookies: ctx.secureCookies, generation });
  // After a change is stored and before it is answered, so the client's next read sees it.
  app.addHook('onSend', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') generation.bump();
  });

  // Liveness for load balancers and monitoring; also the baseline of the server benchmark.
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  for (const routes of [authRoutes, accountRoutes, userRoutes, orgRoutes, budgetRoutes, lineItemRoutes, workflowRoutes, outputRoutes, publicRoutes, publicDepartmentRoutes, publicOverviewRoutes, classificationRoutes, auditRoutes, publicationRoutes]) {
    await routes(app, ctx);
  }
  await registerStatic(app, opts.webRoot);
  return app;
}

const rateLimited = (ttlMs: number) => new ApiError(429, 'rate_limited', `尝试过于频繁，请 ${Math.max(1, Math.ceil(ttlMs / 1000))} 秒后再试`);

function errorHandler(err: FastifyError | Error, req: { log: { error: (o: object, m: string) => void } }, reply: import('fastify').FastifyReply) {
  const send = (statusCode: number, code: string, message: string, details?: unknown) =>
    reply.code(statusCode).send({ statusCode, code, message, ...(details === undefined ? {} : { details }) });
  if (err instanceof ApiError) {
    const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (err.statusCode === 503 && retry) reply.header('retry-after', String(retry));
    return send(err.statusCode, err.code, err.message, err.details);
  }
  if (err instanceof InputError) return send(422, 'invalid_input', `导入的数据有 ${err.problems.length} 处问题：\n${err.message}`, { problems: err.problems });
  const fe = err as FastifyError;
  if (fe.validation) return send(400, 'bad_request', `请求参数不正确：${fe.message}`, fe.validation);
  if (fe.code === 'FST_CSRF_INVALID_TOKEN' || fe.code === 'FST_CSRF_MISSING_SECRET') {
    return send(403, 'csrf', 'CSRF 令牌缺失或无效：请在 x-csrf-token 头中带上登录或 GET /api/me 返回的 csrfToken');
  }
  if (fe.statusCode === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(413, 'too_large', '上传内容过大：JSON 请求体不超过 2 MB，文件不超过 20 MB');
  }
  if (fe.statusCode && fe.statusCode < 500) return send(fe.statusCode, 'bad_request', fe.message);
  req.log.error({ err }, 'unhandled error');
  return send(500, 'internal', '服务器内部错误，请稍后重试或联系管理员');
}
