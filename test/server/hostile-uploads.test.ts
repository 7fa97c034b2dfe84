/**
 * Hostile uploads to the public audit, several at once: zip bombs and over-long sheets are refused
 * with a 422 naming the file and the cap, PDFs that keep pdf.js busy are stopped at the job's time
 * limit (422) or find the queue full (503 with Retry-After), while /api/health keeps answering and
 * a normal audit — retried after Retry-After like any client — succeeds. Temporary files are gone
 * afterwards. Timings are printed, not asserted (scripts/hostile-uploads.ts measures them).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hugeSheetXlsx, slowPdf, zipBombXlsx } from '../../scripts/hostile/files.ts';
import { XLSX_LIMITS } from '../../src/formats/zip-bounds.ts';
import { SEED_TEXT } from '../helpers.ts';
import { startServer, type TestServer } from './helpers.ts';

let s: TestServer;
const privateTmp = mkdtempSync(join(tmpdir(), 'yusuan-hostile-test-'));
const systemTmp = process.env.TMPDIR;
beforeAll(async () => {
  // the route's temporary folders go here, so that what is left can be counted
  process.env.TMPDIR = privateTmp;
  s = await startServer({ auditRateLimit: { max: 1000, timeWindow: '1 minute' }, fileJobs: { workers: 2, queue: 2, jobMillis: 20_000 } }, {});
}, 120_000);
afterAll(async () => {
  await s?.close();
  process.env.TMPDIR = systemTmp;
  rmSync(privateTmp, { recursive: true, force: true });
});

function upload(name: string, content: string | Buffer) {
  const boundary = '----yusuan' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return s.app.inject({ method: 'POST', url: '/api/public/audit', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

describe('hostile uploads at once', () => {
  test('each gets a clear 4xx or 503, health answers throughout, a normal audit succeeds', async () => {
    const [bomb, huge] = [await zipBombXlsx(80), await hugeSheetXlsx(80_000)];
    const pdf = slowPdf(400, 30_000);
    // interleaved, so that each kind reaches a worker before the queue fills
    const hostile = [1, 2, 3].flatMap((i) => [
      { name: `slow-${i}.pdf`, bytes: pdf },
      { name: `bomb-${i}.xlsx`, bytes: bomb },
      ...(i < 3 ? [{ name: `huge-${i}.xlsx`, bytes: huge }] : []),
    ]);
    const started = Date.now();
    const answers = Promise.all(hostile.map((h) => upload(h.name, h.bytes)));
    let settled = false;
    void answers.finally(() => (settled = true));

    // meanwhile: health, and a normal audit retried while the server says it is busy
    const health: number[] = [];
    const probe = (async () => {
      while (!settled) {
        const t = Date.now();
        expect((await s.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
        health.push(Date.now() - t);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const seed = readFileSync(SEED_TEXT, 'utf8');
    let normal = await upload('seed.txt', seed);
    for (let tries = 0; normal.statusCode === 503 && tries < 30; tries++) {
      await new Promise((r) => setTimeout(r, 1000 * Number(normal.headers['retry-after'])));
      normal = await upload('seed.txt', seed);
    }
    const results = await answers;
    await probe;

    expect(normal.statusCode, normal.body).toBe(200);
    expect(normal.json().tables).toHaveLength(23);
    expect(normal.json().counts.errors).toBe(0);
    results.forEach((res, i) => {
      const { name } = hostile[i];
      expect([422, 503], `${name}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      if (res.statusCode === 503) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      else expect(res.json().message).toContain(name);
      if (res.statusCode === 422 && name.startsWith('bomb')) expect(res.json().message).toMatch(/超过单个部件上限 64 MB/);
      if (res.statusCode === 422 && name.startsWith('huge')) expect(res.json().message).toContain(`超过 ${XLSX_LIMITS.rowsPerSheet} 行`);
      if (res.statusCode === 422 && name.startsWith('slow')) expect(res.json().message).toMatch(/超过 20 秒仍未完成|超时/);
    });
    expect(readdirSync(privateTmp).filter((n) => n.startsWith('yusuan-audit-'))).toEqual([]);
    console.log(
      `hostile uploads: ${results.map((r, i) => `${hostile[i].name} ${r.statusCode}`).join(', ')}; ` +
        `all answered in ${((Date.now() - started) / 1000).toFixed(1)} s; health ${health.length} probes, max ${Math.max(...health)} ms; RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
    );
  }, 300_000);
});
