/**
 * `npm start` runs the compiled server (dist/server/main.js), not the sources the other server tests
 * import: files read beside a module, and worker modules, must be found from dist/ too. This starts
 * the compiled server on a fresh embedded database and audits a document through its worker pool.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const SEED = new URL('../fixtures/seed/000_3c3361467ddba6b8.txt', import.meta.url);
const PORT = 39_000 + (process.pid % 1000);
const base = `http://127.0.0.1:${PORT}`;

let server: ChildProcess;
let dataDir: string;
let log = '';

async function healthy(): Promise<boolean> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) return false;
    try {
      if ((await fetch(`${base}/api/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

describe('the compiled server (npm start)', () => {
  beforeAll(async () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    dataDir = mkdtempSync(join(tmpdir(), 'yusuan-compiled-'));
    server = spawn(process.execPath, ['dist/server/main.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', PGLITE_DIR: join(dataDir, 'pglite'), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    });
    server.stdout?.on('data', (d) => (log += d));
    server.stderr?.on('data', (d) => (log += d));
  }, 180_000);

  afterAll(() => {
    server?.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, answers, and audits an upload in its worker pool', async () => {
    expect(await healthy(), log).toBe(true);
    const form = new FormData();
    form.append('file', new Blob([readFileSync(SEED)]), 'seed.txt');
    const res = await fetch(`${base}/api/public/audit`, { method: 'POST', body: form });
    expect(res.status, await res.clone().text()).toBe(200);
    const report = (await res.json()) as { layout: string; coverage: { tablesFound: number } };
    expect(report.layout).toBe('hunan-23');
    expect(report.coverage.tablesFound).toBe(23);
  }, 240_000);
});
