/**
 * Cached response bodies sent compressed. A body that never changes (a snapshot's tables, the
 * findings of one budget version) is compressed once per coding, on the first request that asks
 * for it, and every later request gets the stored bytes: compressing per request would cost more
 * than serialising did. Each coding is its own representation with its own strong ETag (`"h"`,
 * `"h-br"`, `"h-gzip"`), so a cache never mixes them up; responses carry `Vary: Accept-Encoding`.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type Coding = 'br' | 'gzip' | 'identity';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Below this size compression saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESS: Record<Exclude<Coding, 'identity'>, (b: Buffer) => Promise<Buffer>> = {
  // the best (slowest) settings: this runs once per body, not per request
  br: (b) => brotli(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
  gzip: (b) => gz(b, { level: 9 }),
};

export class EncodedBody {
  readonly identity: Buffer;
  private readonly coded = new Map<Coding, Promise<Buffer>>();
  /** `tag`: the opaque part of the identity ETag (no quotes), e.g. the content hash. */
  constructor(
    body: Buffer | string,
    readonly tag: string,
  ) {
    this.identity = typeof body === 'string' ? Buffer.from(body) : body;
  }

  get compressible() {
    return this.identity.length >= MIN_COMPRESS_BYTES;
  }

  bytes(coding: Coding): Promise<Buffer> {
    if (coding === 'identity') return Promise.resolve(this.identity);
    let p = this.coded.get(coding);
    if (!p) {
      p = COMPRESS[coding](this.identity);
      p.catch(() => this.coded.delete(coding));
      this.coded.set(coding, p);
    }
    return p;
  }

  etag(coding: Coding) {
    return `"${this.tag}${coding === 'identity' ? '' : `-${coding}`}"`;
  }
}

/** The coding to send for an Accept-Encoding header: the highest q among br, gzip, identity; in that order on a tie. */
export function negotiate(header: string | string[] | undefined): Coding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [raw, ...params] = part.toLowerCase().split(';');
    const name = raw.trim();
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const star = q.get('*');
  // identity not named is acceptable but least preferred; named or refused, it counts as given
  const weight = (c: Coding) => q.get(c) ?? (c === 'identity' ? Math.min(star ?? 1, 0.001) : (star ?? 0));
  let best: Coding = 'identity';
  let bestQ = 0;
  for (const c of ['br', 'gzip', 'identity'] as const) {
    if (weight(c) > bestQ) [best, bestQ] = [c, weight(c)];
  }
  // nothing acceptable: identity anyway (a 406 helps no one here)
  return best;
}

/**
 * Whether If-None-Match matches `etag` (RFC 9110 §13.1.2): `*`, or any tag of the list by weak
 * comparison (W/ ignored).
 */
export function noneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  for (const m of text.matchAll(/(?:W\/)?("[^"]*")/g)) if (m[1] === opaque) return true;
  return false;
}

/**
 * Sends a cached body in the coding the client prefers, with `Vary: Accept-Encoding`. With
 * `validate` (the default), also its ETag, answering 304 when If-None-Match matches it; routes
 * whose ETag means something else (a budget's version) pass false and set their own.
 */
export async function sendEncoded(req: FastifyRequest, reply: FastifyReply, body: EncodedBody, contentType: string, validate = true) {
  const coding = body.compressible ? negotiate(req.headers['accept-encoding']) : 'identity';
  reply.header('vary', 'accept-encoding');
  if (validate) {
    const etag = body.etag(coding);
    reply.header('etag', etag);
    if (noneMatchHits(req.headers['if-none-match'], etag)) return reply.code(304).send();
  }
  const bytes = await body.bytes(coding);
  if (coding !== 'identity') reply.header('content-encoding', coding);
  return reply.type(contentType).send(bytes);
}
