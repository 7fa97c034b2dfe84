/** An upload over the size limit is refused with 413, never read cut short (audit and code-list import alike). */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ uploadLimit: 64 * 1024 }, {});
}, 120_000);
afterAll(() => s?.close());

function upload(url: string, name: string, content: Buffer) {
  const boundary = '----yusuan' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return s.app.inject({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

test('a disclosure over the upload limit answers 413 too_large, whatever its size past the limit', async () => {
  for (const size of [64 * 1024 + 1, 200 * 1024, 3 * 1024 * 1024]) {
    const res = await upload('/api/public/audit', 'big.txt', Buffer.alloc(size, '预算 1.00\n'));
    expect(res.statusCode, `${size} bytes: ${res.body.slice(0, 200)}`).toBe(413);
    expect(res.json().code).toBe('too_large');
  }
}, 120_000);
