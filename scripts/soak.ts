/**
 * `npm run soak [-- --seconds 60 --clients 8 --port 3199 | --url http://127.0.0.1:3000 --password P --pid N]`
 *
 * Starts a fresh server on loopback (its own PGlite folder, the examples loaded and published,
 * TRUST_PROXY=127.0.0.1 so that the virtual clients, each with its own X-Forwarded-For address,
 * have their own rate limits) — or targets a running one with --url (the admin's --password for the
 * signed-in part, --pid to sample its memory). Then for a bounded time it runs the mix of
 * scripts/soak/mix.ts: public reads, logins, edits, imports and hostile uploads, stops by itself
 * and prints requests served, errors, latency (p50, p99, max) per operation and the server's peak
 * RSS. Exit 1 when any request failed (see mix.ts for what counts as a failure).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Ctx, healthy, type Op, OPS, signIn } from './soak/mix.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '8' },
    port: { type: 'string', default: '3199' },
    url: { type: 'string' },
    password: { type: 'string' },
    pid: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);

/** A small seeded generator, so that a run's mix can be repeated. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

async function startServer(port: number) {
  // as `npm start` does: the web app is built when missing or stale, so / and the app's pages answer
  const built = spawnSync(process.execPath, ['web/build-if-stale.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('web/build-if-stale.mjs failed');
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-soak-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), PGLITE_DIR: join(dir, 'pglite'), TRUST_PROXY: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const password = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within 5 minutes:\n${out}`)), 300_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/管理员 admin 的密码[^：]*：(\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready:\n${out}`)));
  });
  child.stdout!.resume();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  return { child, password, stop };
}

/** Resident memory of a process (Linux /proc), in MB; undefined where it cannot be read. */
function rssMb(pid: number): number | undefined {
  try {
    const kb = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1]);
    return kb / 1024;
  } catch {
    return undefined;
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

interface Tally {
  ms: number[];
  errors: number;
  statuses: Map<string, number>;
}

let server: Awaited<ReturnType<typeof startServer>> | undefined;

async function main() {
  const started = Date.now();
  server = values.url ? undefined : await startServer(Number(values.port));
  const base = (values.url ?? `http://127.0.0.1:${values.port}`).replace(/\/$/, '');
  const pid = server?.child.pid ?? (values.pid ? Number(values.pid) : undefined);
  const adminPassword = values.password ?? server?.password;
  if (server) console.log(`server started in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${pid}), ${base}`);

  let peak = pid ? (rssMb(pid) ?? 0) : 0;
  const sampler = setInterval(() => (peak = Math.max(peak, (pid && rssMb(pid)) || 0)), 250);
  const admin = adminPassword ? await signIn(base, adminPassword) : undefined;
  const pdfRes = await fetch(`${base}/api/public/packages/104012/2024/latest/download.pdf`);
  if (!pdfRes.ok) throw new Error(`the published PDF could not be fetched: ${pdfRes.status}`);
  const pdf = new Uint8Array(await pdfRes.arrayBuffer());
  const ops = OPS.filter((op) => !op.admin || admin);
  const total = ops.reduce((s, op) => s + op.weight, 0);
  const tallies = new Map<string, Tally>(ops.map((op) => [op.name, { ms: [], errors: 0, statuses: new Map() }]));
  const failures: string[] = [];
  const deadline = Date.now() + seconds * 1000;

  const client = async (n: number) => {
    const rnd = random(Number(values.seed) * 1000 + n);
    const ctx: Ctx = { base, client: `198.51.100.${n + 1}`, admin, adminPassword, pdf };
    while (Date.now() < deadline) {
      let r = rnd() * total;
      const op = ops.find((o) => (r -= o.weight) < 0) ?? ops[0];
      const tally = tallies.get(op.name)!;
      const t0 = performance.now();
      let outcome: string;
      try {
        const res = await op.run(ctx, rnd);
        await res.arrayBuffer();
        outcome = String(res.status);
        if (!healthy(op, res)) fail(op, tally, `${res.status} ${new URL(res.url).pathname}`);
      } catch (e) {
        outcome = (e as Error).name === 'TimeoutError' ? 'timeout' : 'network error';
        fail(op, tally, `${outcome}: ${(e as Error).message}`);
      }
      tally.ms.push(performance.now() - t0);
      tally.statuses.set(outcome, (tally.statuses.get(outcome) ?? 0) + 1);
    }
  };
  const fail = (op: Op, tally: Tally, what: string) => {
    tally.errors++;
    if (failures.length < 20) failures.push(`${op.name}: ${what}`);
  };

  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  const health = await fetch(`${base}/api/health`).then((r) => r.status, () => 0);
  clearInterval(sampler);
  await server?.stop();
  server = undefined;

  const all = [...tallies.values()].flatMap((t) => t.ms).sort((a, b) => a - b);
  const errors = [...tallies.values()].reduce((s, t) => s + t.errors, 0);
  console.log(`\nsoak: ${seconds} s, ${clients} clients against ${base}${admin ? '' : ' (public part only: no admin password)'}`);
  console.log(`requests served: ${all.length} (${(all.length / seconds).toFixed(1)}/s)   errors: ${errors}   p50 ${percentile(all, 50).toFixed(0)} ms   p99 ${percentile(all, 99).toFixed(0)} ms   max ${(all.at(-1) ?? 0).toFixed(0)} ms`);
  console.log(`peak RSS of the server: ${pid ? `${peak.toFixed(0)} MB` : 'not measured (give --pid)'}   /api/health afterwards: ${health}`);
  console.log('\noperation                           requests  errors  p50 ms  p99 ms  statuses');
  for (const [name, t] of tallies) {
    const ms = [...t.ms].sort((a, b) => a - b);
    const statuses = [...t.statuses].sort().map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`${name.padEnd(36)}${String(ms.length).padStart(8)}${String(t.errors).padStart(8)}${percentile(ms, 50).toFixed(0).padStart(8)}${percentile(ms, 99).toFixed(0).padStart(8)}  ${statuses}`);
  }
  if (failures.length) console.log(`\nfirst failures:\n  ${failures.join('\n  ')}`);
  process.exitCode = errors || health !== 200 ? 1 : 0;
}

try {
  await main();
} finally {
  // also when the run failed half-way: never leave the server behind
  await server?.stop();
}
