import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/db.ts';
import { ApiError, notFound } from '../errors.ts';
import { getUnit, type UnitRow } from '../repo/org.ts';
import type { ShortLived } from '../fresh.ts';

export interface UnitYear {
  unit: string;
  year: number;
}

/** The unit, from `cache` when given and fresh (the hot read-only routes pass one). */
export async function unitOr404(q: Queryable, code: string, cache?: ShortLived<UnitRow>, readAt?: number): Promise<UnitRow> {
  const hit = cache?.get(code);
  if (hit) return hit;
  const unit = await getUnit(q, code);
  if (!unit) throw notFound(`单位 ${code} 不存在`);
  if (cache && readAt !== undefined) cache.set(code, unit, readAt);
  return unit;
}

/**
 * The budget version the client last read: the `If-Match` header ("3", W/"3" or 3) or a
 * `version` field of the body. Writes without it are refused, so no one overwrites unseen changes.
 */
export function expectedVersion(req: FastifyRequest): number {
  const header = req.headers['if-match'];
  const m = typeof header === 'string' ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim()) : null;
  if (m) return Number(m[1]);
  const body = req.body as { version?: unknown } | undefined;
  if (typeof body?.version === 'number' && Number.isInteger(body.version)) return body.version;
  throw new ApiError(428, 'precondition_required', '缺少版本号：请在 If-Match 头或 version 字段中提供读取预算时的版本');
}

export function setVersion(reply: FastifyReply, version: number) {
  reply.header('etag', `"${version}"`);
}

/**
 * An uploaded file's bytes. @fastify/multipart can end a stream cut at the size limit without
 * throwing (seen in the soak: a 21 MB audit upload answered 200), so a cut file is refused here.
 */
export async function uploadBytes(file: MultipartFile): Promise<Buffer> {
  const bytes = await file.toBuffer();
  if (file.file.truncated) throw new ApiError(413, 'too_large', `上传内容过大：${file.filename} 超过文件大小上限`);
  return bytes;
}
