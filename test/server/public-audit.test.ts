/** POST /api/public/audit: anyone can check a published disclosure; abuse is rate-limited. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEED_TEXT } from '../helpers.ts';
import { startServer, type TestServer } from './helpers.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ auditRateLimit: { max: 4, timeWindow: '1 minute' } }, {});
}, 120_000);
afterAll(() => s?.close());

/** A multipart/form-data body with one file field. */
function upload(name: string, content: string | Buffer) {
  const boundary = '----yusuan' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return s.app.inject({ method: 'POST', url: '/api/public/audit', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

describe('public disclosure audit', () => {
  const seed = readFileSync(SEED_TEXT, 'utf8');

  test('the seed text, anonymously: 23 tables and no errors', async () => {
    const res = await upload('seed.txt', seed);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.tables).toHaveLength(23);
    expect(body.counts.errors).toBe(0);
  }, 120_000); // the first audit starts the server's file worker

  test('a changed figure is an error at its table', async () => {
    const res = await upload('changed.txt', seed.replace('社会公益研究 113.94 113.94', '社会公益研究 113.95 113.95'));
    expect(res.statusCode).toBe(200);
    expect(res.json().findings.some((f: { severity: string; table: string }) => f.severity === 'error' && f.table === '03')).toBe(true);
  }, 60_000);

  test('a file that is no disclosure is a clear 422; then the rate limit answers 429', async () => {
    const bad = await upload('notes.txt', '这不是预算公开文件');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toContain('notes.txt');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await upload('notes.txt', 'x')).statusCode);
    expect(statuses).toContain(429);
  }, 60_000);
});
