/**
 * Cached bodies sent compressed: each coding decompresses to the same JSON as the identity
 * response, carries Vary and its own ETag, and If-None-Match (lists, weak tags, `*`) gives 304.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { negotiate, noneMatchHits } from '../../src/server/encoding.ts';
import { type Client, startServer, type TestServer } from './helpers.ts';

const P = '/api/public/packages/104012/2024/latest';
const F = '/api/budgets/104012/2024/findings';

let s: TestServer;
let anon: Client;
let admin: Client;
beforeAll(async () => {
  s = await startServer();
  anon = s.anonymous();
  admin = await s.login('admin');
}, 120_000);
afterAll(() => s?.close());

const DECODE: Record<string, (b: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync };

describe.each([
  ['public tables', P, () => anon],
  ['public content', `${P}/content`, () => anon],
  ['findings', F, () => admin],
  ['department tables', '/api/public/departments/104/2024', () => anon],
  ['province overview', '/api/public/overview', () => anon],
])('%s', (_name, url, client) => {
  test.each(['br', 'gzip'])('%s decompresses to the identity JSON, with Vary', async (coding) => {
    const plain = await client().get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const res = await client().get(url, { 'accept-encoding': coding === 'br' ? 'gzip, deflate, br' : 'gzip, br;q=0' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(coding);
    expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(DECODE[coding](res.rawPayload).toString('utf8'))).toEqual(plain.json());
  });
});

describe('validation', () => {
  test('each coding has its own strong ETag, and If-None-Match matching it gives 304', async () => {
    const tags = new Set<string>();
    for (const ae of ['', 'br', 'gzip']) {
      const res = await anon.get(P, ae ? { 'accept-encoding': ae } : {});
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^"[^"]+"$/);
      tags.add(etag);
      const again = await anon.get(P, { ...(ae ? { 'accept-encoding': ae } : {}), 'if-none-match': `"other", W/${etag}` });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      expect(String(again.headers.vary).toLowerCase()).toContain('accept-encoding');
    }
    expect(tags.size).toBe(3);
    expect((await anon.get(P, { 'if-none-match': '*' })).statusCode).toBe(304);
    // the gzip tag does not validate the brotli representation
    const gz = (await anon.get(P, { 'accept-encoding': 'gzip' })).headers.etag as string;
    expect((await anon.get(P, { 'accept-encoding': 'br', 'if-none-match': gz })).statusCode).toBe(200);
  });

  test('findings keep the budget version as ETag and are sent in full', async () => {
    const version = await admin.version('104012', 2024);
    const res = await admin.get(F, { 'accept-encoding': 'br', 'if-none-match': `"${version}"` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${version}"`);
  });
});

test('Accept-Encoding negotiation', () => {
  expect(negotiate(undefined)).toBe('identity');
  expect(negotiate('gzip, deflate, br, zstd')).toBe('br');
  expect(negotiate('gzip;q=1, br;q=0.5')).toBe('gzip');
  expect(negotiate('br;q=0, gzip')).toBe('gzip');
  expect(negotiate('*')).toBe('br');
  expect(negotiate('deflate')).toBe('identity');
  expect(negotiate('identity;q=1, gzip;q=0.5')).toBe('identity');
  expect(negotiate('BR ; q=0.8, identity;q=0.1')).toBe('br');
});

test('If-None-Match parsing', () => {
  expect(noneMatchHits(undefined, '"a"')).toBe(false);
  expect(noneMatchHits('"a"', '"a"')).toBe(true);
  expect(noneMatchHits('W/"a"', '"a"')).toBe(true);
  expect(noneMatchHits('"b", "a"', '"a"')).toBe(true);
  expect(noneMatchHits('"b","c"', '"a"')).toBe(false);
  expect(noneMatchHits('"a-br"', '"a"')).toBe(false);
  expect(noneMatchHits(' * ', '"a"')).toBe(true);
});
