/**
 * Hostile uploads against a local server: ten zip bombs, ten huge-sheet workbooks and ten slow
 * PDFs posted at once to POST /api/public/audit (plus three slow PDFs whose clients hang up), while
 * /api/health, a public read and a normal audit (our PDF of the seed, retried after Retry-After
 * like any client) go on. Prints health latency, the server's peak RSS, the status codes and what
 * the normal requests got; exits 1 when a hostile request got anything but 4xx/503, a normal one
 * failed, health took over 1 s, RSS passed 1.5 GB or a temporary folder was left.
 *
 *   node --import tsx scripts/hostile-uploads.ts [--port 3130]
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pdfBuffer } from '../src/formats/pdf.ts';
import { readBudgetFolder } from '../src/formats/input/budget-folder.ts';
import { buildTables } from '../src/tables/index.ts';
import { hugeSheetXlsx, slowPdf, zipBombXlsx } from './hostile/files.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3130' } } });
const base = `http://127.0.0.1:${values.port}`;
const MB = 1024 * 1024;
const run = async (cmd: string, args: string[]) => (await promisify(execFile)(cmd, args)).stdout;

console.log('making the files…');
const [bomb, huge] = [await zipBombXlsx(400), await hugeSheetXlsx(200_000)];
const pdf = slowPdf(400, 30_000);
const seed = readBudgetFolder('examples/hunan-104012');
const normalPdf = await pdfBuffer(buildTables(seed.budget, seed.classification));
console.log(`zip bomb ${(bomb.length / MB).toFixed(2)} MB (400 MB inflated), huge sheet ${(huge.length / MB).toFixed(2)} MB (200,000 rows), slow PDF ${(pdf.length / 1024).toFixed(0)} KB (400 pages)`);

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-hostile-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/hostile/serve.ts'], { env: { ...process.env, PORT: values.port, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  server.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const rssOf = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const peakOf = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
console.log(`server pid ${server.pid} ready, RSS ${(rssOf() / MB).toFixed(0)} MB`);

function post(name: string, bytes: Buffer, signal?: AbortSignal) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${base}/api/public/audit`, { method: 'POST', body: form, signal });
}

try {
  const started = Date.now();
  const hostile = [
    ...Array.from({ length: 10 }, (_, i) => ({ kind: 'zip bomb', name: `bomb-${i}.xlsx`, bytes: bomb })),
    ...Array.from({ length: 10 }, (_, i) => ({ kind: 'huge sheet', name: `huge-${i}.xlsx`, bytes: huge })),
    ...Array.from({ length: 10 }, (_, i) => ({ kind: 'slow PDF', name: `slow-${i}.pdf`, bytes: pdf })),
  ];
  const answers = hostile.map(async (h) => {
    const res = await post(h.name, h.bytes);
    const body = (await res.json()) as { message?: string };
    return { ...h, status: res.status, retryAfter: res.headers.get('retry-after'), message: body.message ?? '', millis: Date.now() - started };
  });
  // clients that hang up while their slow PDF is queued or running
  const hangUps = Array.from({ length: 3 }, (_, i) => post(`gone-${i}.pdf`, pdf, AbortSignal.timeout(1500)).then((r) => r.status, () => 'aborted'));
  let settled = false;
  void Promise.allSettled(answers).then(() => (settled = true));

  const health: number[] = [];
  const slowHealth: string[] = [];
  const reads: number[] = [];
  let rssMax = 0;
  const probes = (async () => {
    while (!settled) {
      rssMax = Math.max(rssMax, rssOf());
      // curl times the server alone: this process is busy sending thirty uploads
      const at = (Date.now() - started) / 1000;
      const probe = await run('curl', ['-s', '-o', '/dev/null', '-m', '30', '-w', '%{http_code} %{time_total}', `${base}/api/health`]).catch(() => '0 30');
      const [code, seconds] = probe.split(' ');
      health.push(code === '200' ? Math.round(Number(seconds) * 1000) : Infinity);
      if (health.at(-1)! > 1000) slowHealth.push(`${health.at(-1)} ms at ${at.toFixed(1)} s`);
      const r = await fetch(`${base}/api/public/departments`).catch(() => undefined);
      reads.push(r?.status ?? 0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const normal = (async () => {
    await new Promise((r) => setTimeout(r, 500));
    const t = Date.now();
    for (let attempt = 1; ; attempt++) {
      const res = await post('seed.pdf', normalPdf);
      if (res.status !== 503 || attempt > 60) {
        const body = (await res.json()) as { tables?: unknown[]; counts?: { errors: number } };
        return { status: res.status, attempts: attempt, tables: body.tables?.length, errors: body.counts?.errors, seconds: (Date.now() - t) / 1000 };
      }
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 5)));
    }
  })();

  const results = await Promise.all(answers);
  const [normalResult, hungUp] = [await normal, await Promise.all(hangUps)];
  await probes;
  await new Promise((r) => setTimeout(r, 1000));
  const leftovers = readdirSync(tmp).filter((n) => n.startsWith('yusuan-audit-'));

  const sorted = [...health].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  console.log(`\nall 30 hostile requests answered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const kind of ['zip bomb', 'huge sheet', 'slow PDF']) {
    const mine = results.filter((r) => r.kind === kind);
    const codes = [...new Set(mine.map((r) => r.status))].map((c) => `${c}×${mine.filter((r) => r.status === c).length}`);
    const times = mine.map((r) => r.millis / 1000);
    console.log(`  ${kind}: ${codes.join(', ')}; answers from ${Math.min(...times).toFixed(1)} s to ${Math.max(...times).toFixed(1)} s`);
    for (const status of new Set(mine.map((r) => r.status))) console.log(`    ${status}: ${mine.find((r) => r.status === status)!.message}`);
  }
  console.log(`  clients that hung up: ${hungUp.join(', ')}; temporary folders left: ${leftovers.length}`);
  console.log(`health: ${health.length} probes, p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${sorted.at(-1)} ms${slowHealth.length ? ` (over 1 s: ${slowHealth.join(', ')})` : ''}`);
  console.log(`public reads: ${reads.filter((s) => s === 200).length}/${reads.length} answered 200`);
  console.log(`normal audit (our PDF of the seed): ${normalResult.status} after ${normalResult.attempts} attempt(s) in ${normalResult.seconds.toFixed(1)} s, ${normalResult.tables} tables, ${normalResult.errors} errors`);
  console.log(`server RSS: sampled max ${(rssMax / MB).toFixed(0)} MB, peak (VmHWM) ${(peakOf() / MB).toFixed(0)} MB, now ${(rssOf() / MB).toFixed(0)} MB`);

  const failures = [
    ...results.filter((r) => !(r.status >= 400 && r.status < 500) && r.status !== 503).map((r) => `${r.name} answered ${r.status}`),
    ...(normalResult.status === 200 && normalResult.errors === 0 ? [] : ['the normal audit failed']),
    ...(reads.every((s) => s === 200) ? [] : ['a public read failed']),
    ...(sorted.at(-1)! <= 1000 ? [] : ['health took over 1 s']),
    ...(peakOf() < 1.5 * 1024 * MB ? [] : ['RSS passed 1.5 GB']),
    ...(leftovers.length ? ['temporary folders left behind'] : []),
  ];
  console.log(failures.length ? `FAILED: ${failures.join('; ')}` : 'OK: every hostile request got 4xx/503, normal requests succeeded, health within 1 s, RSS under 1.5 GB');
  process.exitCode = failures.length ? 1 : 0;
} finally {
  server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
