/**
 * Server throughput: the app on in-memory PGlite with both examples published, listening on
 * 127.0.0.1, loaded by autocannon (10 connections; 3 interleaved rounds of 3 s per endpoint, the median round reported) on the public table
 * endpoint and on the findings endpoint (signed in), each asked with `accept-encoding: br, gzip` and without. Run alone: `node --import tsx bench/server.ts`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../src/server/app.ts';
import { openDb } from '../src/server/db/db.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { createAdmin, seedExamples } from '../src/server/seed.ts';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const BR = { 'accept-encoding': 'br, gzip' };

export interface ServerBenchResult {
  name: string;
  /** requests per second, average over the run */
  rps: number;
  /** 99th percentile latency, ms */
  p99: number;
}

export async function benchServer(opts: { duration?: number; connections?: number; rounds?: number } = {}): Promise<ServerBenchResult[]> {
  const db = await openDb({});
  await migrate(db);
  const admin = await createAdmin(db);
  await seedExamples(db, admin.user, { publish: true });
  const app = await buildApp({ db });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/login', payload: { username: 'admin', password: admin.password } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const targets = [
      { name: 'baseline GET /api/health', url: `${base}/api/health` },
      // as a browser asks (compressed), and without Accept-Encoding
      { name: 'public tables GET /api/public/packages/186001/2024/latest (br)', url: `${base}/api/public/packages/186001/2024/latest`, headers: BR },
      { name: 'public tables, uncompressed', url: `${base}/api/public/packages/186001/2024/latest` },
      { name: 'findings GET /api/budgets/186001/2024/findings (br)', url: `${base}/api/budgets/186001/2024/findings`, headers: { cookie, ...BR } },
      { name: 'findings, uncompressed', url: `${base}/api/budgets/186001/2024/findings`, headers: { cookie } },
    ];
    // Rounds interleave the endpoints so that a busy moment of the machine hits them all; the
    // median round per endpoint is reported. The first, short round only warms the JIT.
    const rounds = opts.rounds ?? 3;
    const runs: ServerBenchResult[][] = targets.map(() => []);
    for (let round = -1; round < rounds; round++) {
      for (const [i, t] of targets.entries()) {
        const r = await autocannon({ url: t.url, headers: t.headers, connections: opts.connections ?? 10, duration: round < 0 ? 1 : (opts.duration ?? 3) });
        if (r.non2xx || r.errors) throw new Error(`${t.name}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
        if (round >= 0) runs[i].push({ name: t.name, rps: Math.round(r.requests.average), p99: r.latency.p99 });
      }
    }
    const results = runs.map((rs) => [...rs].sort((a, b) => a.rps - b.rps)[rs.length >> 1]);
    return results;
  } finally {
    await app.close();
    await db.close();
  }
}

/** The first result is the baseline (a trivial route on the same server); the others are shown against it. */
export const formatServerBench = (rs: ServerBenchResult[]) =>
  [
    'server (127.0.0.1, autocannon, 10 connections, median of 3 interleaved rounds)',
    ...rs.map((r, i) => `  ${r.name}: ${r.rps} req/s, p99 ${r.p99} ms${i ? `  (${(r.rps / rs[0].rps).toFixed(2)}× of baseline req/s)` : ''}`),
  ].join('\n');

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.log(formatServerBench(await benchServer()));
